import SimKernel

/// What one caller → callee edge's circuit breaker did over a run.
public struct BreakerRecord: Sendable, Equatable {
    /// The edge, as `"api → database"`.
    public var edge: String
    /// How many times it opened.
    public var openings = 0
    /// How long it refused calls (open, before its half-open trials).
    public var timeOpen = TimeSpan.zero

    /// A breaker on `edge` that never opened.
    public init(edge: String) { self.edge = edge }
}
