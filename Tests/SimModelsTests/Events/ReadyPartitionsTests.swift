import Testing
import SimKernel
@testable import SimModels

/// The ready sets answer like a plain array of flags, and a consumer group keeps every
/// partition that could take its next event in its owner's set, through appends, crashes,
/// pauses, evictions and rebalances, so a freed worker that asks only the set asks every
/// partition that would start.
struct ReadyPartitionsTests {
    /// Seeded random inserts and removals over several instances, at sizes around the word
    /// boundaries: after each, membership and the next member at or above every partition
    /// agree with an array of flags.
    @Test func membersAndTheNextMemberMatchAnArrayOfFlags() {
        for partitions in [0, 1, 5, 63, 64, 65, 130] {
            for seed in 1...10 as ClosedRange<UInt64> {
                var random = RandomStream(seed: seed, name: "ready-partitions-test")
                let instances = 3
                var set = ReadyPartitions(instances: instances, partitions: partitions)
                var flags = [[Bool]](repeating: [Bool](repeating: false, count: partitions), count: instances)
                for step in 0..<100 where partitions > 0 {
                    let (i, p) = (Int(random.next(below: UInt64(instances))), Int(random.next(below: UInt64(partitions))))
                    flags[i][p] = random.next(below: 2) == 0
                    if flags[i][p] { set.insert(p, instance: i) } else { set.remove(p, instance: i) }
                    if step == 50 {
                        set.removeAll()
                        flags = flags.map { $0.map { _ in false } }
                    }
                    for i in 0..<instances {
                        var next: Int? = nil  // the first flagged partition at or above q, q going down
                        for q in (0...partitions).reversed() {
                            if q < partitions, flags[i][q] { next = q }
                            #expect(set.first(of: i, from: q) == next, "partitions \(partitions), seed \(seed), instance \(i), from \(q)")
                            if q < partitions { #expect((set.first(of: i, from: q) == q) == flags[i][q]) }
                        }
                    }
                }
                #expect(set.first(of: 0, from: 0) == (0..<partitions).first { flags[0][$0] })
            }
        }
    }

    /// Inserting and removing one partition touches no other partition, nor the same
    /// partition of another instance.
    @Test func eachInstanceHasItsOwnSet() {
        var set = ReadyPartitions(instances: 2, partitions: 70)
        set.insert(64, instance: 1)
        set.insert(3, instance: 0)
        #expect(set.first(of: 1, from: 64) == 64 && set.first(of: 0, from: 64) == nil)
        #expect(set.first(of: 0, from: 0) == 3 && set.first(of: 0, from: 4) == nil)
        #expect(set.first(of: 1, from: 0) == 64 && set.first(of: 1, from: 65) == nil)
        set.remove(64, instance: 1)
        #expect(set.first(of: 1, from: 0) == nil && set.first(of: 0, from: 3) == 3)
    }

    /// After a rebalance every partition is in its new owner's set and in no other's.
    @Test func aRebalanceMovesEachPartitionToItsNewOwnersSet() {
        var group = ConsumerGroup(config: ConsumerConfig(service: 1, instances: 3), partitions: 12)
        group.isMember[1] = false
        group.beginRebalance()
        _ = group.completeRebalance()
        for p in 0..<12 {
            for i in 0..<3 { #expect((group.ready.first(of: i, from: p) == p) == (group.cursors[p].owner == i), "partition \(p)") }
        }
    }

    /// payment → email → notification for 90 s at 150 events a second, each instance one
    /// worker for several partitions (so partitions wait for a free worker), through an
    /// instance crash with its session expiry and return, a broker crash and pause, a pause
    /// and a crash of the whole email group, hangs (fetch timeouts) and retention.
    func world() -> WorldConfig {
        var w = Worlds.payments(rate: 150, seconds: 90, emailWork: .exponential(mean: 15e6), drain: 10)
        let broker = w.brokerNode
        w.faults = [
            FaultConfig(kind: .crash, service: 1, instance: 1, start: .zero + .seconds(10), end: .zero + .seconds(70)),
            Worlds.fault(.crash, on: broker, at: 20, for: 2), Worlds.fault(.pause, on: broker, at: 30, for: 2),
            Worlds.fault(.pause, on: 1, at: 40, for: 2), Worlds.fault(.crash, on: 2, at: 45, for: 3),
            Worlds.fault(.hang(Probability(0.02)), on: 1, at: 0, for: 90),
        ]
        return w
    }

    func events(_ rebalance: RebalanceProtocol, _ assignment: PartitionAssignment) -> EventsConfig {
        EventsConfig(partitions: 12, retention: .seconds(5), consumers: [
            ConsumerConfig(service: 1, instances: 3, concurrency: 2, offsetReset: .earliest, sessionTimeout: .seconds(20),
                           assignment: assignment, rebalance: rebalance, fetchTimeout: .seconds(1)),
            ConsumerConfig(service: 2, instances: 2, concurrency: 1, commit: .periodic(.seconds(1)), assignment: assignment,
                           rebalance: rebalance),
        ])
    }

    /// After every event: each partition that is neither busy nor paused, is owned, and has
    /// an event at its position is in its owner's ready set.
    @Test(arguments: [(RebalanceProtocol.eager, PartitionAssignment.roundRobin), (.cooperative, .range)])
    func everyFetchablePartitionIsInItsOwnersReadySet(rebalance: RebalanceProtocol, assignment: PartitionAssignment) {
        var model = EventDrivenModel(world: world(), config: events(rebalance, assignment))
        var scheduler = Scheduler<EventDrivenModel.Event>()
        model.start(&scheduler)
        var handled = 0, waiting = 0, missing: [String] = []
        while let event = scheduler.next(notAfter: model.world.end) {
            model.handle(event, scheduler: &scheduler)
            handled += 1
            for g in model.logConsumers {
                let group = model.groups[g]
                for p in group.cursors.indices {
                    let cursor = group.cursors[p]
                    guard cursor.owner >= 0, !cursor.isBusy, !cursor.isPaused,
                          cursor.position < model.partitions[group.firstPartition + p].endOffset else { continue }
                    waiting += 1
                    if group.ready.first(of: cursor.owner, from: p) != p { missing.append("group \(g), partition \(p), event \(handled)") }
                }
            }
        }
        #expect(missing.isEmpty, "\(missing.prefix(5))")
        #expect(model.metrics.rebalances >= 2 && waiting > 1_000, "\(model.metrics.rebalances) rebalances, \(waiting) waiting")
    }
}
