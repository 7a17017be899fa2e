import SimKernel
import SimMetrics

extension Measurements {
    /// The figures of `outcomes`, the architectures of `scenario` run in its world.
    public init(scenario: Scenario, outcomes: [ArchitectureOutcome]) {
        let world = scenario.world
        self.init(seed: world.seed, duration: world.duration, drain: world.drain, windows: scenario.faultWindows,
                  architectures: outcomes.map(\.report))
    }
}

extension Scenario {
    /// The window of each fault, then of each network fault, labelled by the first two words of its description.
    public var faultWindows: [FaultWindow] {
        let spans = world.faults.map { ($0.start, $0.end) } + world.networkFaults.map { ($0.start, $0.end) }
        return spans.enumerated().map { i, span in
            FaultWindow(start: span.0.sinceStart, end: span.1 == .distantFuture ? nil : span.1.sinceStart,
                        label: faultDescriptions[i].split(separator: " ").prefix(2).joined(separator: " "))
        }
    }
}

extension ArchitectureOutcome {
    /// The outcome as every writer and reader of figures takes it.
    public var report: ArchitectureReport {
        ArchitectureReport(name: name, kind: kind, metrics: metrics, stopReason: stop.rawValue, events: events)
    }
}
