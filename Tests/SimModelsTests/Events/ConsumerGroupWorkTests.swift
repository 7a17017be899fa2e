import Testing
import SimKernel
@testable import SimModels

/// A partition's event through one worker of a consumer group: taking it, processing it,
/// passing it and freeing the worker change the cursor, the load and the ready set together.
struct ConsumerGroupWorkTests {
    static let record = EventRecord(request: 7, requestSlot: 0, key: 3, version: 1, requestGeneration: 0,
                                    arrival: .zero, createdAt: .zero)

    /// Taking an event busies the partition on its owner, holds a worker, copies the event and
    /// drops the partition from the ready set; a group committing before processing commits it.
    @Test(arguments: [CommitPolicy.afterProcessing, .beforeProcessing])
    func takingAnEventHoldsAWorkerOfTheOwner(commit: CommitPolicy) {
        var group = ConsumerGroup(config: ConsumerConfig(service: 1, instances: 2, commit: commit), partitions: 4)
        let owner = group.cursors[1].owner
        group.take(1, Self.record)
        #expect(group.cursors[1].isBusy && group.cursors[1].busyInstance == owner)
        #expect(group.cursors[1].inFlight?.request == 7)
        #expect(group.load[owner] == 1)
        #expect(group.ready.first(of: owner, from: 1) != 1)
        #expect(group.cursors[1].committed == (commit == .beforeProcessing ? 1 : 0))
    }

    /// Ending processing clears the fate and keeps the count of failed attempts, failed or
    /// not: a success is not known to be the attempt's until its onward publish is answered.
    @Test func endingProcessingClearsTheFateAndKeepsTheFailures() {
        var group = ConsumerGroup(config: ConsumerConfig(service: 1), partitions: 1)
        group.cursors[0].failures = 2
        group.startProcessing(0, fate: .fails, at: Instant(nanoseconds: 5))
        #expect(group.cursors[0].processingSince == Instant(nanoseconds: 5))
        #expect(group.endProcessing(0) && group.cursors[0].failures == 2 && group.cursors[0].fate == .served)
        group.startProcessing(0, fate: .served, at: Instant(nanoseconds: 6))
        #expect(!group.endProcessing(0) && group.cursors[0].failures == 2)
    }

    /// Passing the head moves the position and what has been processed, which a rewound
    /// position does not lower.
    @Test func passingTheHeadMovesThePositionOn() {
        var group = ConsumerGroup(config: ConsumerConfig(service: 1), partitions: 1)
        #expect(group.passHead(0) == 1 && group.passHead(0) == 2)
        group.cursors[0].position = 0
        #expect(group.passHead(0) == 1 && group.cursors[0].processedThrough == 2)
    }

    /// Freeing the worker releases the load; a fenced partition goes back to its committed
    /// offset, and one a rebalance took commits its position under periodic commits.
    @Test func freeingTheWorkerFencesOrCommitsOnRevoke() {
        var config = ConsumerConfig(service: 1, instances: 2, commit: .periodic(.seconds(1)))
        var group = ConsumerGroup(config: config, partitions: 2)
        group.take(0, Self.record)
        group.cursors[0].position = 3
        group.cursors[0].isFenced = true
        #expect(group.free(0) == group.cursors[0].owner)
        #expect(!group.cursors[0].isBusy && !group.cursors[0].isFenced && group.cursors[0].position == 0)
        #expect(group.load.allSatisfy { $0 == 0 })
        group.take(0, Self.record)
        group.cursors[0].position = 3
        group.cursors[0].isPaused = true
        _ = group.free(0)
        #expect(group.cursors[0].committed == 3 && group.cursors[0].position == 3)
        config.commit = .afterProcessing
        group = ConsumerGroup(config: config, partitions: 2)
        group.take(0, Self.record)
        group.cursors[0].position = 3
        group.cursors[0].isPaused = true
        _ = group.free(0)
        #expect(group.cursors[0].committed == 0)
    }

    /// Work an evicted member still has in hand when the rebalance ends is dropped: the
    /// partition is free for its new owner at its committed offset, in a new epoch (the old
    /// work's late events are ignored), and the old worker is released. Committed before
    /// processing, the dropped event is lost.
    @Test(arguments: [CommitPolicy.afterProcessing, .beforeProcessing])
    func theRebalanceDropsAnEvictedMembersWorkInHand(commit: CommitPolicy) {
        var group = ConsumerGroup(config: ConsumerConfig(service: 1, instances: 2, commit: commit), partitions: 2)
        group.cursors[0].position = 4
        group.cursors[0].committed = 4
        group.take(0, Self.record)
        let (busy, epoch) = (group.cursors[0].busyInstance, group.cursors[0].epoch)
        group.isInstanceDown[1 - busy] = true  // crashed: not evicted
        #expect(group.evictMembers() && group.cursors[0].isFenced && group.cursors[0].isBusy)
        group.restart(instance: 1 - busy)
        group.beginRebalance()
        let lost = group.completeRebalance()
        #expect(lost == (commit == .beforeProcessing ? [0] : []))
        let cursor = group.cursors[0]
        #expect(!cursor.isBusy && !cursor.isFenced && cursor.epoch != epoch)
        #expect(cursor.position == (commit == .beforeProcessing ? 5 : 4) && cursor.owner == 1 - busy)
        #expect(group.load == [0, 0] && group.ready.first(of: 1 - busy, from: 0) == 0)
    }
}
