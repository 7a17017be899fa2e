import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Pauses freeze a node without losing anything; a crashed broker refuses publishes and
/// fetches but keeps what it acknowledged, and its consumers resume from their committed
/// offsets when it returns.
struct EventFaultTests {
    static let entry = 0, email = 1, notification = 2, broker = 3

    /// payment → email, notification at 100/s for 10 s, then 20 s of drain.
    func world(_ faults: FaultConfig...) -> WorldConfig {
        Worlds.payments(rate: 100, seconds: 10, emailWork: .exponential(mean: 20e6), faults: faults, drain: 20)
    }

    func gauge(_ name: String, at second: Int64, in m: ArchitectureMetrics) -> Double {
        let column = m.series.gaugeNames.firstIndex(of: name)!
        return m.series.rows.first { $0.end == .zero + .seconds(second) }!.gauges[column]
    }

    /// First applications, all consumers together, in the rows ending in (`from`, `to`].
    func applied(from: Int64, to: Int64, in m: ArchitectureMetrics) -> Int {
        m.series.rows.filter { $0.end > .zero + .seconds(from) && $0.end <= .zero + .seconds(to) }.map(\.applied).reduce(0, +)
    }

    /// Nothing lost, and every version applied, except those an idempotent consumer skipped
    /// because a newer version of the entity had come first (superseded).
    func expectNothingMissing(_ m: ArchitectureMetrics, _ comment: Comment? = nil) {
        for target in m.ledger.finalReport() {
            let superseded = target.counts.superseded
            #expect(target.counts.lost == 0 && target.missingAtEnd == superseded, "\(target.name) \(comment?.rawValue ?? "")")
            #expect(target.counts.applied + superseded == m.ledger.totalCommitted, "\(target.name) \(comment?.rawValue ?? "")")
        }
    }

    // MARK: - Broker crash

    /// The broker is down from 3 s to 6 s. Consumers stall (no effect applied while it is
    /// down, their lag grows); the outbox keeps resending until the broker is back; users,
    /// who wait only for the entry, notice nothing; and nothing is lost.
    @Test func aBrokerCrashStallsConsumersAndTheOutboxLosesNothing() {
        let m = Worlds.run(world(Worlds.fault(.crash, on: Self.broker, at: 3, for: 3)), Worlds.events(publish: .outbox))
        #expect(applied(from: 4, to: 6, in: m) == 0, "nothing is delivered while the broker is down")
        #expect(gauge("outbox", at: 5, in: m) > 150, "two seconds of unacknowledged rows")
        #expect(m.retries > 150)
        #expect(m.failures.total == 0)
        #expect(gauge("email lag", at: 12, in: m) < 10, "the backlog drains once the broker is back")
        expectNothingMissing(m)
    }

    /// The entry crashes from 3 s to 4 s with 50 ms to the broker: the acknowledgements of the
    /// outbox rows sent in the last round trip reach a dead process and are lost with its
    /// connections, so the relay sends those rows again after the restart, under a new
    /// producer identity the broker does not deduplicate: each is delivered twice (at least
    /// once), about a round trip of rows at 100/s, even with an idempotent producer.
    @Test(arguments: [true, false])
    func anEntryCrashAppendsTheOutboxsRowsInFlightAgain(idempotent: Bool) {
        var w = world(Worlds.fault(.crash, on: Self.entry, at: 3, for: 1))
        w.network = NetworkConfig(latency: .constant(50_000_000))
        var config = Worlds.events(publish: .outbox)
        config.producer.isIdempotent = idempotent
        let crashed = Worlds.run(w, config)
        let duplicated = crashed.ledger.finalReport()[0].counts.duplicated
        #expect(duplicated >= 3 && duplicated <= 30, "\(duplicated) of about 10 rows in flight appended again")
        w.faults = []
        #expect(Worlds.run(w, config).ledger.finalReport()[0].counts.duplicated == 0, "none without the crash")
        #expect(crashed.ledger.totalCommitted > 900)
    }

