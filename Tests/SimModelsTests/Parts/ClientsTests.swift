import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Users who give up and try again: each user request is answered once, each attempt given
/// up on is counted, and the work behind it still runs, in both designs alike.
struct ClientsTests {
    func world(_ client: ClientPolicy?) -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 10, emailWork: .exponential(mean: 10e6), drain: 20)
        w.workload.client = client
        return w
    }

    func sync(_ world: WorldConfig) -> ArchitectureMetrics {
        var model = SyncModel(world: world, config: Worlds.paymentChain)
        return model.run().metrics
    }

    /// A timeout shorter than any answer: every attempt is given up on, the user retries
    /// twice, then fails with a timeout; the entry still serves all three attempts.
    @Test(arguments: ["sync", "events"])
    func usersGiveUpOnEveryAttemptAndTheWorkStillRuns(design: String) {
        let impatient = world(ClientPolicy(timeout: .microseconds(100), retries: RetryPolicy(attempts: 3)))
        let m = design == "sync" ? sync(impatient) : Worlds.run(impatient, Worlds.events())
        #expect(m.requests > 900)
        #expect(m.abandonedAttempts == 3 * m.requests && m.clientRetries == 2 * m.requests)
        #expect(m.failures.timeout == m.requests && m.succeeded == 0, "one answer per user request")
        #expect(m.services[0].started == 3 * m.requests, "an abandoned attempt's work still runs")
        #expect(m.ledger.totalCommitted == 3 * m.requests, "and commits, once per attempt")
    }

    /// A patient client changes no figure: its timers fire after every answer.
    @Test(arguments: ["sync", "events"])
    func aClientThatNeverTimesOutChangesNothing(design: String) {
        let run = { (w: WorldConfig) in design == "sync" ? sync(w) : Worlds.run(w, Worlds.events()) }
        let plain = run(world(nil)), patient = run(world(ClientPolicy(timeout: .seconds(60), retries: RetryPolicy(attempts: 3))))
        #expect(patient.requests == plain.requests && patient.succeeded == plain.succeeded)
        #expect(patient.abandonedAttempts == 0 && patient.clientRetries == 0)
        for q in [0.5, 0.99, 1.0] { #expect(patient.latencySuccess.quantile(q) == plain.latencySuccess.quantile(q)) }
        #expect(patient.completed == plain.completed)
    }

    /// Users retry after a failure as well as after a timeout: with the entry down for the
    /// whole run, each user tries `attempts` times and fails unavailable.
    @Test func usersRetryAfterAFailure() {
        var w = world(ClientPolicy(timeout: .seconds(5), retries: RetryPolicy(attempts: 4, base: .milliseconds(10))))
        w.faults = [Worlds.fault(.crash, on: 0, at: 0, for: 1_000)]
        let m = sync(w)
        #expect(m.clientRetries == 3 * m.requests && m.abandonedAttempts == 0)
        #expect(m.failures.unavailable == m.requests)
    }

    /// A hang on the entry: an attempt it never answers is given up on at the user's timeout
    /// and tried again. Whether an attempt hangs is drawn per request and attempt, so with 30 %
    /// hanging and two attempts a user fails only when both hang (9 %), both designs see the
    /// same attempts hang, and a hung attempt takes no worker and does no work.
    @Test func aHungEntryIsGivenUpOnAndTriedAgainTheSameInBothDesigns() {
        var w = world(ClientPolicy(timeout: .milliseconds(200), retries: RetryPolicy(attempts: 2, base: .milliseconds(10))))
        w.faults = [Worlds.fault(.hang(Probability(0.3)), on: 0, at: 0, for: 1_000)]
        let sync = sync(w), events = Worlds.run(w, Worlds.events())
        for m in [sync, events] {
            #expect(m.requests > 900)
            #expect(m.abandonedAttempts == m.clientRetries + m.failures.timeout, "each hung attempt is retried or ends its user's request")
            #expect(m.services[0].started == m.requests + m.clientRetries - m.abandonedAttempts, "a hung attempt never starts work")
            #expect(m.succeeded + m.failures.timeout == m.requests)
            // 9 % of the users fail: within four standard deviations of the binomial count.
            let expected = 0.09 * Double(m.requests), sd = (Double(m.requests) * 0.09 * 0.91).squareRoot()
            #expect(abs(Double(m.failures.timeout) - expected) < 4 * sd, "\(m.failures.timeout) of \(m.requests)")
            #expect(abs(Double(m.clientRetries) - 0.3 * Double(m.requests)) < 4 * (Double(m.requests) * 0.21).squareRoot())
        }
        #expect(sync.failures.timeout == events.failures.timeout && sync.clientRetries == events.clientRetries,
                "the same attempts hang in both designs")
    }

    /// Users waiting on a hung entry take no place in any line, so they are a line of their
    /// own: past the line limit the run stops there, naming them, instead of holding every
    /// user until memory runs out. At 200 users a second with every attempt hung for an hour,
    /// the 1 001st waiting user stops the run after about 5 s, in both designs.
    @Test(arguments: ["sync", "events"])
    func usersWaitingOnAHungEntryStopTheRunAtTheLineLimit(design: String) {
        var w = Worlds.payments(rate: 200, seconds: 20)
        w.workload.client = ClientPolicy(timeout: .hours(1), retries: RetryPolicy(attempts: 3))
        w.faults = [Worlds.fault(.hang(Probability(1)), on: 0, at: 0, for: 1_000)]
        w.lineLimit = 1_000
        let m = design == "sync" ? sync(w) : Worlds.run(w, Worlds.events())
        #expect(m.lineOverflow == LineOverflow(usersOf: "payment", limit: 1_000))
        #expect(m.lineOverflow?.passed == "the users of payment passed 1000 waiting for an answer")
        #expect(m.requests == 1_001 && m.succeeded == 0)
        let stoppedAt = m.stoppedAt?.nanoseconds ?? 0
        #expect(abs(stoppedAt - 5_000_000_000) < 500_000_000, "\(stoppedAt)")
    }

    /// Users without a timeout wait for every answer, however slow, and still try again after
    /// a failure: with the entry down for the first second, the users of that second retry
    /// until it is back, and no attempt is given up on.
    @Test(arguments: ["sync", "events"])
    func usersWithoutATimeoutRetryOnlyAfterAFailure(design: String) {
        var w = world(ClientPolicy(retries: RetryPolicy(attempts: 100, base: .milliseconds(100), cap: .milliseconds(100), jitter: .none)))
        w.faults = [Worlds.fault(.crash, on: 0, at: 0, for: 1)]
        let m = design == "sync" ? sync(w) : Worlds.run(w, Worlds.events())
        #expect(m.abandonedAttempts == 0 && m.clientRetries > 0)
        #expect(m.succeeded == m.requests && m.failures.unavailable == 0, "every user got through once the entry was back")
    }
}
