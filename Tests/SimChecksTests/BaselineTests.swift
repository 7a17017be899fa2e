import Testing
@testable import SimChecks

/// Baseline gates: a mean may get worse than its committed figure only by its tolerance, in
/// the direction its expectations call worse, and an update keeps what it did not check.
struct BaselineTests {
    func check(_ mean: Double?, baseline: Double?, worse: WorseDirection, tolerance: Double = 0.1) -> BaselineCheck {
        BaselineCheck(architecture: "events", metric: "latency.success.p99Ms", unit: "ms", worse: worse, tolerance: tolerance,
                      mean: mean, baseline: baseline)
    }

    @Test func onlyTheWorseSideBeyondTheToleranceFails() {
        #expect(check(109, baseline: 100, worse: .larger).holds)
        #expect(!check(111, baseline: 100, worse: .larger).holds)
        #expect(check(50, baseline: 100, worse: .larger).holds)  // better is fine
        #expect(!check(89, baseline: 100, worse: .smaller).holds)
        #expect(check(150, baseline: 100, worse: .smaller).holds)
        #expect(!check(111, baseline: 100, worse: .either).holds && !check(89, baseline: 100, worse: .either).holds)
        #expect(check(119, baseline: 100, worse: .larger, tolerance: 0.2).holds)
        #expect(!check(0.001, baseline: 0, worse: .larger).holds)  // nothing is 10% of zero
        #expect(!check(nil, baseline: 1, worse: .larger).holds && !check(1, baseline: nil, worse: .larger).holds)
    }

    @Test func theOutcomeSaysHowFarAndWhichWayIsWorse() {
        #expect(check(111, baseline: 100, worse: .larger).outcome == "mean 111 ms, baseline 100 ms: +11% (worse beyond +10%)")
        #expect(check(95.5, baseline: 100, worse: .smaller, tolerance: 0.05).outcome == "mean 95.5 ms, baseline 100 ms: -4.5% (worse beyond -5%)")
        #expect(check(3, baseline: nil, worse: .either).outcome == "mean 3 ms; no baseline figure (record one with --update-baseline)")
        #expect(check(1, baseline: 1, worse: .larger).text == "baseline: events latency.success.p99Ms")
    }

    @Test func anUpdateKeepsOtherScenarios() {
        let statement = ExpectationStatement(text: "t", architecture: "sync", metric: "requests.failed", why: nil, unit: "", comparison: .atMost)
        let verdicts = [2.0, 4].map { statement.verdict(measured: $0, references: [], limits: [5], holds: true) }
        let report = CheckReport(sweep: [1, 2], scenarios: [
            CheckedScenario(name: "b", file: "b.json", expectations: [CheckedExpectation(scenario: "b", file: "b.json", statement: statement, seeds: [1, 2], verdicts: verdicts)]),
        ])
        let old = Baseline(figures: ["z": ["sync": ["x": 1]], "b": ["gone": ["y": 2]]])
        let updated = old.updated(with: report)
        #expect(updated.figures == ["z": ["sync": ["x": 1]], "b": ["sync": ["requests.failed": 3]]])
        var compared = report
        compared.compare(with: Baseline(figures: ["b": ["sync": ["requests.failed": 2.5]]]), file: "base line.json")
        #expect(compared.baselineChecks.map(\.holds) == [false])  // 3 is 20% worse than 2.5
        #expect(!compared.holds)
        #expect(compared.scenarios[0].baselineReproduction == "ripple check b.json --seeds 1,2 --baseline 'base line.json'")
        compared.compare(with: Baseline(figures: ["b": ["sync": ["requests.failed": 3]]]), file: "base.json")
        #expect(compared.holds && compared.scenarios[0].baselineReproduction == nil, "nothing to repeat when every mean is within tolerance")
    }
}
