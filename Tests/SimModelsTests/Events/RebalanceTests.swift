import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// One consumer instance crashes: its partitions stall until the group's coordinator gives
/// up on its session, then a rebalance hands them to the live instances, which resume from
/// the committed offsets; its return is another rebalance.
struct RebalanceTests {
    /// payment → email only, 100 events a second for 90 s; email's 3 instances share 12
    /// partitions, and instance 1 is down from 10 s to 80 s. With Kafka's 45 s session
    /// timeout and a 3 s pause, the group rebalances over 55–58 s and again over 80–83 s.
    func world() -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 90, emailWork: .exponential(mean: 20e6), drain: 10)
        w.services.removeLast()
        w.faults = [FaultConfig(kind: .crash, service: 1, instance: 1, start: .zero + .seconds(10), end: .zero + .seconds(80))]
        return w
    }

    func events(commit: CommitPolicy = .afterProcessing, rebalance: RebalanceProtocol = .eager,
                assignment: PartitionAssignment = .roundRobin) -> EventsConfig {
        EventsConfig(partitions: 12, consumers: [
            ConsumerConfig(service: 1, instances: 3, concurrency: 4, commit: commit, assignment: assignment, rebalance: rebalance),
        ])
    }

    /// A model run up to `second`, for looking inside it.
    struct Stepper: ~Copyable {
        var model: EventDrivenModel
        var scheduler = Scheduler<EventDrivenModel.Event>()

        init(_ world: WorldConfig, _ config: EventsConfig) {
            model = EventDrivenModel(world: world, config: config)
            model.start(&scheduler)
        }

        mutating func run(until second: Double) {
            _ = scheduler.run(&model, limits: RunLimits(until: .zero + .nanoseconds(Int64(second * 1e9))))
        }

        /// Per partition: events written and not committed.
        var lag: [Int64] { model.partitions.indices.map { model.partitions[$0].endOffset - model.groups[0].cursors[$0].committed } }
    }

    /// Until the session times out, the crashed instance's 4 partitions (1, 4, 7, 10 under
    /// round-robin) make no progress and their lag grows by their share of the arrivals;
    /// the other 8 keep up. After the rebalance they belong to the live instances, which
    /// work the backlog off.
    @Test func aCrashedInstancesPartitionsStallUntilTheSessionTimesOut() {
        var run = Stepper(world(), events())
        let stalled = [1, 4, 7, 10], healthy = [0, 2, 3, 5, 6, 8, 9, 11]
        run.run(until: 10.5)
        let atCrash = stalled.map { run.model.groups[0].cursors[$0].committed }
        run.run(until: 54.9)
        #expect(stalled.map { run.model.groups[0].cursors[$0].committed } == atCrash, "no progress before the session times out")
        let stalledLag = stalled.map { run.lag[$0] }.reduce(0, +)
        #expect(stalledLag > 1_200 && stalledLag < 1_800, "a third of 100/s for 44 s: \(stalledLag)")
        #expect(healthy.allSatisfy { run.lag[$0] <= 3 }, "\(run.lag)")
        #expect(stalled.allSatisfy { run.model.groups[0].cursors[$0].owner == 1 })
        run.run(until: 58.1)
        #expect(stalled.allSatisfy { run.model.groups[0].cursors[$0].owner != 1 }, "moved to live instances")
        #expect(run.model.groups[0].cursors.map(\.owner).allSatisfy { $0 == 0 || $0 == 2 })
        run.run(until: 79.9)
        #expect(run.lag.allSatisfy { $0 <= 3 }, "the backlog is worked off: \(run.lag)")
        run.run(until: 83.1)
        #expect(run.model.groups[0].cursors.map(\.owner) == Array(repeating: [0, 1, 2], count: 4).flatMap { $0 }, "instance 1 is back")
        #expect(run.model.metrics.rebalances == 2)
    }

    /// Committing every 5 s, the crashed instance had processed up to 5 s of events past its
    /// last commit: the new owners process them again. Nothing is lost either way; committing
    /// after each event replays at most the commits still on the wire.
    @Test func theNewOwnersReplayWhatTheCrashedInstanceHadNotCommitted() {
        let periodic = Worlds.run(world(), events(commit: .periodic(.seconds(5)))).ledger.finalReport()[0]
        #expect(periodic.counts.duplicated > 100, "the crash at 10 s rewinds to the commit at 5 s: a third of 500 events: \(periodic.counts.duplicated)")
        let each = Worlds.run(world(), events(commit: .afterProcessing)).ledger.finalReport()[0]
        #expect(each.counts.duplicated <= 4, "at most one commit in flight per partition of the crashed instance")
        for report in [periodic, each] {
            #expect(report.counts.lost == 0 && report.missingAtEnd == 0)
        }
    }

    /// An eager rebalance stops the whole group: nothing is applied from a moment after it
    /// starts (events being processed then finish) until it ends. A cooperative one stops
    /// only the partitions that move: the others keep being processed throughout.
    @Test func cooperativeRebalancingKeepsUnmovedPartitionsGoing() {
        func applied(_ rebalance: RebalanceProtocol, during seconds: ClosedRange<Int64>) -> Int {
            let m = Worlds.run(world(), events(rebalance: rebalance))
            return m.series.rows.filter { seconds.contains($0.end.nanoseconds / 1_000_000_000) }.map(\.applied).reduce(0, +)
        }
        // Rows ending at 57 and 58 s cover 56–58 s; rows ending at 82 and 83 s cover 81–83 s.
        #expect(applied(.eager, during: 57...58) == 0)
        #expect(applied(.eager, during: 82...83) == 0)
        #expect(applied(.cooperative, during: 57...58) > 30, "4 of 12 partitions keep their owner: about 66")
        #expect(applied(.cooperative, during: 82...83) > 30)
    }

    /// Back before its session timed out, the instance rejoins at once: one rebalance, and
    /// its partitions stall only while it was away.
    @Test func anInstanceBackBeforeItsSessionTimesOutRebalancesOnce() {
        var w = world()
        w.faults[0].end = .zero + .seconds(20)
        var run = Stepper(w, events())
        run.run(until: 30)
        #expect(run.lag.allSatisfy { $0 <= 3 }, "\(run.lag)")
        run.run(until: 100)
        #expect(run.model.metrics.rebalances == 1)
        let email = run.model.metrics.ledger.finalReport()[0]
        #expect(email.counts.lost == 0 && email.missingAtEnd == 0)
    }

    /// Range gives contiguous runs, the first instances taking the remainder; round-robin
    /// deals partitions out in turn. Both skip instances that are not members.
    @Test func assignmentsMatchKafkasAssignors() {
        func owners(_ assignment: PartitionAssignment, partitions: Int, instances: Int, members: [Int]? = nil) -> [Int] {
            var config = ConsumerConfig(service: 1, instances: instances)
            config.assignment = assignment
            var group = ConsumerGroup(config: config, partitions: partitions)
            if let members { group.isMember = (0..<instances).map { members.contains($0) } }
            return group.assignment()
        }
        #expect(owners(.range, partitions: 7, instances: 3) == [0, 0, 0, 1, 1, 2, 2])
        #expect(owners(.roundRobin, partitions: 7, instances: 3) == [0, 1, 2, 0, 1, 2, 0])
        #expect(owners(.range, partitions: 6, instances: 3, members: [0, 2]) == [0, 0, 0, 2, 2, 2])
        #expect(owners(.roundRobin, partitions: 6, instances: 3, members: [0, 2]) == [0, 2, 0, 2, 0, 2])
        #expect(owners(.range, partitions: 4, instances: 2, members: []) == [-1, -1, -1, -1])
    }

    /// With range assignment the crashed instance owns partitions 4–7. Among instances 0
    /// and 2, range keeps 0–3 on instance 0 and 8–11 on instance 2: a cooperative rebalance
    /// pauses only 4–7, which it splits between them.
    @Test func rangeAssignmentMovesTheCrashedInstancesRun() {
        var run = Stepper(world(), events(rebalance: .cooperative, assignment: .range))
        run.run(until: 11)
        #expect(run.model.groups[0].cursors.map(\.owner) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2])
        run.run(until: 56)
        #expect(run.model.groups[0].cursors.map(\.isPaused) == [false, false, false, false, true, true, true, true, false, false, false, false])
        run.run(until: 59)
        #expect(run.model.groups[0].cursors.map(\.owner) == [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2])
    }

    /// An instance's crash concerns the consumer's instances only: the service as a whole
    /// stays up, so the synchronous chain runs exactly as without the fault.
    @Test func anInstanceCrashLeavesTheSynchronousChainAlone() {
        var calm = world()
        calm.faults = []
        var withFault = SyncModel(world: world(), config: SyncConfig(chain: [0, 1], timeout: .seconds(2)))
        var without = SyncModel(world: calm, config: SyncConfig(chain: [0, 1], timeout: .seconds(2)))
        let (a, b) = (withFault.run().metrics, without.run().metrics)
        #expect(a.latencySuccess == b.latencySuccess && a.failures == b.failures && a.ledger.counts == b.ledger.counts)
        #expect(!FaultBook(world().faults, serviceCount: 2).isDown(1, at: .zero + .seconds(20)))
    }

    /// On a queue nothing stalls: the other instances keep taking messages, and those the
    /// crashed one held reappear after the visibility timeout. No rebalance, nothing lost.
    @Test func onAQueueAnInstanceCrashNeedsNoRebalance() {
        let config = EventsConfig(broker: .queue(QueueSettings(visibilityTimeout: .seconds(5))), consumers: [
            ConsumerConfig(service: 1, instances: 3, concurrency: 4),
        ])
        let m = Worlds.run(world(), config)
        let email = m.ledger.finalReport()[0]
        #expect(m.rebalances == 0)
        #expect(email.counts.lost == 0 && email.missingAtEnd == 0 && email.counts.duplicated == 0)
        let lag = m.series.gaugeNames.firstIndex(of: "email lag")!
        #expect(m.series.rows.allSatisfy { $0.gauges[lag] <= 20 }, "the live instances keep up throughout")
    }
}
