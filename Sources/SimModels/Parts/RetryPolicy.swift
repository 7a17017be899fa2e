import SimKernel

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

    /// A policy of `attempts` attempts in all: by default a single attempt, and when retries are
    /// allowed, exponential backoff from 50 ms capped at 10 s with full jitter.
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
