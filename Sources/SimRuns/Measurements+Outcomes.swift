import SimMetrics
import SimScenario

extension Measurements {
    /// The figures of `outcomes`, the architectures of `scenario` run in its world.
    public init(scenario: Scenario, outcomes: [ArchitectureOutcome]) {
        let world = scenario.world
        self.init(seed: world.seed, duration: world.duration, drain: world.drain, windows: scenario.faultWindows,
                  architectures: outcomes.map(\.report))
    }
}

extension ArchitectureOutcome {
    /// The outcome as every writer and reader of figures takes it.
    public var report: ArchitectureReport {
        ArchitectureReport(name: name, kind: kind, metrics: metrics, stopReason: stop.rawValue, events: events)
    }
}
