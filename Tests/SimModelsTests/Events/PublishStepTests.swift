import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A called service that publishes: checkout calls payment and waits; payment, once charged,
/// publishes to "payments", which the ledger reads; checkout then publishes to its own topic,
/// which email reads. A dual write makes the broker part of the user's answer; an outbox
/// takes it out.
struct PublishStepTests {
    static let (checkout, payment, email, ledger, broker) = (0, 1, 2, 3, 4)

    /// 100 requests per second for 20 s.
    func world(faults: [FaultConfig] = []) -> WorldConfig {
        var world = WorldConfig(
            seed: 11, duration: .seconds(20), drain: .seconds(30),
            workload: WorkloadConfig(entry: Self.checkout, arrivals: .poisson(.perSecond(100)), keyCount: 1_000),
            services: [
                ServiceConfig(name: "checkout", workers: 50, work: .constant(5_000_000)),
                ServiceConfig(name: "payment", workers: 50, work: .exponential(mean: 20e6)),
                ServiceConfig(name: "email", workers: 10, work: .exponential(mean: 5e6)),
                ServiceConfig(name: "ledger", workers: 10, work: .exponential(mean: 5e6)),
            ],
            faults: faults)
        world.network = NetworkConfig(latency: .constant(500_000))
        return world
    }

    /// checkout → payment, payment publishing to "payments" `via` a dual write or an outbox.
    func hybrid(via: PublishDiscipline) -> EventsConfig {
        var payment = CallNode(service: Self.payment)
        payment.publish = CallPublish(topic: 1, via: via)
        let graph = CallGraph(nodes: [CallNode(service: Self.checkout, steps: [[1]]), payment])
        var ledger = ConsumerConfig(service: Self.ledger, concurrency: 4)
        ledger.topic = 1
        var config = EventsConfig(partitions: 12, consumers: [ConsumerConfig(service: Self.email, concurrency: 4), ledger])
        config.onwardTopics = [TopicConfig(name: "payments", partitions: 12)]
        config.calls = EventCalls(graph: graph, policy: CallPolicy(timeout: .seconds(2)), entryRoot: 0, consumerRoots: [nil, nil])
        return config
    }

    func counts(_ metrics: ArchitectureMetrics) -> [EffectCounts] { metrics.ledger.finalReport().map(\.counts) }

    /// Calm: every charge reaches the ledger once, and a request completes only when both
    /// email (through checkout's topic) and the ledger (through payment's) have applied it.
    @Test(arguments: [PublishDiscipline.dualWrite, .outbox])
    func everyChargeReachesTheLedgerOnce(via: PublishDiscipline) {
        let metrics = Worlds.run(world(), hybrid(via: via))
        let (email, ledger) = (counts(metrics)[0], counts(metrics)[1])
        #expect(metrics.requests > 1_900 && metrics.failures.total == 0)
        #expect(ledger.applied == metrics.requests && ledger.duplicated == 0 && email.applied == metrics.requests)
        #expect(metrics.completed == metrics.requests && metrics.endToEnd.count == metrics.requests)
    }

    /// The broker is down for 5 s. Dual-writing, payment's publishes are refused, so payment
    /// fails and checkout answers its users with errors: their charges never reach the ledger.
    /// The answers to payment's relay are lost for 50 ms at 2 s, with "payments" on one
    /// partition at 100 rows a second: the rows behind them are answered and the relay sends
    /// on, as a producer's in-flight limit counts only the requests not yet answered. Only the
    /// rows whose answers were lost wait for their resends (counting the answered rows behind
    /// them, the relay would stop 1 024 rows later, at 12 s, for the rest of the 30 s publish
    /// timeout, and the ledger's p99 would be 20 s).
    @Test func lostAnswersHoldUpOnlyTheirOwnRows() {
        var config = hybrid(via: .outbox)
        config.onwardTopics = [TopicConfig(name: "payments", partitions: 1)]
        var world = world()
        world.networkFaults = [NetworkFault(scope: .links(from: Self.broker, to: Self.payment, bothWays: false), drop: .always,
                                            start: .zero + .seconds(2), end: .zero + .milliseconds(2_050))]
        let metrics = Worlds.run(world, config)
        #expect(metrics.staleness[1].quantile(0.99) < 1_000_000_000, "ledger staleness p99 \(metrics.staleness[1].quantile(0.99)) ns")
        #expect(metrics.completed == metrics.requests)
    }

    /// Through the outbox, payment answers at once, no user sees an error, and the relay
    /// brings every charge to the ledger once the broker is back.
    @Test func aBrokerOutageFailsUsersOnlyWhenPaymentDualWrites() {
        let outage = [Worlds.fault(.crash, on: Self.broker, at: 8, for: 5)]
        let dual = Worlds.run(world(faults: outage), hybrid(via: .dualWrite))
        #expect(dual.failures.total > 300)
        #expect(dual.ledger.finalReport()[1].missingAtEnd == dual.failures.total)
        #expect(dual.completed == dual.requests - dual.failures.total)

        let outbox = Worlds.run(world(faults: outage), hybrid(via: .outbox))
        #expect(outbox.failures.total == 0)
        #expect(counts(outbox)[1].applied == outbox.requests && outbox.ledger.finalReport()[1].missingAtEnd == 0)
        #expect(outbox.completed == outbox.requests)
    }

    /// Checkout fails after payment's publish (the broker's outage refuses some and times out
    /// others, which may still be appended) or in checkout's own crash: a failed request is
    /// held while its calls may still publish, then freed once every effect it reached has
    /// settled. Nothing stays held at the end, and nothing fails completes.
    @Test(arguments: [PublishDiscipline.dualWrite, .outbox])
    func failedRequestsAreFreedOnceTheirCallsEnd(via: PublishDiscipline) {
        let faults = [Worlds.fault(.crash, on: Self.broker, at: 8, for: 5), Worlds.fault(.crash, on: Self.checkout, at: 15, for: 1)]
        var model = EventDrivenModel(world: world(faults: faults), config: hybrid(via: via))
        let metrics = model.run().metrics
        #expect(metrics.failures.total > 0)
        #expect(model.pending.liveCount == 0, "\(model.pending.liveCount) requests still held")
        #expect(metrics.completed <= metrics.requests - metrics.failures.total)
    }

    /// The ledger is down from 10 s to the end: the requests after that never complete, though
    /// email applied them all; completion waits for every effect a request reaches.
    @Test func completionWaitsForTheCalledServicesEvent() {
        let metrics = Worlds.run(world(faults: [Worlds.fault(.crash, on: Self.ledger, at: 10, for: 100)]), hybrid(via: .outbox))
        #expect(counts(metrics)[0].applied == metrics.requests)
        #expect(metrics.completed < metrics.requests * 6 / 10)
        #expect(metrics.completed == counts(metrics)[1].applied)
    }
}
