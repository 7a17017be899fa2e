import SimKernel
import SimMetrics

/// One consumer service's group on its topic: which instance owns each partition, how far
/// each partition has been read and committed, and what is being processed now.
struct ConsumerGroup: Sendable {
    let config: ConsumerConfig
    /// Where its topic's partitions start among the broker's (topics are laid end to end).
    let firstPartition: Int
    /// Per partition of its topic: where the group stands on it.
    var cursors: [PartitionCursor]
    /// Per instance: partitions being processed now.
    var load: [Int]
    /// Per instance: the partitions it owns that may have an event to fetch (so a freed worker
    /// looks at those, not at every partition of the instance or of the topic).
    var ready: ReadyPartitions
    /// Whether the whole group is down.
    var isDown = false
    /// Per instance: whether the instance alone is down.
    var isInstanceDown: [Bool]
    /// Per instance: whether the group coordinator counts it as a member.
    var isMember: [Bool]
    /// Per instance: bumped at each crash and restart, so a stale session expiry is ignored.
    var incarnation: [UInt32]
    /// Bumped at each rebalance start, so only the latest rebalance completes.
    var generation: UInt32 = 0

    init(config: ConsumerConfig, partitions: Int, firstPartition: Int = 0) {
        self.config = config
        self.firstPartition = firstPartition
        cursors = [PartitionCursor](repeating: PartitionCursor(), count: partitions)
        load = [Int](repeating: 0, count: config.instances)
        isInstanceDown = [Bool](repeating: false, count: config.instances)
        isMember = [Bool](repeating: true, count: config.instances)
        incarnation = [UInt32](repeating: 0, count: config.instances)
        ready = ReadyPartitions(instances: config.instances, partitions: partitions)
        for (p, owner) in assignment().enumerated() { (cursors[p].target, cursors[p].owner) = (owner, owner) }
        markEveryOwnedReady()
    }

    /// Partition `p` may have an event to fetch: it joins its owner's ready set. Whatever
    /// makes a partition fetchable (an append, its worker freed, its position moved back)
    /// calls this, or fetches the partition, which calls it when it cannot start.
    mutating func markReady(_ p: Int) {
        if cursors[p].owner >= 0 { ready.insert(p, instance: cursors[p].owner) }
    }

    /// Every owned partition joins its owner's ready set (and no other set holds it): after a
    /// change of owners, or of many partitions at once.
    /// - Complexity: O(partitions + instances).
    mutating func markEveryOwnedReady() {
        ready.removeAll()
        for p in cursors.indices { markReady(p) }
    }

    // The two queries below run at every fetch. Inlined, they read the few fields they need;
    // called, they would have the whole group copied onto the stack first.

    /// Whether a live instance is assigned partition `p` and no rebalance has paused it.
    @inline(__always) func isOwnedByLiveInstance(_ p: Int) -> Bool {
        !isDown && !cursors[p].isPaused && cursors[p].owner >= 0 && !isInstanceDown[cursors[p].owner]
    }

    /// Whether partition `p` can take its next event now (given the log's end).
    @inline(__always) func canFetch(_ p: Int, endOffset: Int64) -> Bool {
        isOwnedByLiveInstance(p) && !cursors[p].isBusy && cursors[p].position < endOffset && load[cursors[p].owner] < config.concurrency
    }

    /// Events written but not committed, over its topic's partitions (`endOffsets` holds
    /// every topic's, end to end).
    func lag(endOffsets: [Int64]) -> Int64 {
        var total: Int64 = 0
        for p in cursors.indices { total += endOffsets[firstPartition + p] - cursors[p].committed }
        return total
    }

    /// The group goes down: work in progress is abandoned and reading resumes from the
    /// committed offsets. Returns the partitions whose in-flight event had already been
    /// committed (at-most-once): those events are lost.
    mutating func crash() -> [Int] {
        isDown = true
        var lost: [Int] = []
        for p in cursors.indices {
            if cursors[p].isBusy, cursors[p].committed > cursors[p].position { lost.append(p) }
            cursors[p].rewindToCommitted()
            abandon(p)
        }
        for i in load.indices { load[i] = 0 }
        markEveryOwnedReady()
        return lost
    }

    /// The work in progress on partition `p` is given up: events still on their way for it
    /// are ignored when they arrive.
    mutating func abandon(_ p: Int) {
        cursors[p].isBusy = false
        cursors[p].isProcessing = false
        cursors[p].failures = 0
        cursors[p].hasDuplicate = false
        cursors[p].isProcessingDuplicate = false
        cursors[p].isFenced = false
        cursors[p].epoch &+= 1
    }

    /// The smallest offset of partition `p` the group may still read: its committed offset
    /// (where a restart resumes) or its position, whichever is lower.
    func oldestNeeded(_ p: Int) -> Int64 { Swift.min(cursors[p].committed, cursors[p].position) }
}
