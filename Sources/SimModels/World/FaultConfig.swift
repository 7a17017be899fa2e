import SimKernel

/// A fault applied to one service for a window of virtual time, in every architecture.
public struct FaultConfig: Sendable {
    /// What goes wrong.
    public var kind: FaultKind
    /// The service it happens to (`WorldConfig.brokerNode` for the broker).
    public var service: Int
    /// When it begins.
    public var start: Instant
    /// When it ends; `Instant.distantFuture` for a fault that never heals.
    public var end: Instant

    public init(kind: FaultKind, service: Int, start: Instant, end: Instant) {
        self.kind = kind
        self.service = service
        self.start = start
        self.end = end
    }

    /// Whether the fault is in force at `time`.
    @inlinable public func isActive(at time: Instant) -> Bool { time >= start && time < end }
}

/// The kinds of fault a service can suffer.
public enum FaultKind: Sendable, Equatable {
    /// The service's own work takes this distribution instead of its usual one.
    case slow(Distribution)
    /// The service's own work takes `factor` times as long.
    case slowBy(factor: Double)
    /// The service fails this fraction of its requests at once.
    case errors(Probability)
    /// The service is down: it accepts nothing, and work in progress is lost.
    case crash
    /// The service is frozen (a long garbage-collection pause): nothing it does makes
    /// progress, but nothing is lost; everything resumes when the pause ends.
    case pause
}
