import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Every visit of a request to a service draws afresh: a transient fault strikes each call on
/// its own, so a retry at any level (the user's, an outer call's, a consumer's redelivery)
/// and a second node calling the same service meet independent fates. The first visit along
/// the first attempts draws as before, the same in every design.
struct VisitTests {
    /// The first visits keep the attempt words; any other path gets a word of its own.
    @Test func firstVisitsKeepTheAttemptWordsAndOtherPathsDrawAfresh() {
        let entry = Visit.root(attempt: 0, first: 0)
        #expect(entry == Visit(word: RequestDraws.attemptWord(0), isFirst: true))
        let first = entry.call(node: 1, attempt: 1, isPrimary: true), retry = entry.call(node: 1, attempt: 2, isPrimary: true)
        #expect(first == Visit(word: RequestDraws.attemptWord(1), isFirst: true))
        #expect(retry == Visit(word: RequestDraws.attemptWord(2), isFirst: false))
        let userRetry = Visit.root(attempt: 1, first: 0)
        #expect(userRetry == Visit(word: RequestDraws.attemptWord(1), isFirst: false), "the entry's own draws as before")
        var words: Set<UInt64> = [entry.word, first.word, retry.word]
        for attempt: UInt16 in 1...5 {
            words.insert(userRetry.call(node: 1, attempt: attempt, isPrimary: true).word)
            words.insert(retry.call(node: 2, attempt: attempt, isPrimary: true).word)
            words.insert(entry.call(node: 3, attempt: attempt, isPrimary: false).word)
        }
        #expect(words.count == 3 + 15, "no two paths share a word")
    }

    /// Only the first called node at each service is primary; roots are not called.
    @Test func theFirstCalledNodeAtAServiceIsPrimary() {
        let graph = CallGraph(nodes: [CallNode(service: 0, steps: [[1, 2]]), CallNode(service: 1, steps: [[3]]),
                                      CallNode(service: 2), CallNode(service: 1)])
        #expect(CallTree.primaryNodes(graph) == [false, true, true, false])
    }

    /// payment (0) calling email (1); email fails half its calls.
    func world(client: ClientPolicy? = nil) -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 10, faults: [Worlds.fault(.errors(Probability(0.5)), on: 1, at: 0, for: 1_000)])
        w.workload.client = client
        return w
    }

    /// `failed` of `n` is within five binomial standard errors of `n·p`.
    func isNear(_ failed: Int, of n: Int, _ p: Double) -> Bool {
        let mean = Double(n) * p, sd = (Double(n) * p * (1 - p)).squareRoot()
        return abs(Double(failed) - mean) <= 5 * sd
    }

    /// A user who tries four times fails only when email fails all four calls: 0.5⁴ of users
    /// (one in two, were the calls' fates the same every time).
    @Test func aUsersRetriesMeetFreshFaultsBelowTheEntry() {
        let retrying = ClientPolicy(timeout: .seconds(5), retries: RetryPolicy(attempts: 4, base: .milliseconds(10)))
        var model = SyncModel(world: world(client: retrying), config: SyncConfig(chain: [0, 1], timeout: .seconds(2)))
        let m = model.run().metrics
        #expect(m.requests > 900)
        #expect(isNear(m.failures.total, of: m.requests, 0.0625), "\(m.failures.total) of \(m.requests) failed")
    }

    /// payment retries email four times; email calls notification once, which fails half its
    /// calls: a request fails only when all four of email's calls below fail (0.5⁴).
    @Test func anOuterRetryMeetsFreshFaultsOneLevelDown() {
        var w = Worlds.payments(rate: 100, seconds: 10, faults: [Worlds.fault(.errors(Probability(0.5)), on: 2, at: 0, for: 1_000)])
        w.services[2].workers = 200
        let retried = CallPolicy(timeout: .seconds(2), retries: RetryPolicy(attempts: 4, base: .milliseconds(1)))
        let graph = CallGraph(nodes: [CallNode(service: 0, steps: [[1]]), CallNode(service: 1, steps: [[2]], policy: retried),
                                      CallNode(service: 2)])
        var model = SyncModel(world: w, config: SyncConfig(graph: graph, timeout: .seconds(2)))
        let m = model.run().metrics
        #expect(isNear(m.failures.total, of: m.requests, 0.0625), "\(m.failures.total) of \(m.requests) failed")
    }

    /// payment calls email from two nodes at once and needs both: a request succeeds only
    /// when both calls do, a quarter of the time (half, were both calls one fate).
    @Test func twoCallsToOneServiceMeetTheirOwnFates() {
        let graph = CallGraph(nodes: [CallNode(service: 0, steps: [[1, 2]]), CallNode(service: 1), CallNode(service: 1)])
        var model = SyncModel(world: world(), config: SyncConfig(graph: graph, timeout: .seconds(2)))
        let m = model.run().metrics
        #expect(isNear(m.succeeded, of: m.requests, 0.25), "\(m.succeeded) of \(m.requests) succeeded")
    }

    /// A consumer that calls a service failing 30 % of calls, with ten attempts per event: an
    /// event is dead-lettered only when all ten calls fail (0.3¹⁰, about one in 170 000), on a
    /// log and on a queue alike.
    @Test(arguments: [Broker.log, .queue(QueueSettings(visibilityTimeout: .seconds(30), maxReceiveCount: 10))])
    func aRedeliveredEventsCallsMeetFreshFaults(broker: Broker) {
        var w = Worlds.payments(rate: 100, seconds: 10, faults: [Worlds.fault(.errors(Probability(0.3)), on: 2, at: 0, for: 1_000)])
        w.services[2].workers = 1_000
        let graph = CallGraph(nodes: [CallNode(service: 1, steps: [[1]]), CallNode(service: 2)])
        var config = EventsConfig(broker: broker, partitions: 12, consumers: [
            ConsumerConfig(service: 1, instances: 2, concurrency: 6, maxAttempts: 10),
        ])
        config.calls = EventCalls(graph: graph, policy: CallPolicy(timeout: .seconds(1)), entryRoot: nil, consumerRoots: [0])
        let m = Worlds.run(w, config)
        let email = m.ledger.finalReport()[0]
        #expect(m.ledger.totalCommitted > 900)
        #expect(email.counts.deadLettered <= 2, "\(email.counts.deadLettered) dead-lettered")
        #expect(email.counts.applied == m.ledger.totalCommitted)
    }
}
