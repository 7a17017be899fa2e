import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A chain whose topics sit on different brokers: orders on a Kafka-like log, the onward
/// topic a fan-out to SQS-like queues (or the other way round). Each hop keeps its own
/// broker's semantics: the log keeps each entity's order and blocks a partition behind a
/// slow event; the queue lets competing workers overtake each other, and hands a message out
/// again when its visibility timeout runs out.
struct MixedBrokerTests {
    /// order (0) → inventory (1) → shipping (2), at 200 per second for 20 s.
    func world(latency: Distribution = .constant(500_000), faults: [FaultConfig] = []) -> WorldConfig {
        Worlds.orders(seed: 42, keys: 50, latency: latency, faults: faults)
    }

    /// Inventory reads the entry's topic (on `entry`) and publishes to "reserved" (on `onward`), which shipping reads.
    func chain(entry: Broker, onward: Broker) -> EventsConfig {
        var inventory = ConsumerConfig(service: 1, instances: 2, concurrency: 6)
        inventory.publishesTo = 1
        var shipping = ConsumerConfig(service: 2, instances: 2, concurrency: 6)
        shipping.topic = 1
        var config = EventsConfig(broker: entry, partitions: 12, isKeyed: true, consumers: [inventory, shipping])
        config.onwardTopics = [TopicConfig(name: "reserved", broker: onward, partitions: 12, isKeyed: true)]
        return config
    }

    static let queue = Broker.queue(QueueSettings(visibilityTimeout: .seconds(5)))

    func counts(_ metrics: ArchitectureMetrics) -> [EffectCounts] { metrics.ledger.finalReport().map(\.counts) }

    /// Calm, either way round: every order is reserved and shipped once, and a request
    /// completes when shipping, on the other broker, has applied it.
    @Test(arguments: [(Broker.log, queue), (queue, Broker.log)])
    func everyOrderCrossesBothBrokersOnce(entry: Broker, onward: Broker) {
        let metrics = Worlds.run(world(), chain(entry: entry, onward: onward))
        let (inventory, shipping) = (counts(metrics)[0], counts(metrics)[1])
        #expect(metrics.requests > 3_000)
        #expect(inventory.applied == metrics.requests && shipping.applied == metrics.requests)
        #expect(inventory.duplicated == 0 && shipping.duplicated == 0 && shipping.lost == 0)
        #expect(metrics.completed == metrics.requests)
    }

    /// Jittered latency: the keyed log hands inventory each entity's versions one at a time,
    /// in order; shipping's queue gives them to twelve competing workers, which apply some
    /// out of order (a standard queue promises no order). Swapped, the damage is done at
    /// the first hop and the log downstream keeps whatever order it is given.
    @Test func theLogKeepsOrderAndTheQueueDoesNot() {
        let jitter = Distribution.lognormal(median: 1e6, p99: 10e6)
        let logFirst = counts(Worlds.run(world(latency: jitter), chain(entry: .log, onward: Self.queue)))
        #expect(logFirst[0].outOfOrder == 0)
        #expect(logFirst[1].outOfOrder > 0)
        let queueFirst = counts(Worlds.run(world(latency: jitter), chain(entry: Self.queue, onward: .log)))
        #expect(queueFirst[0].outOfOrder > 0)
    }

    /// Half of shipping's attempts hang for one second of the run (visibility timeout 5 s): on
    /// its queue, each hung message reappears when the visibility timeout runs out and is
    /// received again, a redelivery of shipping's own; inventory, on the log upstream,
    /// redelivers nothing.
    @Test func aHangingConsumerOnTheQueueHopIsRedeliveredThere() {
        let hang = FaultConfig(kind: .hang(Probability(0.5)), service: 2, start: .zero + .seconds(5), end: .zero + .seconds(6))
        let metrics = Worlds.run(world(faults: [hang]), chain(entry: .log, onward: Self.queue))
        #expect(metrics.consumers[1].redeliveries > 0, "hung messages come back after the visibility timeout")
        #expect(metrics.consumers[0].redeliveries == 0)
        #expect(counts(metrics)[1].lost == 0 && metrics.completed == metrics.requests)
    }

    /// The broker is down for 5 s: inventory's publishes to the queue are refused, its
    /// attempts fail and are retried in line on the log, and nothing is lost on the way to
    /// shipping.
    @Test func aBrokerOutageBetweenTheHopsLosesNothing() {
        let metrics = Worlds.run(world(faults: [Worlds.fault(.crash, on: 3, at: 8, for: 5)]), chain(entry: .log, onward: Self.queue))
        #expect(metrics.consumers[0].redeliveries > 0)
        #expect(counts(metrics)[1].lost == 0 && metrics.ledger.finalReport()[1].missingAtEnd == 0)
        #expect(metrics.completed == metrics.requests)
    }
}
