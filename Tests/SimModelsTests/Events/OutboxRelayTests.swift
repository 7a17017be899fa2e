import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A consumer that publishes onward through an outbox (the transactional outbox pattern):
/// the event is written with the consumer's effect and a relay streams it to the broker. The
/// consumer never waits for the broker, so a lost answer no longer stalls it or makes it
/// apply its effect twice; nothing is lost, and each entity's order survives.
struct OutboxRelayTests {
    static let (inventory, shipping, broker) = (1, 2, 3)

    /// order (0) → inventory (1) → shipping (2), at 200 per second for 20 s.
    func world(latency: Distribution = .constant(500_000), faults: [FaultConfig] = [], network: [NetworkFault] = []) -> WorldConfig {
        Worlds.orders(seed: 7, keys: 100, latency: latency, faults: faults, network: network)
    }

    /// Inventory reads the entry's topic and publishes to "reserved" `via` a dual write or an outbox.
    func chain(via: PublishDiscipline, onward: Broker = .log) -> EventsConfig {
        var inventory = ConsumerConfig(service: Self.inventory, instances: 2, concurrency: 6)
        (inventory.publishesTo, inventory.publishesVia) = (1, via)
        var shipping = ConsumerConfig(service: Self.shipping, instances: 2, concurrency: 6)
        shipping.topic = 1
        var config = EventsConfig(partitions: 12, consumers: [inventory, shipping])
        config.onwardTopics = [TopicConfig(name: "reserved", broker: onward, partitions: 12)]
        return config
    }

    func counts(_ metrics: ArchitectureMetrics) -> [EffectCounts] { metrics.ledger.finalReport().map(\.counts) }

    /// Inventory crashes at 8 s for 1 s with 50 ms to the broker. Its replay applies some
    /// events again and writes their rows again, so shipping sees those twice; on top of them,
    /// its relay's rows in flight were appended but their answers died with it, and the
    /// restarted relay is a new producer whose resends the broker appends again (at least
    /// once). Without the crash shipping sees each order once.
    @Test func aRelayCrashAppendsItsRowsInFlightAgain() {
        let crash = Worlds.fault(.crash, on: Self.inventory, at: 8, for: 1)
        let crashed = Worlds.run(world(latency: .constant(50_000_000), faults: [crash]), chain(via: .outbox))
        #expect(counts(crashed)[1].duplicated > counts(crashed)[0].duplicated, "\(counts(crashed))")
        let calm = Worlds.run(world(latency: .constant(50_000_000)), chain(via: .outbox))
        #expect(counts(calm)[1].duplicated == 0)
    }

    /// A third of the broker's answers to inventory are lost for 6 s. Dual-writing, a lost
    /// answer holds inventory's partition for the publish timeout, then fails the attempt,
    /// which applies the effect again and publishes again: duplicates at inventory and at
    /// shipping. Through the outbox, inventory applies each event once and reads on; the
    /// relay resends the rows whose answers were lost, and the broker, whose log takes an
    /// idempotent producer's row once, hands shipping each order once.
    @Test func lostAnswersDuplicateADualWriteButNotAnOutbox() {
        let dual = Worlds.run(world(network: Self.lossyAnswers), chain(via: .dualWrite))
        #expect(counts(dual)[0].duplicated > 0 && counts(dual)[1].duplicated > 0)

        let outbox = Worlds.run(world(network: Self.lossyAnswers), chain(via: .outbox))
        #expect(counts(outbox)[0].duplicated == 0 && counts(outbox)[1].duplicated == 0)
        #expect(counts(outbox)[1].applied == outbox.requests && outbox.completed == outbox.requests)
    }

    /// The same lost answers with "reserved" on a queue: every copy the relay sends is
    /// delivered, so shipping applies duplicates (nothing is lost).
    @Test func onAQueueTopicTheRelaysResendsAreDelivered() {
        let queue = Worlds.run(world(network: Self.lossyAnswers), chain(via: .outbox, onward: .queue(QueueSettings())))
        #expect(counts(queue)[1].duplicated > 0 && counts(queue)[1].lost == 0)
    }

    /// The broker is down for 5 s: the rows written meanwhile wait in the outbox, the relay
    /// retries until the broker is back, and every order is shipped.
    @Test func rowsWaitOutABrokerOutage() {
        let metrics = Worlds.run(world(faults: [Worlds.fault(.crash, on: Self.broker, at: 8, for: 5)]), chain(via: .outbox))
        #expect(counts(metrics)[1].applied == metrics.requests && counts(metrics)[1].lost == 0)
        #expect(metrics.completed == metrics.requests)
    }

