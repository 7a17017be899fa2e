import SimKernel
import SimModels

/// Reads a call policy's settings from an architecture (its defaults) or from one call
/// (its own): `timeout`, `retries`, `breaker`, `bulkhead` and `retryBudget`.
struct PolicyReader {
    let log: IssueLog
    var values: ValueReader { ValueReader(log: log) }

    /// The policy's keys.
    static let keys = ["timeout", "retries", "breaker", "bulkhead", "retryBudget"]

    /// Reads the settings `object` gives into `policy`; whether it gave any.
    func read(_ object: inout ObjectReader, into policy: inout CallPolicy) -> Bool {
        var given = false
        if let n = object.optional("timeout") {
            policy.timeout = values.duration(n, object.path("timeout"), in: .microseconds(1)...TimeSpan.hours(1)) ?? policy.timeout
            given = true
        }
        if let n = object.optional("retries") {
            policy.retries = readRetries(n, object.path("retries")) ?? policy.retries
            given = true
        }
        if let n = object.optional("breaker") {
            policy.breaker = readBreaker(n, object.path("breaker"))
            given = true
        }
        if let n = object.optional("bulkhead") {
            policy.bulkhead = values.integer(n, object.path("bulkhead"), in: 1...1_000_000)
            given = true
        }
        if let n = object.optional("retryBudget") {
            policy.retryBudget = values.number(n, object.path("retryBudget"), in: 0...1, what: "a fraction of calls")
            given = true
        }
        return given
    }

    func readBreaker(_ node: JSONNode, _ path: String) -> BreakerPolicy? {
        if node.boolValue == true { return BreakerPolicy() }
        if node.boolValue == false { return nil }
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        var policy = BreakerPolicy()
        if let n = object.optional("failureRate") { policy.failureRateThreshold = values.number(n, object.path("failureRate"), in: 0.01...1, what: "a failure rate") ?? policy.failureRateThreshold }
        if let n = object.optional("window") { policy.windowSize = values.integer(n, object.path("window"), in: 1...100_000) ?? policy.windowSize }
        if let n = object.optional("minimumCalls") { policy.minimumCalls = values.integer(n, object.path("minimumCalls"), in: 1...100_000) ?? policy.minimumCalls }
        if let n = object.optional("openFor") { policy.openDuration = values.duration(n, object.path("openFor"), in: .milliseconds(1)...TimeSpan.hours(1)) ?? policy.openDuration }
        if let n = object.optional("halfOpenCalls") { policy.halfOpenCalls = values.integer(n, object.path("halfOpenCalls"), in: 1...10_000) ?? policy.halfOpenCalls }
        if policy.minimumCalls > policy.windowSize {
            log.add(object.path("minimumCalls"), "expected at most the window (\(policy.windowSize) calls), found \(policy.minimumCalls): the breaker could never open", at: node.location)
        }
        object.rejectUnknownKeys()
        return policy
    }

    func readRetries(_ node: JSONNode, _ path: String) -> RetryPolicy? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        var policy = RetryPolicy()
        if let n = object.optional("attempts") { policy.attempts = values.integer(n, object.path("attempts"), in: 1...100) ?? policy.attempts }
        if let n = object.optional("backoff") {
            policy.backoff = values.choice(n, object.path("backoff"), RetryPolicy.Backoff.allCases.map { ($0.rawValue, $0) }) ?? policy.backoff
        }
        if let n = object.optional("base") { policy.base = values.duration(n, object.path("base"), in: .zero...TimeSpan.hours(1)) ?? policy.base }
        if let n = object.optional("cap") { policy.cap = values.duration(n, object.path("cap"), in: .zero...TimeSpan.hours(1)) ?? policy.cap }
        if let n = object.optional("jitter") {
            policy.jitter = values.choice(n, object.path("jitter"), RetryPolicy.Jitter.allCases.map { ($0.rawValue, $0) }) ?? policy.jitter
        }
        object.rejectUnknownKeys()
        return policy
    }
}
