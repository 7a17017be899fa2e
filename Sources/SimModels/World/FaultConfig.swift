import SimKernel

/// A fault applied to one service, or to one instance of a consuming service, for a window
/// of virtual time, in every architecture.
public struct FaultConfig: Sendable {
    /// What goes wrong.
    public var kind: FaultKind
    /// The service it happens to (`WorldConfig.brokerNode` for the broker).
    public var service: Int
    /// The instance of the service's consumer it happens to (from 0), or `nil` for the
    /// whole service. Only event consumers have instances, and only crashes apply to one:
    /// the synchronous chain is not affected by an instance's crash.
    public var instance: Int?
    /// When it begins.
    public var start: Instant
    /// When it ends; `Instant.distantFuture` for a fault that never heals.
    public var end: Instant

    public init(kind: FaultKind, service: Int, instance: Int? = nil, start: Instant, end: Instant) {
        precondition(instance == nil || kind == .crash, "only a crash applies to a single instance")
        self.kind = kind
        self.service = service
        self.instance = instance
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
    /// The service stops answering this fraction of its requests: a caller waits until its
    /// own timeout, a consumer until its fetch (or visibility) timeout, then counts a failure.
    case hang(Probability)
    /// The service is down: it accepts nothing, and work in progress is lost.
    case crash
    /// The service is frozen (a long garbage-collection pause): nothing it does makes
    /// progress, but nothing is lost; everything resumes when the pause ends.
    case pause
}
