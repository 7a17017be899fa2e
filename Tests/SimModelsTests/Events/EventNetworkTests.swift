import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Every message of the event-driven design crosses the network: publishes and
/// acknowledgements between the entry and the broker, deliveries and commits between the
/// broker and the consumers, a queue's receives, deletes and returns. A message the network
/// drops or duplicates has the consequence it has in a real system, and no other.
struct EventNetworkTests {
    /// payment (node 0) → broker (node 3) → email (1), notification (2), at 100/s for 10 s.
    func world(drain: Int64 = 20, _ faults: NetworkFault...) -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 10, emailWork: .exponential(mean: 20e6), drain: drain)
        w.networkFaults = faults
        return w
    }

    static let entry = 0, email = 1, notification = 2, broker = 3

    /// A fault on the messages from `from` to `to`, from 2 s to 8 s.
    func link(_ from: Int, _ to: Int, drop: Double = 0, duplicate: Double = 0) -> NetworkFault {
        NetworkFault(scope: .links(from: from, to: to, bothWays: false), drop: Probability(drop), duplicate: Probability(duplicate),
                     start: .zero + .seconds(2), end: .zero + .seconds(8))
    }

    func gauge(_ name: String, at second: Int64, in m: ArchitectureMetrics) -> Double {
        let column = m.series.gaugeNames.firstIndex(of: name)!
        return m.series.rows.first { $0.end == .zero + .seconds(second) }!.gauges[column]
    }

    // MARK: - Publishing

    /// A producer that waits 1 s for each attempt and gives a dual write up 2 s after its commit.
    func impatient(_ publish: PublishDiscipline, idempotentProducer: Bool = true, idempotentConsumers: Bool = false) -> EventsConfig {
        var config = Worlds.events(publish: publish, idempotent: idempotentConsumers)
        config.publishTimeout = .seconds(1)
        config.producer.isIdempotent = idempotentProducer
        if publish == .dualWrite { config.producer.deliveryTimeout = .seconds(2) }
        return config
    }

    /// The producer retries a publish the network drops, so a fifth of publishes dropped
    /// loses nothing and fails no user: the drops only cost retries.
    @Test func droppedDualWritesAreRetried() {
        let m = Worlds.run(world(link(Self.entry, Self.broker, drop: 0.2)), impatient(.dualWrite))
        #expect(m.retries > 100, "a fifth of six seconds of publishes, resent: \(m.retries)")
        #expect(m.failures.total == 0)
        for target in m.ledger.finalReport() {
            #expect(target.counts.lost == 0 && target.missingAtEnd == 0 && target.counts.duplicated == 0, "\(target.name)")
        }
    }

    /// With the broker out of reach for longer than the delivery timeout, the producer gives
    /// up: each given-up event fails its waiting user with `timeout` and, never appended, is
    /// lost for every consumer. Only those: everything appended is applied.
    @Test func dualWritesGivenUpAreExactlyTheEventsLost() {
        let m = Worlds.run(world(link(Self.entry, Self.broker, drop: 1)), impatient(.dualWrite))
        #expect(m.failures.timeout > 100, "each of the 50 workers holds a user for the 2 s delivery timeout: \(m.failures.timeout)")
        for target in m.ledger.finalReport() {
            #expect(target.counts.lost == m.failures.timeout, "\(target.name): one loss per event given up")
            #expect(target.counts.applied + target.counts.lost == m.ledger.totalCommitted, "\(target.name)")
            #expect(target.missingAtEnd == target.counts.lost && target.counts.duplicated == 0, "\(target.name)")
        }
    }

    /// When every acknowledgement is lost for longer than the delivery timeout, the waiting
    /// users get `timeout`. The events that were appended are delivered and applied, and must
    /// not be counted lost (the over-count this design once had); only those never sent (the
    /// lane resends its oldest event alone until it is acknowledged) are lost.
    @Test func aDualWriteWhoseAcknowledgementIsLostIsNotCountedLost() {
        let m = Worlds.run(world(link(Self.broker, Self.entry, drop: 1)), impatient(.dualWrite))
        #expect(m.failures.timeout > 100)
        for target in m.ledger.finalReport() {
            #expect(target.counts.lost < m.failures.timeout - 50, "\(target.name): \(target.counts.lost) of \(m.failures.timeout) given up")
            #expect(target.counts.applied + target.counts.lost == m.ledger.totalCommitted, "\(target.name)")
            #expect(target.missingAtEnd == target.counts.lost, "\(target.name)")
        }
    }

    /// The outbox resends until acknowledged, so drops both ways lose nothing. A dropped
    /// acknowledgement makes it resend an event already appended: the idempotent producer's
    /// broker acknowledges the resend without appending it again; without idempotence,
    /// consumers see it twice.
    @Test(arguments: [false, true])
    func theOutboxLosesNothingAndDuplicatesOnlyWithoutIdempotence(idempotentProducer: Bool) {
        let w = world(link(Self.entry, Self.broker, drop: 0.2), link(Self.broker, Self.entry, drop: 0.2))
        let m = Worlds.run(w, impatient(.outbox, idempotentProducer: idempotentProducer))
        #expect(m.retries > 100, "both directions drop a fifth: \(m.retries) resends")
        for target in m.ledger.finalReport() {
            #expect(target.counts.lost == 0 && target.missingAtEnd == 0, "\(target.name)")
            #expect(target.counts.applied == m.ledger.totalCommitted, "\(target.name)")
            if idempotentProducer {
                #expect(target.counts.duplicated == 0, "\(target.name)")
            } else {
                #expect(target.counts.duplicated > 20, "appended again after a lost acknowledgement: \(target.counts.duplicated)")
            }
        }
    }

    /// An idempotent consumer skips what a producer without idempotence appended twice. Such
    /// a producer, with many publishes in flight, also lets a resent publish land behind newer
    /// ones of its entity (Kafka warns of this for `retries` with
    /// `max.in.flight.requests.per.connection` above 1): the consumer skips that stale version
    /// as superseded (each copy counted), and only those are missing. The idempotent producer keeps the log in order.
    @Test func anIdempotentConsumerSkipsTheOutboxsResends() {
        let w = world(link(Self.entry, Self.broker, drop: 0.2), link(Self.broker, Self.entry, drop: 0.2))
        let naive = Worlds.run(w, impatient(.outbox, idempotentProducer: false, idempotentConsumers: true))
        for target in naive.ledger.finalReport() {
            #expect(target.counts.duplicated == 0 && target.counts.lost == 0, "\(target.name)")
            #expect(target.missingAtEnd > 0 && target.missingAtEnd <= target.counts.superseded, "\(target.counts) \(target.missingAtEnd)")
        }
        let ordered = Worlds.run(w, impatient(.outbox, idempotentProducer: true, idempotentConsumers: true))
        #expect(ordered.ledger.finalReport().allSatisfy { $0.counts.superseded == 0 && $0.missingAtEnd == 0 })
    }

    /// A publish the network duplicates reaches the broker twice: the idempotent producer's
    /// second copy carries a sequence number already appended and is only acknowledged;
    /// without idempotence it is appended twice, and both consumers see the copy.
    @Test(arguments: [false, true])
    func aDuplicatedPublishIsAppendedOnceByAnIdempotentProducer(idempotentProducer: Bool) {
        var config = Worlds.events(publish: .outbox)
        config.producer.isIdempotent = idempotentProducer
        let m = Worlds.run(world(link(Self.entry, Self.broker, duplicate: 0.1)), config)
        let reports = m.ledger.finalReport()
        if idempotentProducer {
            #expect(reports.allSatisfy { $0.counts.duplicated == 0 })
        } else {
            #expect(reports[0].counts.duplicated > 30, "a tenth of six seconds at 100/s: \(reports[0].counts.duplicated)")
            #expect(reports[0].counts.duplicated == reports[1].counts.duplicated, "the same copies reach both consumers")
        }
        #expect(reports.allSatisfy { $0.counts.lost == 0 && $0.missingAtEnd == 0 })
    }

    /// The outbox gauge counts events committed and not yet acknowledged, once each, whether
    /// the relay has sent them yet or not. The relay runs every 2 s and the entry cannot
    /// reach the broker from 3 s to 6 s: at 1 s nothing has been relayed yet, and at 5 s the
    /// rows of the relays at 4 s (and since) wait for an acknowledgement.
    @Test func theOutboxGaugeCountsEachUnacknowledgedEventOnce() {
        let cut = NetworkFault(scope: .partition(side: [Self.entry], oneWay: false),
                               start: .zero + .seconds(3), end: .zero + .seconds(6))
        var config = Worlds.events(publish: .outbox)
        config.relayInterval = .seconds(2)
        let m = Worlds.run(world(cut), config)
        func committed(after start: Int64, through end: Int64) -> Double {
            Double(m.series.rows.filter { $0.end > .zero + .seconds(start) && $0.end <= .zero + .seconds(end) }.map(\.arrivals).reduce(0, +))
        }
        let (early, during) = (gauge("outbox", at: 1, in: m), gauge("outbox", at: 5, in: m))
        #expect(abs(early - committed(after: 0, through: 1)) <= 10, "\(early) unacknowledged at 1 s")
        #expect(abs(during - committed(after: 2, through: 5)) <= 10, "\(during) unacknowledged at 5 s")
        #expect(m.series.rows.last!.gauges[m.series.gaugeNames.firstIndex(of: "outbox")!] == 0)
    }

    /// The acknowledgements to the entry are lost for 50 ms at 2 s, every event on one
    /// partition at 60/s: the events behind the lost ones are acknowledged and the producer
    /// sends on, as Kafka's in-flight limit counts only the requests not yet answered. Only
    /// the events whose acknowledgements were lost wait out the publish timeout, and they were
    /// appended: the consumers see nothing late. (Counting the acknowledged events behind
    /// them, the lane would stop 1 024 events later, near 19 s, for the rest of the 30 s.)
    @Test func lostAcknowledgementsHoldUpOnlyTheirOwnEvents() {
        var config = Worlds.events(publish: .outbox)
        config.partitions = 1
        let lost = NetworkFault(scope: .links(from: Self.broker, to: Self.entry, bothWays: false), drop: .always,
                                start: .zero + .seconds(2), end: .zero + .milliseconds(2_050))
        var world = Worlds.payments(rate: 60, seconds: 30, emailWork: .exponential(mean: 2e6), drain: 40)
        world.networkFaults = [lost]
        let m = Worlds.run(world, config)
        #expect(m.endToEnd.quantile(0.99) < 1_000_000_000, "end-to-end p99 \(m.endToEnd.quantile(0.99)) ns")
        #expect(m.completed == m.requests)
    }

    // MARK: - Deliveries and commits

    /// A delivery the network duplicates is processed twice: a duplicate effect for a
    /// consumer that is not idempotent, nothing for one that is. The other consumer's link
    /// is clean.
    @Test(arguments: [false, true])
    func aDuplicatedDeliveryIsAppliedTwiceUnlessIdempotent(idempotent: Bool) {
        let m = Worlds.run(world(link(Self.broker, Self.email, duplicate: 0.2)), Worlds.events(idempotent: idempotent))
        let (email, notification) = (m.ledger.finalReport()[0], m.ledger.finalReport()[1])
        #expect(email.counts.applied == m.ledger.totalCommitted && email.counts.lost == 0)
        #expect(idempotent ? email.counts.duplicated == 0 : email.counts.duplicated > 60, "\(email.counts.duplicated)")
        #expect(notification.counts.duplicated == 0)
    }

    /// A dropped delivery is fetched again after `fetchTimeout`: nothing is lost, the
    /// partition waits meanwhile (so some events wait at least that long), and every
    /// re-fetch counts as a redelivery.
    @Test func aDroppedDeliveryIsFetchedAgainAfterTheFetchTimeout() {
        var config = Worlds.events()
        config.consumers[0].fetchTimeout = .seconds(2)
        let m = Worlds.run(world(link(Self.broker, Self.email, drop: 0.05)), config)
        let email = m.ledger.finalReport()[0]
        #expect(m.redeliveries > 10)
        #expect(email.counts.applied == m.ledger.totalCommitted && email.counts.lost == 0 && email.counts.duplicated == 0)
        #expect(m.staleness[0].max >= 2_000_000_000, "an event waited for the fetch timeout")
        #expect(m.staleness[1].max < 1_000_000_000)
    }

    /// At-most-once: an event committed as it was handed out, whose delivery the network
    /// dropped, is fetched again after `fetchTimeout`; when the broker is down by then, the
    /// group resumes from its committed offsets, past that event, and it counts as lost.
    /// Every event is so applied or lost, none missing without a reason.
    @Test func aDroppedDeliveryCommittedBeforeProcessingIsLostWhenTheBrokerCrashesBeforeItsRefetch() {
        var config = Worlds.events(commit: .beforeProcessing)
        config.consumers[0].fetchTimeout = .seconds(1)
        var w = world(link(Self.broker, Self.email, drop: 1))
        w.networkFaults[0].end = .zero + .seconds(2) + .milliseconds(100)
        w.faults = [Worlds.fault(.crash, on: Self.broker, at: 3, for: 3)]
        let m = Worlds.run(w, config)
        let email = m.ledger.finalReport()[0]
        #expect(email.counts.lost > 0, "the events whose delivery was dropped")
        #expect(email.counts.lost <= 12, "at most one committed event in hand per partition")
        #expect(email.missingAtEnd == email.counts.lost)
        #expect(email.counts.applied + email.counts.lost == m.ledger.totalCommitted)
    }

    /// The same event, when the consumer crashes (all of it, or the instance that owns the
    /// partition) while the broker is down: its refetch has failed, so the partition is free but
    /// still short of its committed offset; the crash moves it there, past the event, which
    /// counts as lost then, not missing without a reason.
    @Test(arguments: [nil, 0, 1] as [Int?])
    func aDroppedDeliveryCommittedBeforeProcessingIsLostWhenItsConsumerCrashesWhileTheBrokerIsDown(instance: Int?) {
        var config = Worlds.events(commit: .beforeProcessing)
        config.consumers[0].fetchTimeout = .seconds(1)
        var w = world(link(Self.broker, Self.email, drop: 1))
        w.networkFaults[0].end = .zero + .seconds(2) + .milliseconds(100)
        var crash = Worlds.fault(.crash, on: Self.email, at: 4, for: 1)
        crash.instance = instance
        w.faults = [Worlds.fault(.crash, on: Self.broker, at: 3, for: 3), crash]
        let m = Worlds.run(w, config)
        let email = m.ledger.finalReport()[0]
        #expect(email.counts.lost > 0, "the events whose delivery was dropped")
        #expect(email.missingAtEnd == email.counts.lost)
        #expect(email.counts.applied + email.counts.lost == m.ledger.totalCommitted)
    }

    /// After-processing commits the network drops are simply lost: later ones supersede
    /// them. Nothing is replayed (no crash), so the effects are unaffected; only the lag,
    /// which is measured against the committed offsets, grows while every commit is lost.
    @Test func droppedCommitsAreSupersededByLaterOnes() {
        let m = Worlds.run(world(link(Self.email, Self.broker, drop: 1)), Worlds.events())
        let email = m.ledger.finalReport()[0]
        #expect(email.counts.applied == m.ledger.totalCommitted && email.counts.duplicated == 0 && email.counts.lost == 0)
        #expect(gauge("email lag", at: 7, in: m) > 400, "five seconds of events uncommitted")
        #expect(gauge("email lag", at: 10, in: m) < 10, "the first commit after the fault covers them all")
        #expect(gauge("notification lag", at: 7, in: m) < 10)
    }

    /// Periodic commits cross the network too: dropped ones are lost, and a crash then
    /// replays from the last commit that arrived, so the same crash replays more.
    @Test func droppedPeriodicCommitsMakeACrashReplayMore() {
        let crash = Worlds.fault(.crash, on: Self.email, at: 7, for: 1)
        var clean = world(), lossy = world(link(Self.email, Self.broker, drop: 1))
        clean.faults = [crash]
        lossy.faults = [crash]
        let config = Worlds.events(commit: .periodic(.seconds(1)))
        let (a, b) = (Worlds.run(clean, config).ledger.finalReport()[0], Worlds.run(lossy, config).ledger.finalReport()[0])
        #expect(a.counts.duplicated < 150, "at most a second of replays: \(a.counts.duplicated)")
        #expect(b.counts.duplicated > 400, "five seconds since the last commit that arrived: \(b.counts.duplicated)")
        #expect(a.counts.lost == 0 && b.counts.lost == 0)
    }

    // MARK: - Partitions

    /// Cut email off from the broker for 4 s. Dropped: its deliveries and commits are lost,
    /// its lag grows; the partitions whose delivery was lost wait out the 30 s fetch timeout,
    /// then everything drains. Held: deliveries arrive when the cut heals and it drains at
    /// once. Either way nothing is lost, and notification does not notice.
    @Test(arguments: [false, true])
    func aPartitionBetweenAConsumerAndTheBrokerRaisesItsLagThenDrains(hold: Bool) {
        let cut = NetworkFault(scope: .partition(side: [Self.email], oneWay: false), holdsUntilHeal: hold,
                               start: .zero + .seconds(3), end: .zero + .seconds(7))
        let m = Worlds.run(world(drain: 40, cut), Worlds.events())
        let email = m.ledger.finalReport()[0]
        #expect(gauge("email lag", at: 6, in: m) > 250, "three seconds of events")
        #expect(gauge("notification lag", at: 6, in: m) < 10)
        if hold {
            #expect(gauge("email lag", at: 9, in: m) < 10, "held deliveries arrive at the heal")
        } else {
            #expect(gauge("email lag", at: 20, in: m) > 100, "lost deliveries wait for the fetch timeout")
        }
        #expect(gauge("email lag", at: 50, in: m) == 0)
        #expect(email.counts.applied == m.ledger.totalCommitted && email.counts.lost == 0 && email.missingAtEnd == 0)
    }

    // MARK: - Queues

    /// On a queue, a dropped receive leaves the message hidden until its visibility timeout
    /// (nothing lost); a dropped delete leaves a processed message to reappear and be
    /// processed again (a duplicate).
    @Test func onAQueueDroppedReceivesWaitAndDroppedDeletesDuplicate() {
        let config = EventsConfig(broker: .queue(QueueSettings(visibilityTimeout: .seconds(2))), consumers: [
            ConsumerConfig(service: Self.email, instances: 2, concurrency: 6),
        ])
        let receiving = Worlds.run(world(link(Self.broker, Self.email, drop: 0.1)), config)
        let receives = receiving.ledger.finalReport()[0]
        #expect(receives.counts.applied > 0 && receives.counts.lost == 0 && receives.missingAtEnd == 0)
        #expect(receives.counts.duplicated == 0)
        #expect(receiving.staleness[0].max >= 2_000_000_000, "a message waited out its visibility timeout")
        let deletes = Worlds.run(world(link(Self.email, Self.broker, drop: 0.1)), config).ledger.finalReport()[0]
        #expect(deletes.counts.lost == 0 && deletes.missingAtEnd == 0)
        #expect(deletes.counts.duplicated > 30, "a tenth of six seconds of deletes: \(deletes.counts.duplicated)")
    }

    // MARK: - Determinism

    /// The network's draws come from the run's seed: the same seed gives the same fates.
    @Test func theSameSeedGivesTheSameFates() {
        let w = world(link(Self.entry, Self.broker, drop: 0.1, duplicate: 0.1), link(Self.broker, Self.email, drop: 0.05, duplicate: 0.05))
        let a = Worlds.run(w, Worlds.events(publish: .dualWrite)), b = Worlds.run(w, Worlds.events(publish: .dualWrite))
        var other = w
        other.seed = 7
        let c = Worlds.run(other, Worlds.events(publish: .dualWrite))
        #expect(a.ledger.counts == b.ledger.counts && a.endToEnd == b.endToEnd && a.failures == b.failures)
        #expect(a.ledger.counts != c.ledger.counts)
    }
}
