import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Each consumer group's lag in seconds, and its Burrow-style status, tell a healthy,
/// slow, stuck and stopped consumer apart in the situations that make them so.
struct EventHealthTests {
    static let email = 1, notification = 2

    func world(seconds: Int64 = 40, drain: Int64 = 20, faults: [FaultConfig] = []) -> WorldConfig {
        Worlds.payments(rate: 100, seconds: seconds, emailWork: .exponential(mean: 20e6), faults: faults, drain: drain)
    }

    func gauge(_ name: String, at second: Int64, in m: ArchitectureMetrics) -> Double {
        let column = m.series.gaugeNames.firstIndex(of: name)!
        return m.series.rows.first { $0.end == .zero + .seconds(second) }!.gauges[column]
    }

    /// A consumer that keeps up is OK throughout, with less than a second of lag.
    @Test func aConsumerThatKeepsUpIsOKThroughout() {
        let m = Worlds.run(world(), Worlds.events())
        for record in m.consumers {
            #expect(record.worst == .ok && record.latest == .ok, "\(record.name)")
            #expect(record.time(in: .ok) == .seconds(60), "\(record.name): every sampled second")
        }
        #expect(m.series.rows.allSatisfy { $0.gauges[m.series.gaugeNames.firstIndex(of: "email lag seconds")!] < 0.5 })
    }

    /// email is down from 10 s to 30 s. Its lag in seconds grows with the outage (the oldest
    /// unprocessed event was written when it went down) and drains after; its status turns
    /// STOP once no commit has come for longer than its window spans (about 10 s), and OK
    /// again once it has caught up. notification stays OK.
    @Test func aCrashedConsumerIsStoppedAndItsLagInSecondsGrows() {
        let m = Worlds.run(world(faults: [Worlds.fault(.crash, on: Self.email, at: 10, for: 20)]), Worlds.events())
        let (email, notification) = (m.consumers[0], m.consumers[1])
        #expect(abs(gauge("email lag seconds", at: 25, in: m) - 15) < 0.5, "the oldest unprocessed event is 15 s old")
        #expect(gauge("email lag seconds", at: 40, in: m) < 0.5, "drained ten seconds after it came back")
        #expect(gauge("notification lag seconds", at: 25, in: m) < 0.5)
        #expect(email.worst == .stop && email.latest == .ok)
        let stopped = email.time(in: .stop)
        #expect(stopped >= .seconds(8) && stopped <= .seconds(12), "from about 20 s to 30 s: \(stopped)")
        #expect(notification.worst == .ok)
    }

    /// A consumer slower than its arrivals, committing after each event, is committing but
    /// falling behind: WARN, never STALL or STOP.
    @Test func aSlowConsumerIsAWarning() {
        var w = world(seconds: 40, drain: 0)
        w.workload.arrivals = .constant(.perSecond(50))
        w.services[Self.email].work = .constant(25_000_000)  // 40 a second on one partition
        let m = Worlds.run(w, EventsConfig(partitions: 1, consumers: [ConsumerConfig(service: Self.email)]))
        #expect(m.consumers[0].worst == .warn, "\(m.consumers[0])")
        #expect(m.consumers[0].time(in: .warn) >= .seconds(25))
        #expect(gauge("email lag seconds", at: 40, in: m) > 5, "a fifth of the arrivals queue up")
    }

    /// An event retried in line blocks its partition. With Kafka's auto-commit the group
    /// keeps committing the same offset: STALL. Committing after each event, it commits
    /// nothing while blocked: STOP.
    @Test(arguments: [(CommitPolicy.periodic(.seconds(1)), ConsumerStatus.stall), (.afterProcessing, .stop)])
    func anEventRetriedInLineStallsOrStopsItsPartition(commit: CommitPolicy, expected: ConsumerStatus) {
        let failing = FaultConfig(kind: .errors(.always), service: Self.email, start: .zero + .seconds(5), end: .zero + .seconds(30))
        let config = EventsConfig(partitions: 4, consumers: [
            ConsumerConfig(service: Self.email, instances: 1, concurrency: 4, commit: commit, maxAttempts: 1_000, retryBackoff: .milliseconds(100)),
        ])
        let m = Worlds.run(world(faults: [failing]), config)
        #expect(m.consumers[0].worst == expected, "\(m.consumers[0])")
        #expect(m.consumers[0].time(in: expected) >= .seconds(10))
        #expect(m.consumers[0].latest == .ok)
    }

    /// A consumer cut off from the broker commits nothing: STOP, then OK once the cut heals
    /// and it has caught up (after its 30 s fetch timeout). On a queue, a crashed consumer
    /// deletes nothing: STOP too.
    @Test func aConsumerCutOffOrCrashedOnAQueueIsStopped() {
        var w = world(seconds: 40, drain: 40)
        w.networkFaults = [NetworkFault(scope: .partition(side: [Self.email], oneWay: false), start: .zero + .seconds(10), end: .zero + .seconds(30))]
        let cut = Worlds.run(w, Worlds.events())
        #expect(cut.consumers[0].worst == .stop && cut.consumers[0].latest == .ok && cut.consumers[1].worst == .ok)
        let queue = EventsConfig(broker: .queue(QueueSettings()), consumers: [ConsumerConfig(service: Self.email, instances: 2, concurrency: 6)])
        let crashed = Worlds.run(world(faults: [Worlds.fault(.crash, on: Self.email, at: 10, for: 20)]), queue)
        #expect(crashed.consumers[0].worst == .stop && crashed.consumers[0].latest == .ok)
        #expect(abs(gauge("email lag seconds", at: 25, in: crashed) - 15) < 0.5)
    }
}
