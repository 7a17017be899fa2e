import SimKernel

/// The synchronous design: the entry calls downstream services and waits; each of them
/// may call others and wait in turn. Callers hold their worker until every answer is back.
public struct SyncConfig: Sendable {
    /// The call tree, entry first (node 0).
    public var graph: CallGraph
    /// How long a caller waits for one attempt of a call.
    public var timeout: TimeSpan
    /// What a caller does when an attempt fails or times out.
    public var retries: RetryPolicy
    /// A circuit breaker on every caller → callee edge, or `nil` for none.
    public var breaker: BreakerPolicy?
    /// The most calls one caller service may have in flight to one callee (a bulkhead), or `nil`.
    public var bulkhead: Int?
    /// Retries allowed as a fraction of calls on each edge (a retry budget), or `nil` for no budget.
    public var retryBudget: Double?

    /// A synchronous design calling along `graph`; unless given, it makes no retries and has no
    /// breakers, bulkheads or retry budget.
    public init(graph: CallGraph, timeout: TimeSpan, retries: RetryPolicy = RetryPolicy(),
                breaker: BreakerPolicy? = nil, bulkhead: Int? = nil, retryBudget: Double? = nil) {
        self.graph = graph
        self.timeout = timeout
        self.retries = retries
        self.breaker = breaker
        self.bulkhead = bulkhead
        self.retryBudget = retryBudget
    }

    /// A plain chain: each service calls the next.
    public init(chain: [Int], timeout: TimeSpan, retries: RetryPolicy = RetryPolicy()) {
        self.init(graph: .chain(chain), timeout: timeout, retries: retries)
    }

    /// The policy of every edge that does not set its own.
    public var defaultPolicy: CallPolicy {
        CallPolicy(timeout: timeout, retries: retries, breaker: breaker, bulkhead: bulkhead, retryBudget: retryBudget)
    }
}
