import SimKernel

/// How a caller calls one callee: how long it waits, how it retries, and what protects the
/// edge (a circuit breaker, a bulkhead, a retry budget), as a resilience4j decorator stack
/// configured per dependency.
public struct CallPolicy: Sendable, Equatable {
    /// How long a caller waits for one attempt.
    public var timeout: TimeSpan
    /// What a caller does when an attempt fails or times out.
    public var retries: RetryPolicy
    /// A circuit breaker on the edge, or `nil` for none.
    public var breaker: BreakerPolicy?
    /// The most calls the caller may have in flight on the edge (a bulkhead), or `nil`.
    public var bulkhead: Int?
    /// Retries allowed as a fraction of calls on the edge (a retry budget), or `nil` for no budget.
    public var retryBudget: Double?

    /// A policy waiting `timeout` per attempt; unless given, it makes no retries and has no
    /// breaker, bulkhead or retry budget.
    public init(timeout: TimeSpan, retries: RetryPolicy = RetryPolicy(), breaker: BreakerPolicy? = nil,
                bulkhead: Int? = nil, retryBudget: Double? = nil) {
        self.timeout = timeout
        self.retries = retries
        self.breaker = breaker
        self.bulkhead = bulkhead
        self.retryBudget = retryBudget
    }
}
