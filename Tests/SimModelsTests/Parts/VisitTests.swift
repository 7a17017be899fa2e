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

    /// An event's processing draws with the attempt alone only on its first processing, from
    /// a first visit, by the first group at its service; every other case draws apart.
    @Test func aProcessingDrawsAsTheServicesFirstVisitOnlyOnItsFirstProcessing() {
        let first = Visit.processing(lineage: 0, attempt: 1, isFirstProcessing: true, salt: 1)
        #expect(first == Visit(word: RequestDraws.attemptWord(1), isFirst: true), "as a synchronous callee's first attempt")
        #expect(Visit.processing(lineage: 0, attempt: 2, isFirstProcessing: true, salt: 1) == Visit(word: RequestDraws.attemptWord(2), isFirst: false))
        let retriedPublisher = Visit.root(attempt: 1, first: 0).lineage
        #expect(retriedPublisher != 0 && Visit.root(attempt: 0, first: 0).lineage == 0)
        let words: Set<UInt64> = [first.word,
                                  Visit.processing(lineage: retriedPublisher, attempt: 1, isFirstProcessing: true, salt: 1).word,
                                  Visit.processing(lineage: 0, attempt: 1, isFirstProcessing: false, salt: 1).word,
                                  Visit.processing(lineage: 0, attempt: 1, isFirstProcessing: false, salt: 2).word,
                                  Visit.processing(lineage: 0, attempt: 2, isFirstProcessing: false, salt: 2).word,
                                  first.copy(1).word, first.copy(2).word]
        #expect(words.count == 7, "a replay, a duplicate and a retried publisher's event each draw afresh")
        #expect(first.copy(0) == first && !first.copy(1).isFirst)
    }

    /// Only the first called node at each service is primary; roots are not called.
    @Test func theFirstCalledNodeAtAServiceIsPrimary() {
        let graph = CallGraph(nodes: [CallNode(service: 0, steps: [[1, 2]]), CallNode(service: 1, steps: [[3]]),
                                      CallNode(service: 2), CallNode(service: 1)])
        #expect(CallTree.primaryNodes(graph) == [false, true, true, false])
        #expect(CallTree.primaryNodes(graph, consumed: [2]) == [false, true, false, false], "a consumer's service has its first visits")
        let callback = CallGraph(nodes: [CallNode(service: 0, steps: [[1]]), CallNode(service: 0)])
        #expect(CallTree.primaryNodes(callback) == [false, false], "a call into the root's service draws apart from the root's retries")
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

    /// A call the network duplicates is served twice, each copy meeting its own fate: with
    /// email failing half its calls, both copies apply a quarter of the time (half, were the
    /// copies one fate).
    @Test func aDuplicatedCallsCopiesMeetTheirOwnFates() {
        var w = world()
        w.networkFaults = [NetworkFault(scope: .links(from: 0, to: 1, bothWays: false), duplicate: .always, start: .zero, end: .distantFuture)]
        var model = SyncModel(world: w, config: SyncConfig(chain: [0, 1], timeout: .seconds(2)))
        let m = model.run().metrics
        let duplicated = m.ledger.finalReport()[0].counts.duplicated
        #expect(isNear(duplicated, of: m.requests, 0.25), "\(duplicated) of \(m.requests) applied twice")
    }

    /// A consumer group that replays its partitions after a crash processes each replayed event
    /// afresh: with email failing half its attempts (parked, not retried), a replayed event is
    /// applied twice a quarter of the time (half, were the replay a copy of the first pass).
    @Test func aReplayAfterACrashMeetsFreshFaults() {
        var w = Worlds.payments(rate: 100, seconds: 10, faults: [Worlds.fault(.errors(Probability(0.5)), on: 1, at: 0, for: 1_000),
                                                                 Worlds.fault(.crash, on: 1, at: 8, for: 1)])
        w.services[1].work = .exponential(mean: 1e6)
        let config = EventsConfig(partitions: 12, consumers: [
            ConsumerConfig(service: 1, instances: 2, concurrency: 6, commit: .periodic(.seconds(3_600)), onFailure: .park),
        ])
        let m = Worlds.run(w, config)
        let replayed = m.services[1].started - m.ledger.totalCommitted
        let duplicated = m.ledger.finalReport()[0].counts.duplicated
        #expect(replayed > 500, "the crash replays what the group processed since it started")
        #expect(isNear(duplicated, of: replayed, 0.25), "\(duplicated) of \(replayed) replayed events applied twice")
    }

    /// A producer without idempotence whose every publish the network duplicates: the broker
    /// appends each event twice, and each copy is an event of its own to the consumer, which
    /// fails half its events (parked): both copies applied a quarter of the time (half, were
    /// the copies one fate).
    @Test func copiesTheBrokerAppendsMeetTheirOwnFates() {
        var w = world()
        w.faults = [Worlds.fault(.errors(Probability(0.5)), on: 1, at: 0, for: 1_000)]
        w.networkFaults = [NetworkFault(scope: .links(from: 0, to: 3, bothWays: false), duplicate: .always, start: .zero, end: .distantFuture)]
        var config = EventsConfig(partitions: 12, consumers: [ConsumerConfig(service: 1, instances: 2, concurrency: 6, onFailure: .park)])
        config.producer.isIdempotent = false
        let m = Worlds.run(w, config)
        let duplicated = m.ledger.finalReport()[0].counts.duplicated
        #expect(isNear(duplicated, of: m.ledger.totalCommitted, 0.25), "\(duplicated) of \(m.ledger.totalCommitted) applied twice")
    }

    /// In a hybrid, the entry calls email and email's consumer processes the event: the two
    /// visits draw apart. Only requests whose call succeeded publish; with email failing half
    /// its visits, half their events are dead-lettered (none, were both visits one fate).
    @Test func aConsumersProcessingAndACallToItsServiceMeetTheirOwnFates() {
        let w = world()
        let graph = CallGraph(nodes: [CallNode(service: 0, steps: [[1]]), CallNode(service: 1)])
        var config = EventsConfig(partitions: 12, consumers: [ConsumerConfig(service: 1, instances: 2, concurrency: 6, onFailure: .park)])
        config.calls = EventCalls(graph: graph, policy: CallPolicy(timeout: .seconds(2)), entryRoot: 0, consumerRoots: [nil])
        let m = Worlds.run(w, config)
        let counts = m.ledger.finalReport()[0].counts
        #expect(isNear(counts.deadLettered, of: counts.deadLettered + counts.applied, 0.5), "\(counts.deadLettered) of \(counts.deadLettered + counts.applied)")
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
