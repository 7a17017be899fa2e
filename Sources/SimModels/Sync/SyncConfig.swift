import SimKernel

/// The synchronous design: the entry calls the next service in the chain and waits, which
/// calls the next and waits, each caller holding its worker until the answer comes back.
public struct SyncConfig: Sendable {
    /// Service indices, entry first.
    public var chain: [Int]
    /// How long a caller waits for one attempt of a call.
    public var timeout: TimeSpan
    /// What a caller does when an attempt fails or times out.
    public var retries: RetryPolicy

    public init(chain: [Int], timeout: TimeSpan, retries: RetryPolicy = RetryPolicy()) {
        self.chain = chain
        self.timeout = timeout
        self.retries = retries
    }
}

/// Retries with backoff and jitter, as in the AWS Architecture Blog's "Exponential Backoff
/// and Jitter": the n-th retry waits about `base × 2^(n−1)`, capped, with some randomness.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included; 1 means no retry.
    public var attempts: Int
    /// How the wait grows.
    public var backoff: Backoff
    /// The wait before the first retry.
    public var base: TimeSpan
    /// The longest wait.
    public var cap: TimeSpan
    /// How the wait is randomised.
    public var jitter: Jitter

    public init(attempts: Int = 1, backoff: Backoff = .exponential, base: TimeSpan = .milliseconds(50),
                cap: TimeSpan = .seconds(10), jitter: Jitter = .full) {
        self.attempts = attempts
        self.backoff = backoff
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// How the wait between attempts grows.
    public enum Backoff: String, Sendable, CaseIterable { case constant, exponential }
    /// How the wait is randomised.
    public enum Jitter: String, Sendable, CaseIterable { case none, full, equal, decorrelated }

    /// The wait before retry number `retry` (1 for the first retry), given the previous wait
    /// (for decorrelated jitter), drawing from `random`.
    public func delay(retry: Int, previous: TimeSpan, random: inout RandomStream) -> TimeSpan {
        let growth: Int64 = backoff == .constant ? 1 : Int64(1) << Int64(Swift.min(retry - 1, 40))
        let (raw, overflow) = base.nanoseconds.multipliedReportingOverflow(by: growth)
        let ceiling = overflow ? cap.nanoseconds : Swift.min(raw, cap.nanoseconds)
        func uniform(_ low: Int64, _ high: Int64) -> Int64 {
            high <= low ? low : low + Int64(random.next(below: UInt64(high - low) + 1))
        }
        switch jitter {
        case .none: return .nanoseconds(ceiling)
        case .full: return .nanoseconds(uniform(0, ceiling))
        case .equal: return .nanoseconds(ceiling / 2 + uniform(0, ceiling - ceiling / 2))
        case .decorrelated:
            let previousWait = Swift.max(previous.nanoseconds, base.nanoseconds)
            let (tripled, over) = previousWait.multipliedReportingOverflow(by: 3)
            return .nanoseconds(Swift.min(cap.nanoseconds, uniform(base.nanoseconds, over ? cap.nanoseconds : tripled)))
        }
    }
}
