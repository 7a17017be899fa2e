import SimKernel
import SimMetrics
import SimModels
import SimReports

extension RunReport {
    /// The report of `outcomes`, the architectures of `scenario` run by `version`.
    public init(scenario: Scenario, outcomes: [ArchitectureOutcome], version: String) {
        let world = scenario.world
        let spans = world.faults.map { ($0.start, $0.end) } + world.networkFaults.map { ($0.start, $0.end) }
        let windows = spans.enumerated().map { i, span in
            FaultWindow(start: span.0.sinceStart, end: span.1 == .distantFuture ? nil : span.1.sinceStart,
                        label: scenario.faultDescriptions[i].split(separator: " ").prefix(2).joined(separator: " "))
        }
        self.init(name: scenario.name, description: scenario.description, seed: world.seed, duration: world.duration,
                  drain: world.drain, version: version, faults: scenario.faultDescriptions, windows: windows,
                  architectures: outcomes.map {
                      ArchitectureReport(name: $0.name, kind: $0.kind, metrics: $0.metrics, stopReason: $0.stop.rawValue, events: $0.events)
                  })
        nodeNames = world.services.map(\.name) + ["broker"]
        scenarioHash = scenario.fileHash
    }
}
