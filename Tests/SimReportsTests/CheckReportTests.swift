import Foundation
import Testing
import SimChecks
@testable import SimReports

/// The figures `ripple check` prints over a sweep: nearest-rank spread, failing seeds, and
/// reproduction commands a shell runs as written.
struct CheckReportTests {
    func verdict(_ measured: Double?, holds: Bool) -> Verdict {
        Verdict(text: "events latency.success.p99Ms < 5ms", architecture: "events", metric: "latency.success.p99Ms", why: nil,
                measured: measured, unit: "ms", references: [], holds: holds)
    }

    let statement = ExpectationStatement(text: "events latency.success.p99Ms < 5ms", architecture: "events", metric: "latency.success.p99Ms",
                                         why: nil, unit: "ms", comparison: .below)

    func expectation(_ values: [Double], failingAbove limit: Double, file: String = "s.json") -> CheckedExpectation {
        CheckedExpectation(scenario: "s", file: file, statement: statement, seeds: values.indices.map { UInt64($0 + 1) },
                           verdicts: values.map { verdict($0, holds: $0 <= limit) })
    }

    @Test func theSpreadUsesNearestRanks() {
        let twenty = expectation((1...20).map(Double.init), failingAbove: 100)
        #expect(twenty.spread == "min 1 ms  median 10 ms  p95 19 ms  max 20 ms")
        #expect(expectation([3], failingAbove: 100).spread == "min 3 ms  median 3 ms  p95 3 ms  max 3 ms")
        let none = CheckedExpectation(scenario: "s", file: "s.json", statement: statement, seeds: [1], verdicts: [verdict(nil, holds: false)])
        #expect(none.spread == "no data")
    }

    @Test func failingSeedsAreListedUpToALimitAndTheFirstIsReproduced() {
        let sweep = expectation([1, 9, 2, 9, 9], failingAbove: 5)
        #expect(sweep.failingSeeds == [2, 4, 5])
        #expect(sweep.outcome() == "failed under 3 of 5 seeds: 2, 4, 5")
        #expect(sweep.outcome(listingAtMost: 2) == "failed under 3 of 5 seeds: 2, 4, … (3 in all)")
        #expect(sweep.reproduction == "ripple run s.json --seed 2")
        #expect(expectation([1, 2], failingAbove: 5).outcome() == "held under all 2 seeds")
        #expect(expectation([1, 2], failingAbove: 5).reproduction == nil)
        #expect(expectation([7], failingAbove: 5).outcome() == "measured 7 ms")
    }

    @Test func pathsAreQuotedForTheShellOnlyWhenNeeded() {
        #expect(Shell.quote("scenarios/a-b_c.json") == "scenarios/a-b_c.json")
        #expect(Shell.quote("my scenarios/x.json") == "'my scenarios/x.json'")
        #expect(Shell.quote("it's.json") == "'it'\\''s.json'")
        #expect(Shell.quote("") == "''")
        #expect(expectation([9], failingAbove: 5, file: "a b.json").reproduction == "ripple run 'a b.json' --seed 1")
    }

    /// A name with a control character is quoted as `$'…'`, its controls as escapes: the
    /// command stays on one line, shows no raw escape sequence, and bash reads back the name.
    @Test func controlCharactersAreQuotedAsEscapesThatBashReadsBack() throws {
        let names = ["nl\nname.json", "esc\u{1B}[31mred.json", "tab\tand 'quote' and \\.json", "c1\u{85}é\u{202E}x.json"]
        #expect(Shell.quote(names[0]) == "$'nl\\nname.json'")
        #expect(Shell.quote(names[1]) == "$'esc\\x1B[31mred.json'")
        #expect(Shell.quote(names[2]) == "$'tab\\tand \\'quote\\' and \\\\.json'")
        #expect(Shell.quote(names[3]) == "$'c1\\u0085é\\u202Ex.json'")
        #expect(expectation([9], failingAbove: 5, file: names[0]).reproduction == "ripple run $'nl\\nname.json' --seed 1")
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        for name in names {
            let process = Process(), output = Pipe()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "printf %s " + Shell.quote(name)]
            process.environment = ["LC_ALL": "C.UTF-8"]
            process.standardOutput = output
            try process.run()
            let read = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(Array(read) == Array(name.utf8), "\(Shell.quote(name))")
        }
    }

    @Test func seedListsAreWrittenAsRanges() {
        #expect(SeedRanges.text([1, 2, 3, 4, 5]) == "1..5")
        #expect(SeedRanges.text([1, 2, 3, 10]) == "1..3,10")
        #expect(SeedRanges.text([1, 2, 5, 7, 8, 9]) == "1,2,5,7..9")
        #expect(SeedRanges.text([UInt64.max - 1, UInt64.max]) == "18446744073709551614,18446744073709551615")
        #expect(SeedRanges.text([]) == "")
    }
}
