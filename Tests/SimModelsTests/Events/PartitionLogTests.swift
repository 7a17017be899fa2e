import Testing
import SimKernel
@testable import SimModels

/// Dropping consumed events from memory changes nothing a consumer can see: offsets,
/// retention and the events still readable are those of a log that keeps everything.
struct PartitionLogTests {
    func record(appendedAt time: Int64) -> EventRecord {
        EventRecord(request: 0, requestSlot: 0, key: 0, version: 0, requestGeneration: 0, arrival: .zero, createdAt: .zero,
                    appendedAt: Instant(nanoseconds: time))
    }

    /// A thousand seeded random histories of appends (at rising times), retention sweeps and
    /// drops below a consumer's rising offset: after every step, for every offset the
    /// consumer may still ask for, the dropping log and a log that keeps everything agree on
    /// whether retention has deleted it and on its event; and the end offsets agree.
    @Test func droppingConsumedEventsKeepsOffsetsAndRetentionIdentical() {
        for seed in 1...1_000 as ClosedRange<UInt64> {
            var random = RandomStream(seed: seed, name: "partition-log-test")
            var dropping = PartitionLog(), keeping = PartitionLog()
            var time: Int64 = 0, consumer: Int64 = 0
            for _ in 0..<200 {
                switch random.next(below: 3) {
                case 0:
                    time += Int64(random.next(below: 5))
                    #expect(dropping.append(record(appendedAt: time)) == keeping.append(record(appendedAt: time)))
                case 1:
                    let cutoff = Instant(nanoseconds: time - Int64(random.next(below: 20)))
                    dropping.expire(appendedBefore: cutoff)
                    keeping.expire(appendedBefore: cutoff)
                default:
                    consumer = Swift.max(consumer, keeping.startOffset)  // a consumer skips what retention deleted
                    consumer = Swift.min(keeping.endOffset, consumer + Int64(random.next(below: 6)))
                    dropping.dropConsumed(below: consumer)
                }
                #expect(dropping.endOffset == keeping.endOffset && dropping.firstHeld <= consumer, "seed \(seed)")
                for offset in consumer..<keeping.endOffset {
                    #expect((offset < dropping.startOffset) == (offset < keeping.startOffset), "seed \(seed), offset \(offset)")
                    #expect(dropping.record(at: offset).appendedAt == keeping.record(at: offset).appendedAt, "seed \(seed)")
                }
            }
        }
    }

    /// Memory holds only what some group still needs: with consumers keeping up, a minute of
    /// events leaves a handful in memory; a consumer down for the whole run keeps them all,
    /// and reads them all when it returns.
    @Test func theLogHoldsOnlyWhatSomeGroupStillNeeds() {
        func held(_ world: WorldConfig) -> (held: Int, appended: Int64) {
            var model = EventDrivenModel(world: world, config: Worlds.events())
            var scheduler = Scheduler<EventDrivenModel.Event>()
            model.start(&scheduler)
            _ = scheduler.run(&model, limits: RunLimits(until: .zero + .seconds(60)))
            return (model.partitions.map(\.records.count).reduce(0, +), model.partitions.map(\.endOffset).reduce(0, +))
        }
        let keepingUp = held(Worlds.payments(rate: 100, seconds: 60, emailWork: .exponential(mean: 20e6), drain: 10))
        #expect(keepingUp.appended > 5_000)
        #expect(keepingUp.held < 150, "about a second of events between sweeps: \(keepingUp.held)")
        let down = Worlds.fault(.crash, on: 1, at: 1, for: 65)
        let stalled = held(Worlds.payments(rate: 100, seconds: 60, emailWork: .exponential(mean: 20e6), faults: [down], drain: 10))
        #expect(stalled.held > 5_800, "email has read nothing since 1 s: \(stalled.held) of \(stalled.appended)")
        let m = Worlds.run(Worlds.payments(rate: 100, seconds: 60, emailWork: .exponential(mean: 20e6), faults: [down], drain: 30), Worlds.events())
        #expect(m.ledger.finalReport().allSatisfy { $0.counts.lost == 0 && $0.missingAtEnd == 0 })
    }
}