    /// "reserved" on a queue has one relay lane; 200 rows a second cross 20 ms each way. One
    /// row per round trip would carry 25 a second and fall further behind every second. The
    /// relay keeps up to a window of rows in flight, so about λ·RTT = 8 are, and every order
    /// ships within a few crossings of the network (0.56 s at p99, where one row per round
    /// trip left half the orders unshipped after the drain and the rest 70 s late).
    @Test func aRelayKeepsUpAcrossASlowLink() {
        let metrics = Worlds.run(world(latency: .constant(20_000_000)), chain(via: .outbox, onward: .queue(QueueSettings())))
        #expect(counts(metrics)[1].applied == metrics.requests && metrics.completed == metrics.requests)
        #expect(counts(metrics)[1].duplicated == 0, "no answer was lost: no row goes twice")
        #expect(metrics.endToEnd.quantile(0.99) < 1_000_000_000, "end-to-end p99 \(metrics.endToEnd.quantile(0.99)) ns")
    }

    /// A fifth of inventory's rows are lost on the way to the broker for 6 s, with rows in
    /// flight behind each lost one. The broker refuses a row after a gap, the relay sends again
    /// at once from its oldest unanswered row, and the log takes each row once, in commit
    /// order. A resend lost in turn is refused in turn, so no row waits for the 30 s publish
    /// timeout (sending the oldest row alone, a lost probe waited for it: p99 about 30 s).
    @Test func rowsLostInFlightAreSentAgainInOrderAndAppendedOnce() {
        let lossyRows = [NetworkFault(scope: .links(from: Self.inventory, to: Self.broker, bothWays: false), drop: Probability(0.2),
                                      start: .zero + .seconds(2), end: .zero + .seconds(8))]
        let metrics = Worlds.run(world(latency: .lognormal(median: 10e6, p99: 40e6), network: lossyRows), chain(via: .outbox))
        #expect(counts(metrics)[1].outOfOrder == 0 && counts(metrics)[1].duplicated == 0, "\(counts(metrics)[1])")
        #expect(counts(metrics)[1].applied == metrics.requests && metrics.completed == metrics.requests)
        #expect(metrics.staleness[1].quantile(0.99) < 5_000_000_000, "shipping staleness p99 \(metrics.staleness[1].quantile(0.99)) ns")
    }

    /// Answers to inventory are lost from 2 s to 8 s and inventory crashes at 5 s for 1 s:
    /// rows the broker answered behind an unanswered one leave the outbox at the crash, and
    /// the restarted relay, a new producer, starts from the oldest unanswered row. Nothing is
    /// lost or stuck (at least once: some rows go twice).
    @Test func aCrashAmongLostAnswersLeavesNoRowBehind() {
        let crash = Worlds.fault(.crash, on: Self.inventory, at: 5, for: 1)
        let metrics = Worlds.run(world(latency: .constant(5_000_000), faults: [crash], network: Self.lossyAnswers), chain(via: .outbox))
        let shipping = metrics.ledger.finalReport()[1]
        #expect(shipping.counts.lost == 0 && shipping.missingAtEnd == 0, "\(shipping.counts)")
        #expect(metrics.completed == metrics.requests)
    }

    /// Rows are lost on their way to the broker from 2 s to 8 s, and inventory crashes at 4 s
    /// for 1 s: the restarted relay's first rows race to the broker, and one lost leaves a gap.
    /// The broker takes a new producer's rows from its first in order, refusing one after the
    /// gap, so no row is acknowledged without being appended.
    @Test func aRestartedRelaysLostFirstRowIsNotTakenAsAppended() {
        let crash = Worlds.fault(.crash, on: Self.inventory, at: 4, for: 1)
        let lossyRows = [NetworkFault(scope: .links(from: Self.inventory, to: Self.broker, bothWays: false), drop: Probability(0.3),
                                      start: .zero + .seconds(2), end: .zero + .seconds(8))]
        let metrics = Worlds.run(world(latency: .constant(5_000_000), faults: [crash], network: lossyRows), chain(via: .outbox))
        let shipping = metrics.ledger.finalReport()[1]
        #expect(shipping.counts.lost == 0 && shipping.missingAtEnd == 0, "\(shipping.counts)")
        #expect(metrics.completed == metrics.requests)
    }

