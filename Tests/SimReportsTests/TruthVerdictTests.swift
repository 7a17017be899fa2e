import Testing
import SimChecks
@testable import SimReports

/// A truth value such as `recovery.metastable` reads `true` or `false` wherever a verdict is
/// written: terminal lines, `metrics.json`, `ripple check`'s spread and JUnit.
struct TruthVerdictTests {
    let statement = ExpectationStatement(text: "sync recovery.metastable = true", architecture: "sync", metric: "recovery.metastable",
                                         why: nil, unit: Verdict.truthUnit, comparison: .equals)

    func verdict(_ measured: Double) -> Verdict {
        statement.verdict(measured: measured, references: [], limits: [1], holds: measured == 1)
    }

    @Test func readsAsTrueOrFalse() {
        #expect(verdict(1).line == "✓ sync recovery.metastable = true: true")
        #expect(verdict(0).line == "✗ sync recovery.metastable = true: false")
        #expect(statement.isTruth && verdict(0).isTruth)
    }

    @Test func metricsJSONWritesTheMeasuredTruthValue() {
        #expect(MetricsDocument.expectation(verdict(1)).rendered.contains("\"measured\": true"))
        #expect(MetricsDocument.expectation(verdict(0)).rendered.contains("\"measured\": false"))
    }

    @Test func mustHoldUnderEverySeedAndCountsTheSeedsItWasTrue() {
        let checked = CheckedExpectation(scenario: "s", file: "s.json", statement: statement, seeds: [1, 2, 3], verdicts: [verdict(1), verdict(0), verdict(1)])
        #expect(!checked.holds && checked.failingSeeds == [2])
        #expect(checked.spread == "true under 2 of 3 seeds")
        let report = CheckReport(sweep: nil, scenarios: [CheckedScenario(name: "s", file: "s.json", expectations: [checked])])
        #expect(JUnitDocument.render(report).contains("<failure message=\"measured false with seed 2\">"))
    }
}
