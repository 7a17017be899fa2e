import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// The event-driven model loses, duplicates, reorders and delays effects exactly where a
/// real outbox/log/consumer-group system does, and nowhere else.
struct EventDrivenModelTests {
    func run(_ world: WorldConfig, _ config: EventsConfig) -> ArchitectureMetrics {
        var model = EventDrivenModel(world: world, config: config)
        return model.run().metrics
    }

    /// payment → (email, notification) at `rate` per second for `seconds`: light enough
    /// that every consumer keeps up, so whatever goes missing was lost by a fault.
    func world(rate: Int64 = 100, seconds: Int64 = 10, drain: Int64 = 10, faults: [FaultConfig] = []) -> WorldConfig {
        Worlds.payments(rate: rate, seconds: seconds, emailWork: .exponential(mean: 20e6), faults: faults, drain: drain)
    }

    /// The gauge `name` in every row of the time series, with the row's end in seconds.
    func gauge(_ name: String, in metrics: ArchitectureMetrics) -> [(end: Double, value: Double)] {
        let column = metrics.series.gaugeNames.firstIndex(of: name)!
        return metrics.series.rows.map { ($0.end.nanoseconds.seconds, $0.gauges[column]) }
    }

    /// Sums a per-row count over the rows that end after `second`.
    func sum(_ count: KeyPath<TimeSeriesRow, Int>, after second: Int64, in metrics: ArchitectureMetrics) -> Int {
        metrics.series.rows.filter { $0.end > .zero + .seconds(second) }.map { $0[keyPath: count] }.reduce(0, +)
    }

    // MARK: - Delivery guarantees

    /// At-most-once: the offset is committed before processing, so a crash loses the events
    /// in flight (at most one per partition) and never replays one.
    @Test func atMostOnceLosesInFlightEventsOnACrash() {
        let m = run(world(faults: [Worlds.fault(.crash, on: 1, at: 4, for: 3)]), Worlds.events(commit: .beforeProcessing))
        let (email, notification) = (m.ledger.finalReport()[0], m.ledger.finalReport()[1])
        #expect(email.counts.lost > 0)
        #expect(email.counts.lost <= 12, "only the event in flight on each of the 12 partitions")
        #expect(email.counts.duplicated == 0)
        #expect(email.missingAtEnd == email.counts.lost, "nothing else is missing after the drain")
        #expect(email.counts.applied + email.counts.lost == m.ledger.totalCommitted)
        #expect(notification.counts.lost == 0 && notification.missingAtEnd == 0, "the other consumer is unaffected")
    }

    /// At-least-once with Kafka's default auto-commit (every 5 s): a crash rewinds to the
    /// last commit and replays everything processed since, so nothing is lost but up to
    /// five seconds of effects happen twice.
    @Test func periodicCommitReplaysOnACrash() {
        let m = run(world(faults: [Worlds.fault(.crash, on: 1, at: 4, for: 3)]), Worlds.events(commit: .periodic(.seconds(5))))
        let email = m.ledger.finalReport()[0]
        #expect(email.counts.lost == 0)
        #expect(email.missingAtEnd == 0)
        #expect(email.counts.applied == m.ledger.totalCommitted)
        #expect(email.counts.duplicated > 100, "about four seconds of events at 100/s since the start")
    }

    /// At-least-once, committing after each event: a crash replays only events whose commit
    /// was still on the wire, and loses nothing.
    @Test func commitAfterProcessingLosesNothingOnACrash() {
        let m = run(world(faults: [Worlds.fault(.crash, on: 1, at: 4, for: 3)]), Worlds.events(commit: .afterProcessing))
        let email = m.ledger.finalReport()[0]
        #expect(email.counts.lost == 0)
        #expect(email.missingAtEnd == 0)
        #expect(email.counts.duplicated <= 12, "at most one commit in flight per partition")
    }

    /// An idempotent consumer turns the replays of at-least-once into no-ops: the ledger never
    /// sees an effect twice, and nothing goes missing.
    @Test func anIdempotentConsumerAppliesEachEventOnce() {
        let m = run(world(faults: [Worlds.fault(.crash, on: 1, at: 4, for: 3)]),
                    Worlds.events(commit: .periodic(.seconds(5)), idempotent: true))
        for target in m.ledger.finalReport() {
            #expect(target.counts.duplicated == 0, "\(target.name)")
            #expect(target.counts.lost == 0 && target.missingAtEnd == 0, "\(target.name)")
            #expect(target.counts.applied == m.ledger.totalCommitted, "\(target.name)")
        }
        #expect(m.completed == m.ledger.totalCommitted, "every request's effects all happened")
    }

    // MARK: - Ordering

