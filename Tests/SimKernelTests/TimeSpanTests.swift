import Testing
@testable import SimKernel

/// Durations and rates parse and print exactly, never through floating point.
struct TimeSpanTests {
    @Test("every unit parses to the exact number of nanoseconds", arguments: [
        ("250us", 250_000), ("1.5ms", 1_500_000), ("100ms", 100_000_000), ("4s", 4_000_000_000),
        ("5m", 300_000_000_000), ("1h", 3_600_000_000_000), ("0.1s", 100_000_000), ("7ns", 7),
        ("2µs", 2_000), ("0.000000001s", 1), ("-3ms", -3_000_000),
    ] as [(String, Int64)])
    func parses(text: String, nanoseconds: Int64) {
        #expect(TimeSpan(parsing: text)?.nanoseconds == nanoseconds)
    }

    @Test func zerosThatChangeNothingAreReadAtAnyLength() {
        let zeros = String(repeating: "0", count: 10_000)
        #expect(TimeSpan(parsing: "1." + zeros + "s") == .seconds(1))
        #expect(TimeSpan(parsing: zeros + "1ms") == .milliseconds(1))
        #expect(TimeSpan(parsing: "0.1" + zeros + "s") == .milliseconds(100))
        #expect(Rate(parsing: "200." + zeros + "/s") == Rate(parsing: "200/s"))
        #expect(TimeSpan(parsing: "0." + zeros + "1s") == nil)  // less than a nanosecond
    }

    @Test("a well-formed duration longer than a TimeSpan holds is told apart from a malformed one", arguments: [
        ("2562048h", true), ("-2562048h", true), ("9223372036.854775808s", true), ("1000000000000000000000000000000s", true),
        ("99999999999999999999.5ns", true), ("2562047.79h", true),
        ("2562047h", false), ("9223372036.854775807s", false), ("1.5ns", false), ("10parsecs", false), ("1e30s", false), ("1.s", false),
    ])
    func tooLong(text: String, isTooLong: Bool) {
        #expect(TimeSpan.isTooLong(text) == isTooLong)
        if isTooLong { #expect(TimeSpan(parsing: text) == nil) }
    }

    @Test("a well-formed duration between two nanoseconds is told apart from a malformed or too long one", arguments: [
        ("0.5ns", true), ("1.0000000001s", true), ("-0.5ns", true), ("0.0000000000001h", true),
        ("1ns", false), ("1.000000001s", false), ("0.5 ns", false), ("2562048.5h", false), ("1.5", false),
    ])
    func finerThanNanoseconds(text: String, isFiner: Bool) {
        #expect(TimeSpan.isFinerThanNanoseconds(text) == isFiner)
        if isFiner { #expect(TimeSpan(parsing: text) == nil) }
    }

    @Test func aWellFormedRateTooFrequentForARateIsToldApartFromAMalformedOne() {
        for tooFrequent in ["99999999999999999999999/s", "9223372036854776/h", "9223372036854775.808/ns"] { #expect(Rate.isTooFrequent(tooFrequent)) }
        for other in ["9223372036854775/h", "0.0005/s", "-5/s", "1e30/s", "99999999999999999999999/parsec"] { #expect(!Rate.isTooFrequent(other)) }
        #expect(Rate.preciseEquivalent(of: "99999999999999999999999/s") == nil)
    }

    @Test("text that is not a duration is refused", arguments: [
        "", "10", "ms", "10 ms", "1.5ns", "1..5s", "10parsecs", "1e3ms", "99999999999999999999h", "--1s", ".s",
        ".5s", "1.s", "-.5s", "1.ms", "0.s",
    ])
    func refuses(text: String) {
        #expect(TimeSpan(parsing: text) == nil)
    }

    @Test("printing is exact and round-trips", arguments: [
        (1_500_000, "1.5ms"), (250_000, "250us"), (4_000_000_000, "4s"), (90_000_000_000, "1.5m"),
        (3_600_000_000_000, "1h"), (7, "7ns"), (1_000_001, "1000.001us"), (0, "0s"), (-2_000_000, "-2ms"),
        // A drawn time of a second or more stays in seconds, with every decimal it needs.
        (18_270_088_169, "18.270088169s"), (1_500_500_000, "1.5005s"), (-90_000_000_001, "-90.000000001s"),
    ] as [(Int64, String)])
    func prints(nanoseconds: Int64, text: String) {
        let span = TimeSpan(nanoseconds: nanoseconds)
        #expect(span.description == text)
        #expect(TimeSpan(parsing: text) == span)
    }

    @Test func ratesParseInAnyUnit() throws {
        let perSecond = try #require(Rate(parsing: "200/s"))
        #expect(perSecond.eventsPerSecond == 200)
        #expect(perSecond.meanGap == .milliseconds(5))
        #expect(Rate(parsing: "3/ms")?.eventsPerSecond == 3_000)
        #expect(Rate(parsing: "12000/m")?.eventsPerSecond == 200)
        #expect(Rate(parsing: "0.5/s")?.meanGap == .seconds(2))
        #expect(Rate(parsing: "12000/m")?.description == "12000/m")
        for bad in ["200", "/s", "200/", "200/parsec", "-5/s", "2/s/s"] { #expect(Rate(parsing: bad) == nil) }
        #expect(Rate(parsing: "0/s")?.meanGap == nil)
    }

    @Test func aBareDecimalPointIsRefusedInARateToo() {
        for bad in [".5/s", "200./s", "./s"] { #expect(Rate(parsing: bad) == nil) }
    }

    @Test("a duration with a bare decimal point is shown written strictly", arguments: [
        ("1.s", "1s"), (".5s", "0.5s"), ("-.5ms", "-0.5ms"), ("250.us", "250us"), (".25µs", "0.25µs"),
    ])
    func strictDuration(text: String, strict: String) {
        #expect(TimeSpan.strictSpelling(of: text) == strict)
    }

    @Test("a duration with no bare decimal point, or none that mends it, has no strict spelling", arguments: [
        "1s", "0.5s", ".s", ".5", ".5parsecs", ".5ns", "..5s", "1..s",
    ])
    func noStrictDuration(text: String) {
        #expect(TimeSpan.strictSpelling(of: text) == nil)
    }

    @Test func aRateWithABareDecimalPointIsShownWrittenStrictly() {
        #expect(Rate.strictSpelling(of: ".5/s") == "0.5/s")
        #expect(Rate.strictSpelling(of: "200./m") == "200/m")
        for other in ["0.5/s", "-.5/s", ".0005/s", "./s", ".5/parsec", ".5"] { #expect(Rate.strictSpelling(of: other) == nil) }
    }

    @Test func instantArithmeticSaturates() {
        #expect(Instant.distantFuture + .seconds(1) == .distantFuture)
        #expect(Instant.zero + .milliseconds(3) - Instant.zero == .milliseconds(3))
    }
}
