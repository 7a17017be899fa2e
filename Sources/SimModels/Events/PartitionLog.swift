import SimKernel

/// One partition of a topic: an append-only log addressed by offsets, with the oldest
/// events deleted by retention.
struct PartitionLog: Sendable {
    /// Offset of the oldest retained event.
    private(set) var startOffset: Int64 = 0
    var records = RingBuffer<EventRecord>(capacity: 256)

    /// The offset the next event will get.
    var endOffset: Int64 { startOffset + Int64(records.count) }

    mutating func append(_ record: EventRecord) -> Int64 {
        records.append(record)
        return endOffset - 1
    }

    /// The event at `offset`, which must be retained.
    func record(at offset: Int64) -> EventRecord {
        records[Int(offset - startOffset)]
    }

    /// Deletes events appended before `cutoff`; returns how many.
    mutating func expire(appendedBefore cutoff: Instant) -> Int {
        var removed = 0
        while let oldest = records.first, oldest.appendedAt < cutoff {
            _ = records.popFirst()
            startOffset += 1
            removed += 1
        }
        return removed
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
    /// When the request arrived at the entry.
    var arrival: Instant
    /// When the entry committed the change.
    var createdAt: Instant
    /// When the broker appended it.
    var appendedAt: Instant = .zero
}
