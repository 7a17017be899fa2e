import SimKernel

/// One consumer service's queue, as SQS or a RabbitMQ quorum queue keeps it: a received
/// message is hidden, not removed, until it is deleted (acknowledged) or its visibility
/// timeout runs out and it is visible again.
///
/// Messages live in a slot table; the lines of visible messages and of messages by age
/// hold (slot, generation) references, so deleting a message is O(1) and the lines skip
/// references to deleted messages when they reach them.
struct MessageQueue: ~Copyable {
    let settings: QueueSettings
    var messages = SlotTable<QueuedMessage>()
    /// Visible messages, in the order they became visible.
    var visible = RingBuffer<MessageReference>(capacity: 256)
    /// Every message in the order it was sent, for retention.
    var byAge = RingBuffer<MessageReference>(capacity: 256)

    init(settings: QueueSettings) { self.settings = settings }

    /// Messages in the queue, visible or not (SQS's approximate number of messages plus
    /// messages not visible).
    var count: Int { messages.liveCount }

    /// Adds a message sent at `now`; it is visible at once.
    mutating func send(_ record: EventRecord, at now: Instant) {
        let (slot, generation) = messages.insert(QueuedMessage(record: record, sentAt: now))
        let reference = MessageReference(slot: slot, generation: generation)
        visible.append(reference)
        byAge.append(reference)
    }

    /// When the oldest message in the queue (visible or not) was sent; `nil` when it is empty.
    /// - Complexity: amortised O(1): references to deleted messages are dropped on the way.
    mutating func oldestSentAt() -> Instant? {
        while let oldest = byAge.first {
            if isLive(oldest) { return messages[oldest.slot].sentAt }
            _ = byAge.popFirst()
        }
        return nil
    }

    /// Whether `reference` still names the message it was made for.
    func isLive(_ reference: MessageReference) -> Bool { messages.isLive(reference.slot, reference.generation) }

    /// The oldest visible message, without taking it.
    mutating func firstVisible() -> MessageReference? {
        while let head = visible.first {
            if isLive(head), messages[head.slot].isVisible { return head }
            _ = visible.popFirst()
        }
        return nil
    }

    /// Takes the oldest visible message for a consumer until `now + visibilityTimeout`;
    /// returns its receive count, this receive included.
    mutating func receive(at now: Instant) -> (reference: MessageReference, receives: Int32)? {
        guard let reference = firstVisible() else { return nil }
        _ = visible.popFirst()
        messages[reference.slot].isVisible = false
        messages[reference.slot].receives += 1
        messages[reference.slot].visibleAt = now + settings.visibilityTimeout
        return (reference, messages[reference.slot].receives)
    }

    /// Whether receive number `receives` of the message is still the latest and the message
    /// is still hidden by it.
    func isHidden(_ reference: MessageReference, byReceive receives: Int32) -> Bool {
        isLive(reference) && messages[reference.slot].receives == receives && !messages[reference.slot].isVisible
    }

    /// The hidden message is visible again: another consumer may receive it.
    mutating func makeVisible(_ reference: MessageReference) {
        messages[reference.slot].isVisible = true
        visible.append(reference)
    }

    /// Deletes the message; returns whether its effect had ever been applied.
    @discardableResult
    mutating func delete(_ reference: MessageReference) -> Bool {
        let wasApplied = messages[reference.slot].isApplied
        messages.remove(reference.slot)
        return wasApplied
    }

    /// Deletes visible messages sent before `cutoff` and marks hidden ones to be deleted
    /// when they are answered or reappear; returns the deleted messages that had never been
    /// applied (lost).
    mutating func expire(sentBefore cutoff: Instant) -> [EventRecord] {
        var lost: [EventRecord] = []
        while let oldest = byAge.first {
            guard isLive(oldest) else { _ = byAge.popFirst(); continue }
            guard messages[oldest.slot].sentAt < cutoff else { break }
            _ = byAge.popFirst()
            if messages[oldest.slot].isVisible {
                let record = messages[oldest.slot].record
                if !delete(oldest) { lost.append(record) }
            } else {
                messages[oldest.slot].isExpired = true
            }
        }
        return lost
    }
}

/// A message's slot in its queue and the slot's generation when the message was stored.
struct MessageReference: Sendable, Equatable {
    var slot: Int32
    var generation: UInt32
}

/// One message in a queue.
struct QueuedMessage: Sendable {
    var record: EventRecord
    /// When the producer's publish reached the queue.
    var sentAt: Instant
    /// Times consumers have received it (SQS's `ApproximateReceiveCount`).
    var receives: Int32 = 0
    /// Whether a consumer may receive it now.
    var isVisible = true
    /// When a hidden message becomes visible again, unless deleted first.
    var visibleAt: Instant = .zero
    /// Whether some consumer has applied its effect (a later loss of the message loses nothing).
    var isApplied = false
    /// Whether retention deleted it while hidden: it goes when it would reappear.
    var isExpired = false
}
