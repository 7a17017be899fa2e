import Testing
@testable import SimChecks

/// A run's verdict: passed only when every expectation held; a failure on a value outranks a
/// missing value; a missing value is never a pass.
struct RunVerdictTests {
    static func verdict(_ measured: Double?, holds: Bool, references: [String] = [], limits: [Double] = [1]) -> Verdict {
        Verdict(text: "sync requests.errorRate ≤ 1", architecture: "sync", metric: "requests.errorRate", why: nil,
                measured: measured, unit: "", references: references, holds: holds, limits: limits)
    }

    @Test func eachExpectationHasAStatus() {
        #expect(Self.verdict(0.5, holds: true).status == .passed)
        #expect(Self.verdict(2, holds: false).status == .failed)
        #expect(Self.verdict(nil, holds: false).status == .noData)
        #expect(Self.verdict(2, holds: false, references: ["events no data"], limits: []).status == .noData)
    }

    @Test func theRunVerdictWeighsThemAll() {
        let passed = Self.verdict(0.5, holds: true), failed = Self.verdict(2, holds: false), missing = Self.verdict(nil, holds: false)
        #expect(RunVerdict([]) == .noExpectations)
        #expect(RunVerdict([], someUnchecked: true) == .notChecked, "left out is not the same as stated none")
        #expect(RunVerdict([failed], someUnchecked: true) == .failed, "what was checked decides")
        #expect(RunVerdict([passed, passed]) == .passed)
        #expect(RunVerdict([passed, missing]) == .noData)
        #expect(RunVerdict([missing, failed, passed]) == .failed)
        #expect(RunVerdict.counts([missing, failed, passed, passed]) == "2 passed, 1 failed, 1 no data")
        #expect(RunVerdict.counts([]) == "no expectations")
    }

    @Test func noDataSaysSo() {
        let missing = Self.verdict(nil, holds: false)
        #expect(missing.line == "✗ sync requests.errorRate ≤ 1: no data")
        #expect(Self.verdict(2, holds: false, references: ["events no data"], limits: []).limitText == "no data")
        #expect(Self.verdict(2, holds: false, limits: [10, 20]).limitText == "10 … 20")
    }
}
