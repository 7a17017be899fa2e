import SimKernel
import SimMetrics
import SimReports
import SimRuns
import SimScenario

extension RunReport {
    /// The report of `outcomes`, the architectures of `scenario` run by `version`.
    public init(scenario: Scenario, outcomes: [ArchitectureOutcome], version: String) {
        let world = scenario.world
        self.init(name: scenario.name, description: scenario.description, seed: world.seed, duration: world.duration,
                  drain: world.drain, version: version, faults: scenario.faultDescriptions, windows: scenario.faultWindows,
                  architectures: outcomes.map(\.report))
        nodeNames = world.services.map(\.name) + ["broker"]
        scenarioHash = scenario.fileHash
    }
}