    /// Jittered latency and a broker outage: the relay sends each partition's rows in commit
    /// order, so shipping applies every entity's versions in order.
    @Test func theRelayKeepsEachEntitysOrder() {
        let jitter = Distribution.lognormal(median: 1e6, p99: 10e6)
        let metrics = Worlds.run(world(latency: jitter, faults: [Worlds.fault(.crash, on: Self.broker, at: 8, for: 2)]), chain(via: .outbox))
        #expect(counts(metrics)[1].outOfOrder == 0)
        #expect(counts(metrics)[1].applied == metrics.requests)
    }

    /// Inventory's service is down for 3 s (the broker meanwhile up): the rows it wrote are
    /// in its database, so the relay sends them when it comes back; nothing is lost on the
    /// way to shipping.
    @Test func rowsSurviveACrashOfTheirService() {
        let metrics = Worlds.run(world(faults: [Worlds.fault(.crash, on: Self.inventory, at: 8, for: 3)]), chain(via: .outbox))
        let shipping = metrics.ledger.finalReport()[1]
        #expect(shipping.counts.lost == 0 && shipping.missingAtEnd == 0)
        #expect(metrics.completed == metrics.requests)
    }

    /// An idempotent inventory that commits every 5 s crashes: after its restart it reads
    /// again what it applied since its last commit, and skips each replay. Its outbox row was
    /// written with the effect it skips, so the replay writes none, and shipping gets each
    /// order once.
    @Test func anIdempotentConsumerWritesNoRowForAReplay() {
        var config = chain(via: .outbox)
        (config.consumers[0].isIdempotent, config.consumers[0].commit) = (true, .periodic(.seconds(5)))
        let metrics = Worlds.run(world(faults: [Worlds.fault(.crash, on: Self.inventory, at: 8, for: 3)]), config)
        #expect(counts(metrics)[0].duplicated == 0 && counts(metrics)[1].duplicated == 0)
        #expect(counts(metrics)[1].applied == metrics.requests && metrics.completed == metrics.requests)
    }

    /// Inventory reads a queue, whose competing workers overtake each other, and is idempotent:
    /// a version that comes after a newer one is skipped as superseded. It writes no row for
    /// it, so the event goes no further: shipping, on a keyed log, applies every entity's
    /// versions in order, misses exactly what inventory skipped, and those requests do not complete.
    @Test func aSupersededVersionWritesNoRow() {
        var config = chain(via: .outbox)
        config.broker = .queue(QueueSettings())
        config.consumers[0].isIdempotent = true
        var world = world()
        world.workload.keyCount = 5
        let metrics = Worlds.run(world, config)
        let report = metrics.ledger.finalReport()
        #expect(report[0].counts.superseded > 0)
        #expect(report[1].counts.outOfOrder == 0)
        #expect(report[1].missingAtEnd == report[0].missingAtEnd)
        #expect(metrics.completed == metrics.requests - report[0].missingAtEnd)
    }

    /// Rows waiting for the broker's answer count in the `outbox` gauge, beside the entry's:
    /// every row inventory sends from 8 s to 10 s is lost on the way, and waits out the
    /// publish timeout unanswered, about 200/s × 2 s = 400 of them. Rows the broker has
    /// answered do not count, even while an older one holds them in the outbox.
    @Test func waitingRowsCountInTheOutboxGauge() {
        func peakOutbox(_ metrics: ArchitectureMetrics) -> Double {
            let column = metrics.series.gaugeNames.firstIndex(of: "outbox")!
            return metrics.series.rows.map { $0.gauges[column] }.max() ?? 0
        }
        let lostRows = [NetworkFault(scope: .links(from: Self.inventory, to: Self.broker, bothWays: false), drop: .always,
                                     start: .zero + .seconds(8), end: .zero + .seconds(10))]
        let outbox = peakOutbox(Worlds.run(world(network: lostRows), chain(via: .outbox)))
        let dual = peakOutbox(Worlds.run(world(network: lostRows), chain(via: .dualWrite)))
        #expect(outbox >= dual + 300 && outbox <= dual + 450, "outbox \(outbox), dual write \(dual)")
    }

    /// A third of the broker's answers to inventory lost, from 2 s to 8 s.
    static let lossyAnswers = [NetworkFault(scope: .links(from: broker, to: inventory, bothWays: false), drop: Probability(0.3),
                                            start: .zero + .seconds(2), end: .zero + .seconds(8))]
}