    /// A dual write that waits for the acknowledgement rides out a broker crash shorter than
    /// its delivery timeout (Kafka's 120 s): the producer retries, nothing is lost and no user
    /// fails, but the users who arrived during the crash wait for its end.
    @Test func aDualWriteRetriesThroughABrokerCrash() {
        let m = Worlds.run(world(Worlds.fault(.crash, on: Self.broker, at: 3, for: 3)), Worlds.events(publish: .dualWrite))
        #expect(m.failures.total == 0)
        #expect(m.retries > 150, "probes every 100 ms on twelve partitions: \(m.retries)")
        #expect(m.latencySuccess.max >= 2_900_000_000, "a user who arrived as the crash began waited it out")
        for target in m.ledger.finalReport() {
            #expect(target.counts.lost == 0 && target.missingAtEnd == 0, "\(target.name)")
            #expect(target.counts.outOfOrder == 0, "\(target.name): resends go out in commit order")
            #expect(target.counts.duplicated <= 12, "\(target.name)")
        }
    }

    /// With a delivery timeout shorter than the crash, the producer gives up on the events it
    /// could not deliver in time: their users get `timeout` and, never appended, they are lost.
    /// Events the broker acknowledged before crashing survive in the log and are all applied.
    /// The only duplicates are events in hand when the broker went down, whose commits it
    /// lost: at most one per partition.
    @Test func aBrokerCrashLongerThanTheDeliveryTimeoutLosesTheEventsGivenUp() {
        var config = Worlds.events(publish: .dualWrite)
        config.publishTimeout = .seconds(1)
        config.producer.deliveryTimeout = .seconds(2)
        let m = Worlds.run(world(Worlds.fault(.crash, on: Self.broker, at: 3, for: 3)), config)
        #expect(m.failures.timeout > 40, "each of the 50 workers holds a user for the 2 s delivery timeout: \(m.failures.timeout)")
        for target in m.ledger.finalReport() {
            #expect(target.counts.lost == m.failures.timeout, "\(target.name): exactly the events given up")
            #expect(target.counts.applied + target.counts.lost == m.ledger.totalCommitted, "\(target.name)")
            #expect(target.missingAtEnd == target.counts.lost, "\(target.name)")
            #expect(target.counts.duplicated <= 12, "\(target.name)")
        }
    }

    /// The outbox relays in commit order: after a broker crash it resends from each
    /// partition's oldest unacknowledged row, so no entity's events are swapped. (The relay
    /// once gave each row its own resend timer while newer rows went out on the next pass.)
    @Test(arguments: [false, true])
    func theOutboxRelaysInCommitOrderAfterABrokerCrash(idempotentProducer: Bool) {
        var w = world(Worlds.fault(.crash, on: Self.broker, at: 3, for: 3))
        w.workload.keyCount = 20
        var config = Worlds.events(publish: .outbox)
        config.producer.isIdempotent = idempotentProducer
        let m = Worlds.run(w, config)
        #expect(m.retries > 150)
        for target in m.ledger.finalReport() {
            #expect(target.counts.outOfOrder == 0, "\(target.name): \(target.counts.outOfOrder) out of order")
        }
        expectNothingMissing(m)
    }

