import Testing
@testable import SimScenario

/// `--vary` values: a list as written, or a range computed exactly in the values' own terms
/// (whole nanoseconds, thousandths of an event, decimals), refused when it cannot be exact.
struct SweepValuesTests {
    func values(_ text: String) throws -> [String] { try SweepValues.parse(text) }

    @Test func listsAreKeptAsWritten() throws {
        #expect(try values("100ms,500ms,1s,2s,4s") == ["100ms", "500ms", "1s", "2s", "4s"])
        #expect(try values("outbox, dual-write") == ["outbox", "dual-write"])
        #expect(try values("8") == ["8"])
    }

    @Test func rateRangesAreExact() throws {
        #expect(try values("50/s..400/s:8") == ["50/s", "100/s", "150/s", "200/s", "250/s", "300/s", "350/s", "400/s"])
        #expect(try values("0.5/s..2/s:4") == ["0.5/s", "1/s", "1.5/s", "2/s"])
        #expect(try values("1/s..2/s:5") == ["1/s", "1.25/s", "1.5/s", "1.75/s", "2/s"])
        #expect(try values("3000/m..6000/m:3") == ["3000/m", "4500/m", "6000/m"])
        #expect(try values("400/s..100/s:4") == ["400/s", "300/s", "200/s", "100/s"])
    }

    @Test func durationRangesAreExactInTheirUnit() throws {
        #expect(try values("100ms..1s:4") == ["100ms", "400ms", "700ms", "1000ms"])
        #expect(try values("1s..2s:5") == ["1s", "1.25s", "1.5s", "1.75s", "2s"])
        #expect(try values("250us..1ms:4") == ["250us", "500us", "750us", "1000us"])
        #expect(try values("1µs..3µs:3") == ["1µs", "2µs", "3µs"])
        // A third of a minute is not a decimal number of minutes, but it is of seconds.
        #expect(try values("1m..2m:4") == ["60s", "80s", "100s", "120s"])
        #expect(try values("1ns..3ns:3") == ["1ns", "2ns", "3ns"])
    }

    @Test func numberRangesAreExactDecimals() throws {
        #expect(try values("0..1:3") == ["0", "0.5", "1"])
        #expect(try values("0.1..0.5:5") == ["0.1", "0.2", "0.3", "0.4", "0.5"])
        #expect(try values("10..40:4") == ["10", "20", "30", "40"])
        #expect(try values("1..2:9") == ["1", "1.125", "1.25", "1.375", "1.5", "1.625", "1.75", "1.875", "2"])
        #expect(try values("-1..1:5") == ["-1", "-0.5", "0", "0.5", "1"])
    }

    @Test func rangesThatCannotBeExactAreRefused() {
        expectProblem("1ns..2ns:3", "the values would not be whole nanoseconds apart")
        expectProblem("0..1:4", "the values would not be exact decimals")
        expectProblem("1/s..2/s:7", "the values would need more than three decimals")
        expectProblem("1/s..120/m:3", "write both ends per the same unit")
    }

    @Test func malformedValuesAreRefusedWithTheReason() {
        expectProblem("1s..2s", "expected a range such as 100ms..2s:5")
        expectProblem("1s..2s:1", "the count after ':' must be a whole number from 2 to 1000")
        expectProblem("1s..2s:x", "the count after ':' must be a whole number from 2 to 1000")
        expectProblem("1s..1s:3", "both ends are 1s")
        expectProblem("1s..2/s:3", "expected both ends to be durations, rates or numbers")
        expectProblem("1s,2s..3s:2", "mixes a list and a range")
        expectProblem("1s,,2s", "has an empty value at position 2")
        expectProblem("1s,2s,1s", "lists 1s twice")
    }

    func expectProblem(_ text: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let parsed = try SweepValues.parse(text)
            Issue.record("'\(text)' parsed as \(parsed)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description.contains(message), "\(error.description)", sourceLocation: sourceLocation)
        }
    }
}
