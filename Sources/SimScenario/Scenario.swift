import SimKernel
import SimMetrics
import SimModels

/// A validated scenario: the shared world and the architectures to compare in it.
public struct Scenario: Sendable {
    /// A short identifier, used as the report folder's name.
    public var name: String
    /// What the scenario shows and what to look for.
    public var description: String
    /// The world every architecture runs in: workload, services, network, faults, seed.
    public var world: WorldConfig
    /// The designs to compare, in the order the file lists them.
    public var architectures: [ArchitectureSpec]
    /// The fault schedule as the scenario states it, for reports.
    public var faultDescriptions: [String]
    /// What every run must show, one expectation per architecture, in file order.
    public var expectations: [Expectation]

    public init(name: String, description: String, world: WorldConfig, architectures: [ArchitectureSpec], faultDescriptions: [String],
                expectations: [Expectation] = []) {
        self.name = name
        self.description = description
        self.world = world
        self.architectures = architectures
        self.faultDescriptions = faultDescriptions
        self.expectations = expectations
    }
}

/// One architecture of a scenario.
public struct ArchitectureSpec: Sendable {
    /// The name the scenario gives it (`sync`, `events-outbox`, …).
    public var name: String
    /// The design and its settings.
    public var design: Design

    /// The two designs Ripple compares.
    public enum Design: Sendable {
        case sync(SyncConfig)
        case events(EventsConfig)

        /// `"sync"` or `"events"`.
        public var kind: String {
            switch self {
            case .sync: "sync"
            case .events: "events"
            }
        }

        /// The names the design's run measures under, in a world with `serviceNames` whose
        /// workload enters at `entry`.
        public func metricsLayout(serviceNames: [String], entry: Int) -> MetricsLayout {
            switch self {
            case .sync(let config): SyncChainModel.metricsLayout(serviceNames: serviceNames, config: config)
            case .events(let config): EventDrivenModel.metricsLayout(serviceNames: serviceNames, entry: entry, config: config)
            }
        }
    }

    public init(name: String, design: Design) {
        self.name = name
        self.design = design
    }
}
