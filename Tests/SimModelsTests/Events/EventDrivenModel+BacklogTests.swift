import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A topic's backlog is a waiting line of events: when the events the broker holds for it
/// pass the line limit, the run stops there, naming the topic, before the backlog can exhaust
/// memory; a backlog that its consumers keep below the limit never stops the run.
struct EventDrivenModelBacklogTests {
    /// order (0) → inventory (1), shipping (2) at 200 requests a second for 20 s, with a line
    /// limit of 1 000 and the services in `down` crashed for the whole run.
    func world(down: [Int] = [1, 2]) -> WorldConfig {
        var world = Worlds.orders(seed: 42, keys: 200, faults: down.map { Worlds.fault(.crash, on: $0, at: 0, for: 100) })
        world.lineLimit = 1_000
        return world
    }

    /// Every event the broker holds: the partitions' events in memory and the queues' messages.
    func held(_ model: borrowing EventDrivenModel) -> Int {
        (0..<model.queues.count).reduce(model.partitions.reduce(0) { $0 + $1.records.count }) { $0 + model.queues[$1].count }
    }

    @Test(arguments: [Broker.log, .queue(QueueSettings())])
    func aBacklogPastTheLineLimitStopsTheRunNamingItsTopic(broker: Broker) {
        var config = Worlds.events()
        config.broker = broker
        var model = EventDrivenModel(world: world(), config: config)
        let stop = model.run().stop
        #expect(stop == .lineLimit)
        #expect(model.metrics.lineOverflow == LineOverflow(topicOfEntry: "order", limit: 1_000))
        #expect(model.metrics.lineOverflow?.passed == "the backlog of the topic of order passed 1000 events")
        // 200 events a second, each held once on the log and once per consumer's queue.
        let stoppedAt = model.metrics.stoppedAt?.nanoseconds ?? 0
        let expected: Int64 = broker == .log ? 5_000_000_000 : 2_500_000_000
        #expect(abs(stoppedAt - expected) < 500_000_000, "\(stoppedAt)")
        // The run stops at the append that passed the limit: one event on the log, a copy per queue.
        let copies = broker == .log ? 1 : config.consumers.count
        #expect((1_001...1_000 + copies).contains(held(model)), "\(held(model))")
    }

    @Test func theBacklogOfAnOnwardTopicStopsTheRunNamingIt() {
        var inventory = ConsumerConfig(service: 1, instances: 2, concurrency: 6)
        inventory.publishesTo = 1
        var shipping = ConsumerConfig(service: 2, instances: 2, concurrency: 6)
        shipping.topic = 1
        var config = EventsConfig(partitions: 12, consumers: [inventory, shipping])
        config.onwardTopics = [TopicConfig(name: "reserved", partitions: 12)]
        var model = EventDrivenModel(world: world(down: [2]), config: config)
        let stop = model.run().stop
        #expect(stop == .lineLimit)
        #expect(model.metrics.lineOverflow?.line == "topic reserved")
        #expect(model.heldEvents[1] == 1_001)
    }

    /// The broker down for the whole run: the entry's committed events pile up unacknowledged
    /// (the outbox's rows, or the dual-writing producer's events), and the run stops once they
    /// pass the line limit, naming them, instead of holding them without end.
    @Test(arguments: [PublishDiscipline.outbox, .dualWrite])
    func eventsTheBrokerDoesNotAcknowledgePastTheLineLimitStopTheRun(publish: PublishDiscipline) {
        var world = world(down: [])
        world.faults = [Worlds.fault(.crash, on: world.brokerNode, at: 0, for: 100)]
        var config = Worlds.events(publish: publish)
        config.waitsForAck = false
        config.producer.deliveryTimeout = .seconds(100)
        var model = EventDrivenModel(world: world, config: config)
        let stop = model.run().stop
        #expect(stop == .lineLimit)
        let name = publish == .outbox ? "outbox of order" : "producer of order"
        #expect(model.metrics.lineOverflow == LineOverflow(line: name, limit: 1_000))
        #expect(model.metrics.lineOverflow?.passed == "the \(name) passed 1000 events the broker has not acknowledged")
        #expect(model.unacknowledged == 1_001)
        // 200 events a second: the 1 001st is committed after about 5 s.
        let stoppedAt = model.metrics.stoppedAt?.nanoseconds ?? 0
        #expect(abs(stoppedAt - 5_000_000_000) < 500_000_000, "\(stoppedAt)")
    }

    @Test func aBacklogItsConsumersKeepBelowTheLimitNeverStopsTheRun() {
        var model = EventDrivenModel(world: world(down: []), config: Worlds.events())
        let stop = model.run().stop
        #expect(stop != .lineLimit)
        #expect(model.metrics.lineOverflow == nil)
        #expect(held(model) == 0, "every event was dropped once every group was past it")
        #expect(model.heldEvents == [0])
    }
}
