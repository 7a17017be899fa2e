import SimKernel

/// One partition of a topic: an append-only log addressed by offsets, with the oldest
/// events deleted by retention.
///
/// Retention decides which offsets still exist (`startOffset`); memory holds less: events
/// every consumer group has read and committed past are dropped early (`dropConsumed`),
/// since no group can read them again. So memory follows the groups' lag, not the length of
/// the run, while offsets and retention behave as if every event were kept.
struct PartitionLog: Sendable {
    /// Offset of the oldest event retention keeps (Kafka's log start offset). Exact at or
    /// above `firstHeld`; below it, where no group can ask any more, it may lag behind
    /// retention (the times of dropped events are forgotten).
    private(set) var startOffset: Int64 = 0
    /// Offset of the oldest event held in memory. Events below it are past every group;
    /// events from `startOffset` up to it are expired but not yet skipped by every group,
    /// which still needs them to count what it lost.
    private(set) var firstHeld: Int64 = 0
    var records = RingBuffer<EventRecord>(capacity: 256)
    /// When the newest event dropped from memory was appended (events are appended in time
    /// order, so every dropped event was appended no later).
    private var lastDroppedAppendedAt = Instant.zero

    /// The offset the next event will get.
    var endOffset: Int64 { firstHeld + Int64(records.count) }

    mutating func append(_ record: EventRecord) -> Int64 {
        records.append(record)
        return endOffset - 1
    }

    /// The event at `offset`, which must be held in memory.
    func record(at offset: Int64) -> EventRecord {
        precondition(offset >= firstHeld && offset < endOffset, "an event was read after it was dropped from memory")
        return records[Int(offset - firstHeld)]
    }

    /// Deletes (moves the start offset past) the events appended before `cutoff`.
    /// - Complexity: O(events deleted).
    mutating func expire(appendedBefore cutoff: Instant) {
        if startOffset < firstHeld {
            guard lastDroppedAppendedAt < cutoff else { return }  // nor any held event, appended later
            startOffset = firstHeld
        }
        while startOffset < endOffset, record(at: startOffset).appendedAt < cutoff { startOffset += 1 }
    }

    /// Deletes (moves the start offset past) all but the newest `count` events.
    mutating func expire(keepingLast count: Int) {
        startOffset = Swift.max(startOffset, endOffset - Int64(count))
    }

    /// Drops from memory the events below `offset`, which no group will read again; returns
    /// how many it dropped.
    /// - Complexity: O(events dropped).
    @discardableResult
    mutating func dropConsumed(below offset: Int64) -> Int {
        let held = records.count
        while firstHeld < offset, let oldest = records.popFirst() {
            lastDroppedAppendedAt = oldest.appendedAt
            firstHeld += 1
        }
        return held - records.count
    }
}

/// What every event carries: enough to measure lag, staleness, order and duplicates, and
/// to follow one request across services.
struct EventRecord: Sendable {
    /// The producing request's id (the correlation id); also the event id.
    var request: UInt64
    /// The request's slot in the model's table of requests awaiting effects.
    var requestSlot: Int32
    var key: Int32
    /// The entity's version this event announces.
    var version: Int32
    /// The generation of `requestSlot` when the request took it, so a copy of the event that
    /// outlives its request (a duplicate) does not touch the slot's next request.
    var requestGeneration: UInt32
    /// When the request arrived at the entry.
    var arrival: Instant
    /// When the entry committed the change.
    var createdAt: Instant
    /// When the broker appended it.
    var appendedAt: Instant = .zero
    /// What its consumers' draws start from: 0 when a first visit published it, else the
    /// publishing visit's word (`Visit.lineage`).
    var lineage: UInt64 = 0
}
