import SimKernel

/// A circuit breaker's settings; the defaults are resilience4j's documented ones.
public struct BreakerPolicy: Sendable, Equatable {
    /// The failure rate (0…1) at or above which the breaker opens (resilience4j: 50 %).
    public var failureRateThreshold: Double
    /// The calls in the count-based sliding window (resilience4j: 100).
    public var windowSize: Int
    /// Calls needed in the window before the rate counts (resilience4j: 100).
    public var minimumCalls: Int
    /// How long the breaker stays open (resilience4j: 60 s).
    public var openDuration: TimeSpan
    /// Trial calls let through when half-open (resilience4j: 10).
    public var halfOpenCalls: Int

    /// A policy with resilience4j's defaults for every setting not given.
    public init(failureRateThreshold: Double = 0.5, windowSize: Int = 100, minimumCalls: Int = 100,
                openDuration: TimeSpan = .seconds(60), halfOpenCalls: Int = 10) {
        self.failureRateThreshold = failureRateThreshold
        self.windowSize = windowSize
        self.minimumCalls = minimumCalls
        self.openDuration = openDuration
        self.halfOpenCalls = halfOpenCalls
    }
}

/// A count-based circuit breaker on one caller → callee edge: closed, open or half-open.
///
/// Closed, it records the outcome of the last `windowSize` calls and opens when at least
/// `minimumCalls` were made and the failure rate reaches the threshold. Open, it refuses
/// every call until `openDuration` has passed. Then, half-open, it lets `halfOpenCalls` trial
/// calls through and refuses the rest; once that many outcomes are in, it opens again if
/// their failure rate reaches the threshold and closes otherwise (resilience4j's rule: one
/// failed trial of ten does not reopen a breaker at 50 %).
public struct CircuitBreaker: Sendable {
    /// The breaker's state.
    public enum State: Sendable, Equatable { case closed, open(until: Instant), halfOpen }

    let policy: BreakerPolicy
    /// Where the breaker stands now; `open(until:)` names the instant from which it lets trial
    /// calls through.
    public private(set) var state = State.closed
    /// Outcomes of recent calls (true = failure), a ring of `windowSize`.
    var outcomes: [Bool]
    var next = 0
    var recorded = 0
    var failures = 0
    var trialsLeft = 0
    /// Outcomes recorded while half-open, and how many of them were failures.
    var trialOutcomes = 0
    var trialFailures = 0
    /// How many times it opened.
    public private(set) var openings = 0
    /// When it last opened.
    var lastOpened = Instant.zero
    /// When its last opening stops refusing calls: `openDuration` after it opened, or sooner
    /// if its caller crashed meanwhile.
    var lastOpenEnd = Instant.zero
    /// How long the openings before the last one refused calls.
    var earlierOpenTime = TimeSpan.zero

    /// A closed breaker with an empty window, following `policy`.
    public init(policy: BreakerPolicy) {
        self.policy = policy
        outcomes = [Bool](repeating: false, count: Swift.max(policy.windowSize, 1))
    }

    /// Whether a call may go through at `now`; a half-open breaker counts it as a trial.
    public mutating func allowsCall(at now: Instant) -> Bool {
        switch state {
        case .closed: return true
        case .open(let until):
            guard now >= until else { return false }
            state = .halfOpen
            trialsLeft = policy.halfOpenCalls
            (trialOutcomes, trialFailures) = (0, 0)
            fallthrough
        case .halfOpen:
            guard trialsLeft > 0 else { return false }
            trialsLeft -= 1
            return true
        }
    }

    /// A call it let through was not made after all (the edge's bulkhead refused it): that is
    /// no outcome, so a half-open breaker gives the trial to the next call, as resilience4j
    /// releases the permission of a call it does not record. Kept, the trial would wait for an
    /// outcome that never comes, and the breaker would refuse every call from then on.
    public mutating func releaseTrial() {
        if state == .halfOpen { trialsLeft += 1 }
    }

    /// Records the outcome of a call that was let through.
    public mutating func record(failure: Bool, at now: Instant) {
        switch state {
        case .closed:
            if recorded == outcomes.count { if outcomes[next] { failures -= 1 } } else { recorded += 1 }
            outcomes[next] = failure
            if failure { failures += 1 }
            next = (next + 1) % outcomes.count
            if recorded >= policy.minimumCalls, Double(failures) >= policy.failureRateThreshold * Double(recorded) { open(at: now) }
        case .halfOpen:
            trialOutcomes += 1
            if failure { trialFailures += 1 }
            guard trialOutcomes >= policy.halfOpenCalls else { return }
            if Double(trialFailures) >= policy.failureRateThreshold * Double(trialOutcomes) { open(at: now) } else { close() }
        case .open:
            break  // a call let through before the breaker opened
        }
    }

    mutating func open(at now: Instant) {
        if openings > 0 { earlierOpenTime += lastOpenEnd - lastOpened }
        state = .open(until: now + policy.openDuration)
        openings += 1
        lastOpened = now
        lastOpenEnd = now + policy.openDuration
    }

    /// Its caller crashed at `now`: the breaker lived in the caller's memory, so the caller
    /// restarts with a closed breaker and an empty window (as a restarted resilience4j
    /// process does), and an opening in progress stops refusing calls at the crash.
    public mutating func restart(at now: Instant) {
        if case .open = state { lastOpenEnd = Swift.min(lastOpenEnd, now) }
        trialsLeft = 0
        close()
    }

    /// How long it refused calls up to `now`: `openDuration` for each opening (cut short by a
    /// crash of its caller), the last one only up to `now`. (Openings never overlap: an open
    /// breaker records nothing.)
    public func timeOpen(through now: Instant) -> TimeSpan {
        guard openings > 0 else { return .zero }
        return earlierOpenTime + Swift.max(.zero, Swift.min(now, lastOpenEnd) - lastOpened)
    }

    /// Its state at `now` as a gauge: 0 closed, 0.5 half-open (letting trial calls through, or
    /// due to at its next call), 1 open (refusing calls).
    public func level(at now: Instant) -> Double {
        switch state {
        case .closed: 0
        case .halfOpen: 0.5
        case .open(let until): now < until ? 1 : 0.5
        }
    }

    mutating func close() {
        state = .closed
        recorded = 0
        failures = 0
        next = 0
    }
}

/// A retry budget on one edge (Finagle's idea): each call deposits `ratio` of a token, each
/// retry spends one, and a retry with no whole token left is not made. With ratio 0.2,
/// retries stay under about 20 % of calls however badly the callee fails.
public struct RetryBudget: Sendable {
    let ratio: Double
    /// Tokens, capped so a long calm spell cannot bank an unlimited burst of retries.
    var tokens: Double = 10
    static let capacity = 10.0

    /// A full budget of ten tokens (the cap) that earns `ratio` of a token per call on its edge.
    public init(ratio: Double) { self.ratio = ratio }

    mutating func deposit() { tokens = Swift.min(Self.capacity, tokens + ratio) }

    /// Spends a token for a retry, if one is there.
    mutating func withdraw() -> Bool {
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