    /// Keyed events go to one partition per entity and a partition is read in order, so with
    /// a constant network latency every entity's versions are applied in order.
    @Test func keyedPartitioningKeepsPerEntityOrder() {
        var w = world()
        w.workload.keyCount = 5  // many versions per entity, so disorder would show
        let m = run(w, Worlds.events(keyed: true, instances: 2))
        for target in m.ledger.finalReport() {
            #expect(target.counts.applied == m.ledger.totalCommitted, "\(target.name)")
            #expect(target.counts.outOfOrder == 0, "\(target.name)")
        }
    }

    /// Round-robin spreads one entity's versions over partitions that several instances read
    /// at their own pace, so later versions overtake earlier ones.
    @Test func unkeyedPartitioningReordersEntities() {
        var w = world()
        w.workload.keyCount = 5
        let m = run(w, Worlds.events(keyed: false, instances: 3))
        for target in m.ledger.finalReport() {
            #expect(target.counts.applied == m.ledger.totalCommitted, "\(target.name)")
            #expect(target.counts.outOfOrder > 0, "\(target.name)")
            #expect(target.counts.duplicated == 0 && target.counts.lost == 0, "\(target.name)")
        }
    }

    // MARK: - Retention

    /// email is down for 15 s with a 5 s retention; arrivals stop before it returns, so every
    /// event it had not read has expired: those, and only those, are lost. That is the
    /// requests that arrived during the outage, give or take the few (0.1 s at 100/s) still
    /// on their way through the entry, the relay and the log when it crashed. Events it had
    /// applied but not committed (two seconds' worth with a 5 s periodic commit) expire
    /// too, but their effects happened: they are not lost.
    @Test(arguments: [CommitPolicy.afterProcessing, .periodic(.seconds(5))])
    func aConsumerDownLongerThanRetentionLosesWhatExpiredUnread(commit: CommitPolicy) {
        let crash: Int64 = 7
        let w = world(seconds: 10, drain: 15, faults: [Worlds.fault(.crash, on: 1, at: crash, for: 15)])
        var config = Worlds.events(commit: commit)
        config.retention = .seconds(5)
        let m = run(w, config)
        let (email, notification) = (m.ledger.finalReport()[0], m.ledger.finalReport()[1])
        let producedDuringOutage = sum(\.arrivals, after: crash, in: m)
        #expect(email.counts.lost > 0)
        #expect(abs(email.counts.lost - producedDuringOutage) <= 10,
                "\(email.counts.lost) lost, \(producedDuringOutage) produced while down")
        #expect(email.counts.lost + email.counts.applied == m.ledger.totalCommitted)
        #expect(email.missingAtEnd == email.counts.lost, "nothing else missing")
        #expect(email.counts.duplicated == 0, "what it had read expired before it could replay it")
        #expect(notification.counts.lost == 0 && notification.missingAtEnd == 0, "a reader that keeps up loses nothing")
    }

    /// Retention by count: each partition keeps its newest N events. A consumer down for ten
    /// seconds at about 100 events/s over 12 partitions finds each partition holding only the
    /// newest 20 when it returns (with `.earliest` it reads those): everything older that it
    /// had not read is lost, and nothing else is.
    @Test func retentionByCountKeepsTheNewestEventsOfEachPartition() {
        let w = world(seconds: 20, drain: 10, faults: [Worlds.fault(.crash, on: 1, at: 5, for: 10)])
        var config = Worlds.events()
        config.retentionEvents = 20
        let m = run(w, config)
        let email = m.ledger.finalReport()[0]
        let producedDuringOutage = Double(sum(\.arrivals, after: 5, in: m) - sum(\.arrivals, after: 15, in: m))
        #expect(abs(Double(email.counts.lost) - (producedDuringOutage - 12 * 20)) <= 0.1 * producedDuringOutage,
                "\(email.counts.lost) lost of \(producedDuringOutage) produced while down, 240 kept")
        #expect(email.counts.lost + email.counts.applied == m.ledger.totalCommitted)
        #expect(m.ledger.finalReport()[1].counts.lost == 0, "a reader that keeps up loses nothing")
    }

    /// Kafka applies `auto.offset.reset` when a consumer comes back and finds its offset
    /// deleted: `.earliest` resumes at the oldest retained event, `.latest` at the end of the
    /// log as of its return, skipping everything written before (so it applies what arrives
    /// after its return, give or take the few requests on their way at that instant).
    @Test func offsetResetLatestSkipsWhatWasRetained() {
        let (crash, recovery): (Int64, Int64) = (4, 14)
        let w = world(seconds: 20, drain: 10, faults: [Worlds.fault(.crash, on: 1, at: crash, for: recovery - crash)])
        func email(_ reset: OffsetReset) -> ArchitectureMetrics {
            run(w, EventsConfig(retention: .seconds(5), consumers: [
                ConsumerConfig(service: 1, instances: 2, concurrency: 6, offsetReset: reset),
            ]))
        }
        let earliest = email(.earliest), latest = email(.latest)
        let (e, l) = (earliest.ledger.finalReport()[0], latest.ledger.finalReport()[0])
        #expect(e.counts.lost > 0)
        #expect(l.counts.lost > e.counts.lost + 300, "about the five seconds still retained, at 100/s")
        for (m, report) in [(earliest, e), (latest, l)] {
            #expect(report.counts.lost + report.counts.applied == m.ledger.totalCommitted)
            #expect(report.missingAtEnd == report.counts.lost && report.counts.duplicated == 0)
        }
        // email is the only consumer, so the series' applications are its own.
        let appliedAfter = sum(\.applied, after: recovery, in: latest)
        let producedAfter = sum(\.arrivals, after: recovery, in: latest)
        #expect(abs(appliedAfter - producedAfter) <= 10,
                "latest reads only what was written after it returned: \(appliedAfter) vs \(producedAfter)")
    }

    /// A consumer slower than its arrivals falls further behind than retention: events expire
    /// under it, even the one it is processing. It finishes that one, loses exactly the rest
    /// (resetting to the oldest event or to the end of the log), and keeps going.
    @Test(arguments: OffsetReset.allCases)
    func aConsumerBehindRetentionLosesOnlyWhatExpired(reset: OffsetReset) {
        var w = world(rate: 50, seconds: 10, drain: 5)
        w.services[1].work = .constant(100_000_000)  // 10/s on one partition: it cannot keep up
        let m = run(w, EventsConfig(partitions: 1, retention: .seconds(2), consumers: [ConsumerConfig(service: 1, offsetReset: reset)]))
        let email = m.ledger.finalReport()[0]
        #expect(email.counts.lost > 0)
        #expect(email.counts.applied > 100, "ten per second until the log runs dry at about 12 s")
        #expect(email.counts.lost + email.counts.applied == m.ledger.totalCommitted)
        #expect(email.missingAtEnd == email.counts.lost && email.counts.duplicated == 0)
    }

    // MARK: - Publishing

    /// A dual write commits, then publishes: a crash of the producer in between loses the
    /// events it had buffered (a 50 ms linger, so a few per crash), and the ledger finds
    /// exactly those missing at every consumer.
    @Test func dualWriteLosesBufferedEventsWhenTheProducerCrashes() {
        let w = world(faults: [Worlds.fault(.crash, on: 0, at: 3, for: 1), Worlds.fault(.crash, on: 0, at: 6, for: 1)])
        var config = Worlds.events(publish: .dualWrite)
        config.linger = .milliseconds(50)
        let m = run(w, config)
        let reports = m.ledger.finalReport()
        #expect(m.failures.unavailable > 0)
        #expect(reports[0].counts.lost > 0)
        for target in reports {
            #expect(target.counts.lost == reports[0].counts.lost, "the same events are lost to every consumer")
            #expect(target.missingAtEnd == target.counts.lost, "\(target.name)")
            #expect(target.counts.applied + target.counts.lost == m.ledger.totalCommitted, "\(target.name)")
        }
    }

    /// The outbox writes the event with the state change: the same crash delays the relay
    /// but loses nothing.
    @Test func outboxSurvivesTheProducerCrash() {
        let w = world(faults: [Worlds.fault(.crash, on: 0, at: 3, for: 1), Worlds.fault(.crash, on: 0, at: 6, for: 1)])
        let m = run(w, Worlds.events(publish: .outbox))
        #expect(m.failures.unavailable > 0)
        for target in m.ledger.finalReport() {
            #expect(target.counts.lost == 0 && target.missingAtEnd == 0, "\(target.name)")
            #expect(target.counts.applied == m.ledger.totalCommitted, "\(target.name)")
        }
    }

    // MARK: - Lag

    /// While email is down its lag grows by the arrival rate; once it is back it works the
    /// backlog off and lag returns to a few events in flight. notification never notices.
    @Test func lagGrowsDuringAnOutageAndDrainsAfter() {
        let m = run(world(seconds: 12, drain: 8, faults: [Worlds.fault(.crash, on: 1, at: 4, for: 4)]), Worlds.events())
        let email = gauge("email lag", in: m), notification = gauge("notification lag", in: m)
        let during = email.filter { $0.end == 7 }.map(\.value)[0]
        #expect(during >= 240, "about three seconds of events at 100/s: \(during)")
        #expect(email.filter { $0.end == 5 }[0].value < email.filter { $0.end == 6 }[0].value)
        #expect(email.filter { $0.end == 6 }[0].value < during, "lag keeps growing while down")
        let after = email.filter { $0.end >= 10 && $0.end <= 12 }.map(\.value)
        #expect(after.allSatisfy { $0 <= 10 }, "drained back to events in flight: \(after)")
        #expect(email.last!.value == 0, "nothing left after the drain")
        #expect(notification.allSatisfy { $0.value <= 10 }, "the other consumer keeps up throughout")
    }

    // MARK: - Queueing theory

    /// One partition read by one instance, Poisson arrivals and exponential processing,
    /// no network delay and a negligible entry: the log is an M/M/1 queue, so the mean
    /// staleness (commit → applied) is the sojourn time S/(1−ρ). The tolerance is five
    /// standard errors over ten independent seeds.
    @Test func onePartitionIsAnMM1Queue() {
        let meanWork = 10_000_000.0, rate: Int64 = 50  // ρ = 0.5, sojourn 20 ms
        var means: [Double] = []
        for seed in 1...10 as ClosedRange<UInt64> {
            var w = world(rate: rate, seconds: 60, drain: 5)
            w.seed = seed
            w.network = NetworkConfig(latency: .constant(0))
            w.services = [
                ServiceConfig(name: "payment", workers: 1_000, work: .constant(1_000)),
                ServiceConfig(name: "email", workers: 1, work: .exponential(mean: meanWork)),
            ]
            let config = EventsConfig(partitions: 1, publish: .dualWrite, linger: .zero, waitsForAck: false,
                                      consumers: [ConsumerConfig(service: 1)])
            means.append(run(w, config).staleness[0].mean)
        }
        let mean = means.reduce(0, +) / 10
        let sd = (means.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 9).squareRoot()
        let rho = Double(rate) * meanWork / 1e9
        let theory = QueueingTheory.meanWait(servers: 1, arrivalRate: Double(rate) / 1e9, meanService: meanWork) + meanWork
        #expect(abs(theory - meanWork / (1 - rho)) < 1e-6 * theory)
        let tolerance = 5 * sd / 10.0.squareRoot()
        #expect(abs(mean - theory) <= tolerance, "staleness \(mean) vs M/M/1 sojourn \(theory) ± \(tolerance)")
        #expect(tolerance < 0.2 * theory, "the tolerance must be tight enough to catch a wrong model")
    }

    // MARK: - Determinism

    /// A run is a pure function of its seed: the same seed gives the same histograms and
    /// counts, another seed gives other ones.
    @Test func sameSeedSameRunDifferentSeedDifferentRun() {
        let w = world(faults: [Worlds.fault(.crash, on: 1, at: 4, for: 2)])
        let config = Worlds.events(commit: .periodic(.seconds(5)))
        let a = run(w, config), b = run(w, config)
        var other = w
        other.seed = 43
        let c = run(other, config)
        #expect(a.latencySuccess == b.latencySuccess && a.endToEnd == b.endToEnd)
        #expect(a.staleness == b.staleness && a.ledger.counts == b.ledger.counts)
        #expect(a.latencySuccess != c.latencySuccess && a.endToEnd != c.endToEnd)
        #expect(a.staleness != c.staleness)
    }

    /// Utilisation divides by the workers each design gives a service: the entry's own, a
    /// consumer's instances × concurrency; the synchronous design keeps the service's workers.
    @Test func eachDesignCountsTheWorkersItGivesAService() {
        let world = world(seconds: 1, drain: 0)
        let events = run(world, Worlds.events(instances: 2))
        var sync = SyncModel(world: world, config: Worlds.paymentChain)
        let chain = sync.run().metrics
        #expect(events.services.map { $0.workers } == [50, 12, 12])
        #expect(chain.services.map { $0.workers } == [50, 40, 20])
    }
}

