import Foundation
import Testing
import SimReports
@testable import SimScenario

/// `dup-hot-5`: five hot accounts on a keyed topic, and two crashes of billing that replay
/// thousands of versions per account. Every replay is a duplicate (the naive consumer applies
/// it again, the idempotent one skips it), never an out-of-order first application.
struct DupHot5ReproTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Repro/dup-hot-5.json").path

    @Test func replaysOfHotKeysAreDuplicatesNotOutOfOrder() throws {
        let scenario = try ScenarioLoader.load(path: Self.file)
        let report = RunReport(scenario: scenario, outcomes: ScenarioRunner.run(scenario), version: "test")
        let document = MetricsDocument.document(report)
        func figure(_ architecture: String, _ metric: String) -> Double? {
            document.member("architectures")?.member(architecture)?.value(at: "consistency.billing." + metric)?.numberValue
        }
        for architecture in ["events-naive", "events-idempotent"] {
            #expect(figure(architecture, "outOfOrder") == 0, "\(architecture): a keyed topic keeps each account in order")
            #expect(figure(architecture, "refused") == 0 && figure(architecture, "untracked") == 0)
        }
        #expect((figure("events-naive", "duplicated") ?? 0) > 1_000, "the replays, applied again")
        #expect(figure("events-idempotent", "duplicated") == 0 && figure("events-idempotent", "superseded") == 0, "the replays, skipped")
        #expect(figure("events-naive", "applied") == figure("events-idempotent", "applied"))
        let verdicts = scenario.verdicts(for: document)
        #expect(verdicts.allSatisfy { $0.holds })
    }
}
