import SimKernel

/// How the users at the entry behave when an answer is slow or a failure: how long each one
/// waits for an attempt before giving up on it, and how they try again, as a browser's or
/// mobile app's HTTP client does. A user who gives up does not stop the work already sent.
public struct ClientPolicy: Sendable, Equatable {
    /// How long a user waits for one attempt; `nil`: for ever (the user tries again only
    /// after a failure).
    public var timeout: TimeSpan?
    /// When and how often a user tries again after a failure or a timeout.
    public var retries: RetryPolicy

    /// Users who wait `timeout` per attempt (by default: for ever) and retry as `retries` says
    /// (by default: never).
    public init(timeout: TimeSpan? = nil, retries: RetryPolicy = RetryPolicy()) {
        self.timeout = timeout
        self.retries = retries
    }
}
