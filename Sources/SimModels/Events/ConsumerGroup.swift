import SimKernel
import SimMetrics

/// One consumer service's group on the topic: which instance owns each partition, how far
/// each partition has been read and committed, and what is being processed now.
struct ConsumerGroup: Sendable {
    let config: ConsumerConfig
    /// Per partition: the next offset to read.
    var position: [Int64]
    /// Per partition: the committed offset (where a restart resumes).
    var committed: [Int64]
    /// Per partition: one past the last offset processed. A crash rewinds `position` to the
    /// committed offset but not this: the effects of the events below it have happened.
    var processedThrough: [Int64]
    /// Per partition: whether an event is being delivered or processed.
    var isBusy: [Bool]
    /// Per partition: a copy of the event being delivered or processed. Retention may delete
    /// it from the log meanwhile, as Kafka may delete a segment a consumer has fetched.
    var inFlight: [EventRecord?]
    /// Per partition: bumped whenever work in progress is abandoned, so late events are ignored.
    var epoch: [UInt32]
    /// Per partition: the owning instance, or −1 when no instance is left to own it.
    var owner: [Int]
    /// Per partition: the instance working on its event while `isBusy` (the owner when it
    /// started, which a rebalance may have changed since).
    var busyInstance: [Int]
    /// Per partition: whether a rebalance has revoked it and not yet assigned it again.
    var isPaused: [Bool]
    /// Per partition: the owner the rebalance in progress will give it.
    var target: [Int]
    /// Per instance: partitions being processed now.
    var load: [Int]
    /// Per partition: failed attempts at the event at `position`.
    var failures: [Int]
    /// Per partition: when processing of the current event began.
    var processingSince: [Instant]
    /// Per partition: whether the network duplicated the delivery of the event being
    /// processed, so the instance processes (and applies) it a second time.
    var hasDuplicate: [Bool]
    /// Per partition: when that second copy reaches the instance.
    var duplicateArrives: [Instant]
    /// Per partition: whether the processing under way is of that second copy.
    var isProcessingDuplicate: [Bool]
    /// Per partition: what the faults do to the processing under way. A `hang` is given up as
    /// failed after the fetch timeout; an error fails at once.
    var fate: [AttemptFate]
    /// Per partition: whether the event being processed belongs to an instance the group has
    /// evicted: it is finished, but not committed, and the partition then goes back to its
    /// committed offset.
    var isFenced: [Bool]
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

    init(config: ConsumerConfig, partitions: Int) {
        self.config = config
        position = [Int64](repeating: 0, count: partitions)
        committed = position
        processedThrough = position
        isBusy = [Bool](repeating: false, count: partitions)
        inFlight = [EventRecord?](repeating: nil, count: partitions)
        epoch = [UInt32](repeating: 0, count: partitions)
        failures = [Int](repeating: 0, count: partitions)
        processingSince = [Instant](repeating: .zero, count: partitions)
        busyInstance = [Int](repeating: 0, count: partitions)
        isPaused = isBusy
        hasDuplicate = isBusy
        duplicateArrives = processingSince
        isProcessingDuplicate = isBusy
        fate = [AttemptFate](repeating: .served, count: partitions)
        isFenced = isBusy
        load = [Int](repeating: 0, count: config.instances)
        isInstanceDown = [Bool](repeating: false, count: config.instances)
        isMember = [Bool](repeating: true, count: config.instances)
        incarnation = [UInt32](repeating: 0, count: config.instances)
        target = []
        owner = []
        target = assignment()
        owner = target
    }

    // The two queries below run for every partition of an instance each time one of its
    // workers frees. Inlined, they read the few fields they need; called, they would have the
    // whole group copied onto the stack first.

    /// Whether a live instance is assigned partition `p` and no rebalance has paused it.
    @inline(__always) func isOwnedByLiveInstance(_ p: Int) -> Bool {
        !isDown && !isPaused[p] && owner[p] >= 0 && !isInstanceDown[owner[p]]
    }

    /// Whether partition `p` can take its next event now (given the log's end).
    @inline(__always) func canFetch(_ p: Int, endOffset: Int64) -> Bool {
        isOwnedByLiveInstance(p) && !isBusy[p] && position[p] < endOffset && load[owner[p]] < config.concurrency
    }

    /// Events written but not committed, over all partitions.
    func lag(endOffsets: [Int64]) -> Int64 {
        var total: Int64 = 0
        for p in endOffsets.indices { total += endOffsets[p] - committed[p] }
        return total
    }

    /// The group goes down: work in progress is abandoned and reading resumes from the
    /// committed offsets. Returns the partitions whose in-flight event had already been
    /// committed (at-most-once): those events are lost.
    mutating func crash() -> [Int] {
        isDown = true
        var lost: [Int] = []
        for p in position.indices {
            if isBusy[p], committed[p] > position[p] { lost.append(p) }
            position[p] = committed[p]
            abandon(p)
        }
        for i in load.indices { load[i] = 0 }
        return lost
    }

    /// The work in progress on partition `p` is given up: events still on their way for it
    /// are ignored when they arrive.
    mutating func abandon(_ p: Int) {
        isBusy[p] = false
        failures[p] = 0
        hasDuplicate[p] = false
        isProcessingDuplicate[p] = false
        epoch[p] &+= 1
    }

    /// The smallest offset of partition `p` the group may still read: its committed offset
    /// (where a restart resumes) or its position, whichever is lower.
    func oldestNeeded(_ p: Int) -> Int64 { Swift.min(committed[p], position[p]) }
}
