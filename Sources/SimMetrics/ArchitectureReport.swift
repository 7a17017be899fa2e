import SimKernel

/// One architecture's results.
public struct ArchitectureReport: Sendable {
    /// The architecture's name in the scenario.
    public var name: String
    /// Which design it is: `"sync"` or `"events"`.
    public var kind: String
    /// Everything its run measured.
    public var metrics: ArchitectureMetrics
    /// Why its run stopped: `quiescent`, `timeLimit`, or a limit hit: `eventBudget` or `lineLimit`.
    public var stopReason: String
    /// How many events the kernel handled in its run.
    public var events: Int

    /// One architecture's results as its run ended.
    public init(name: String, kind: String, metrics: ArchitectureMetrics, stopReason: String, events: Int) {
        self.name = name
        self.kind = kind
        self.metrics = metrics
        self.stopReason = stopReason
        self.events = events
    }
}
