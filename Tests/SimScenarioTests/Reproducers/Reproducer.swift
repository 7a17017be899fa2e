import Foundation
import SimChecks
import SimMetrics
import SimRuns
@testable import SimScenario

/// A scenario that once showed a model defect, kept in `Fixtures/` with the expectations that
/// state its right outcome, run as `ripple run` runs it.
struct Reproducer {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    let scenario: Scenario
    let measurements: Measurements
    let verdicts: [Verdict]

    /// Loads `Fixtures/<name>.json` and runs every architecture under its own seed, or `seed`.
    init(_ name: String, seed: UInt64? = nil) throws {
        var scenario = try ScenarioLoader.load(path: Self.folder.appendingPathComponent(name + ".json").path)
        if let seed { scenario.setSeed(seed) }
        self.scenario = scenario
        measurements = Measurements(scenario: scenario, outcomes: ScenarioRunner.run(scenario))
        verdicts = scenario.verdicts(for: measurements)
    }

    /// The number at `path` below `architectures.<architecture>` in `metrics.json`.
    func value(_ architecture: String, _ path: String) -> Double? {
        measurements.value(at: path, in: architecture)?.numberValue
    }

    /// The verdicts that fail, as their printed lines.
    var failures: [String] { verdicts.filter { !$0.holds }.map(\.line) }
}
