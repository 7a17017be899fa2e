import Foundation
import RippleCommands
import SimReports
import SimRuns
import SimScenario

/// Reports of shipped scenarios, run once as `ripple run` runs them and shared by the tests
/// that read what people read (a debug build takes seconds per run).
enum ShippedRuns {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// The email slowdown: sync with retries, events with an outbox and lagging consumers.
    static let paymentSlowdown = try? report("payment-email-slowdown")
    /// The retry storm: 100 ms timeouts, four attempts, abandoned queries, a growing database line.
    static let retryStorm = try? report("retry-storm")

    /// The run of `scenarios/<name>.json`, one of the two above.
    static func named(_ name: String) -> RunReport? { name == "retry-storm" ? retryStorm : paymentSlowdown }

    static func report(_ name: String) throws -> RunReport {
        let scenario = try ScenarioLoader.load(path: scenarios.appendingPathComponent(name + ".json").path)
        return RunReport(scenario: scenario, outcomes: ScenarioRunner.run(scenario), version: "test")
    }
}
