import Testing
import SimChecks
@testable import SimReports

/// `metrics.json` states the run's verdict and the scenario file's hash.
struct MetricsDocumentTests {
    func verdict(_ measured: Double?, holds: Bool) -> Verdict {
        Verdict(text: "sync requests.errorRate ≤ 1", architecture: "sync", metric: "requests.errorRate", why: nil,
                measured: measured, unit: "", references: [], holds: holds, limits: [1])
    }

    @Test func metricsJSONStatesTheVerdictAndTheScenarioHash() {
        var report = RunReportFixture.report()
        report.scenarioHash = 0xaf63_dc4c_8601_ec8c
        report.verdicts = [verdict(0.5, holds: true), verdict(nil, holds: false)]
        let document = MetricsDocument.render(report)
        #expect(document.contains("\n  \"verdict\": \"no data\"\n"))
        #expect(document.contains("\n    \"fnv1a64\": \"af63dc4c8601ec8c\",\n"))
        report.verdicts = []
        report.scenarioHash = nil
        let bare = MetricsDocument.render(report)
        #expect(bare.contains("\n  \"verdict\": \"no expectations\"\n"))
        #expect(bare.contains("\n    \"fnv1a64\": null,\n"))
    }
}
