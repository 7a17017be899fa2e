import SimKernel

/// What the calls along one caller → callee edge did over a run, as the caller saw them:
/// the calls it made, the attempts they sent, and how each attempt or refusal ended.
///
/// Nodes of the call graph that name the same edge (a service calling another from two
/// places) share one record: their counts add up.
public struct EdgeRecord: Sendable, Equatable {
    /// The edge, as `"api → database"`.
    public var edge: String
    /// Calls opened: each asks the breaker and the bulkhead, then sends its first attempt.
    public var calls = 0
    /// Attempts sent, retries included.
    public var attempts = 0
    /// Attempts sent after a failed one (`attempts` − the calls that sent any).
    public var retries = 0
    /// Attempts the caller stopped waiting for after the edge's timeout.
    public var timeouts = 0
    /// Attempts answered with a failure other than a refusal: an error, a service down, or a
    /// failure of a call further down.
    public var failed = 0
    /// Calls the bulkhead refused, and attempts the callee refused with a full line.
    public var rejected = 0
    /// Calls the open breaker refused without trying.
    public var shortCircuited = 0
    /// How many times the edge's breaker opened (0 without a breaker).
    public var openings = 0
    /// How long the edge's breaker refused calls.
    public var timeOpen = TimeSpan.zero

    /// An edge named `edge` that saw no calls.
    public init(edge: String) { self.edge = edge }
}