    /// Commits sent while the broker is down are lost, and the groups resume from their
    /// committed offsets: with Kafka's auto-commit every 5 s, whatever was processed since
    /// the last commit before the crash is processed again (duplicates, unless idempotent);
    /// nothing is lost either way.
    @Test(arguments: [false, true])
    func consumersResumeFromTheirCommittedOffsetsAfterABrokerCrash(idempotent: Bool) {
        let m = Worlds.run(world(Worlds.fault(.crash, on: Self.broker, at: 4, for: 3)),
                           Worlds.events(commit: .periodic(.seconds(5)), idempotent: idempotent))
        for target in m.ledger.finalReport() {
            #expect(idempotent ? target.counts.duplicated == 0 : target.counts.duplicated > 300,
                    "four seconds processed since the last commit at 0 s: \(target.counts.duplicated)")
        }
        expectNothingMissing(m)
    }

    /// On a queue broker the crash stalls every consumer the same way, and the queues, being
    /// durable, lose nothing.
    @Test func aCrashedQueueBrokerStallsItsConsumersAndLosesNothing() {
        let config = EventsConfig(broker: .queue(QueueSettings()), consumers: [
            ConsumerConfig(service: Self.email, instances: 2, concurrency: 6),
            ConsumerConfig(service: Self.notification, instances: 2, concurrency: 6),
        ])
        let m = Worlds.run(world(Worlds.fault(.crash, on: Self.broker, at: 3, for: 3)), config)
        #expect(applied(from: 4, to: 6, in: m) == 0)
        #expect(gauge("email lag", at: 12, in: m) < 10)
        expectNothingMissing(m)
    }

    // MARK: - Pauses

    /// A pause of the broker delays every event (none reaches a consumer while it lasts, and
    /// the events published meanwhile wait for its end) but loses and duplicates nothing:
    /// with a publish timeout longer than the pause, nothing is even resent.
    @Test func aBrokerPauseDelaysButLosesNothing() {
        var config = Worlds.events(publish: .outbox)
        config.publishTimeout = .seconds(10)
        let m = Worlds.run(world(Worlds.fault(.pause, on: Self.broker, at: 3, for: 3)), config)
        #expect(applied(from: 4, to: 6, in: m) == 0)
        #expect(gauge("outbox", at: 5, in: m) > 150)
        #expect(m.retries == 0)
        for (t, target) in m.ledger.finalReport().enumerated() {
            #expect(m.staleness[t].max >= 2_900_000_000, "an event published at 3 s waits for 6 s")
            #expect(target.counts.duplicated == 0, "\(target.name)")
        }
        expectNothingMissing(m)
    }

    /// A paused consumer makes no progress (its lag grows by the arrivals) and resumes where
    /// it stopped: no replay, no loss; the other consumer keeps up.
    @Test func aConsumerPauseDelaysItsEffectsButLosesNothing() {
        let m = Worlds.run(world(Worlds.fault(.pause, on: Self.email, at: 3, for: 3)), Worlds.events())
        #expect(gauge("email lag", at: 5, in: m) > 150)
        #expect(gauge("notification lag", at: 5, in: m) < 10)
        #expect(gauge("email lag", at: 9, in: m) < 10)
        #expect(m.staleness[0].max >= 2_900_000_000 && m.staleness[1].max < 1_000_000_000, "email waited, notification did not")
        #expect(m.ledger.finalReport()[0].counts.duplicated == 0)
        expectNothingMissing(m)
    }

    /// Users keep arriving at a paused entry, which holds their requests: they wait for the
    /// pause to end, and none fails or is lost.
    @Test func aPausedEntryHoldsArrivalsAndLosesNothing() {
        let m = Worlds.run(world(Worlds.fault(.pause, on: Self.entry, at: 3, for: 2)), Worlds.events(publish: .dualWrite))
        #expect(m.failures.total == 0)
        #expect(m.succeeded == m.requests)
        #expect(m.latencySuccess.max >= 1_900_000_000, "a request that arrived as the pause began waited it out")
        expectNothingMissing(m)
    }

    /// The same seed gives the same run under crashes and pauses of the broker and a consumer.
    @Test func brokerFaultsAndPausesAreReproducible() {
        let w = world(Worlds.fault(.crash, on: Self.broker, at: 3, for: 2), Worlds.fault(.pause, on: Self.email, at: 6, for: 1),
                      Worlds.fault(.pause, on: Self.broker, at: 8, for: 1))
        var config = Worlds.events(publish: .dualWrite, commit: .periodic(.seconds(2)))
        config.publishTimeout = .seconds(1)
        config.producer.deliveryTimeout = .milliseconds(1500)
        let (a, b) = (Worlds.run(w, config), Worlds.run(w, config))
        #expect(a.ledger.counts == b.ledger.counts && a.endToEnd == b.endToEnd && a.latencySuccess == b.latencySuccess)
        #expect(a.ledger.counts[0].lost > 0 && a.ledger.counts[0].duplicated > 0, "the faults did something")
    }
}