private extension Int64 {
    /// Nanoseconds as seconds.
    var seconds: Double { Double(self) / 1e9 }
}

/// A consumer that hangs on an event gives it up after its fetch timeout, as a failure.
struct EventHangTests {
    /// Email hangs on every event for 2 s: each partition's event under way waits out the
    /// 1 s fetch timeout, fails, and is retried once the fault is over; nothing is lost, and
    /// the stall shows as lag and staleness of at least the fetch timeout.
    @Test func aHungConsumerStallsItsPartitionsAndLosesNothing() {
        var world = Worlds.payments(rate: 50, seconds: 10, faults: [Worlds.fault(.hang(.always), on: 1, at: 2, for: 2)])
        world.drain = .seconds(10)
        var config = Worlds.events()
        for i in config.consumers.indices { config.consumers[i].fetchTimeout = .seconds(1) }
        var model = EventDrivenModel(world: world, config: config)
        let m = model.run().metrics
        let email = m.ledger.finalReport()[0]
        #expect(email.missingAtEnd == 0 && email.counts.lost == 0)
        #expect(m.staleness[0].max >= 1_000_000_000)
        #expect(m.staleness[1].max < 1_000_000_000, "notification never hung")
        #expect(m.failures.total == 0, "users never wait on a consumer")
    }
}
