/// A pending event: when it fires, its place in the insertion order, and what it is.
public struct ScheduledEvent<Event> {
    /// When the event fires.
    public var time: Instant
    /// Insertion order, which breaks ties between events at the same instant. An observation
    /// (`Scheduler.scheduleObservation`) carries `observationBit` on top of it, so it comes
    /// after every ordinary event of its instant whenever that one was scheduled.
    public var sequence: UInt64
    /// The timer slot that can cancel this event, or `TimerHandle.none`.
    public var timer: TimerHandle
    /// The model's own description of what happens.
    public var event: Event

    @inlinable init(time: Instant, sequence: UInt64, timer: TimerHandle, event: Event) {
        self.time = time
        self.sequence = sequence
        self.timer = timer
        self.event = event
    }

    /// The top bit of `sequence`, set on observations (2⁶³; sequences never reach it).
    public static var observationBit: UInt64 { 1 << 63 }

    /// Earlier time first; at the same time, earlier insertion first, so runs are reproducible.
    @inlinable func precedes(_ other: ScheduledEvent) -> Bool {
        time.nanoseconds < other.time.nanoseconds
            || (time.nanoseconds == other.time.nanoseconds && sequence < other.sequence)
    }
}

/// A 4-ary min-heap of pending events ordered by (time, insertion sequence).
///
/// Contiguous storage and hole-sifting (move, don't swap) keep the hot loop free of
/// allocation once the heap has grown to its working size. Four children per node halve
/// the depth of a binary heap, which matters once a million events are pending.
public struct EventQueue<Event> {
    @usableFromInline var storage: ContiguousArray<ScheduledEvent<Event>> = []

    /// An empty queue of pending events.
    public init() {}

    /// How many events are pending, including cancelled ones not yet skipped.
    @inlinable public var count: Int { storage.count }
    /// Whether no event is pending (a cancelled one not yet skipped still counts).
    @inlinable public var isEmpty: Bool { storage.isEmpty }
    /// The earliest pending event, if any.
    @inlinable public var first: ScheduledEvent<Event>? { storage.first }

    /// Adds an event.
    /// - Complexity: O(log₄ n).
    @inlinable public mutating func insert(_ item: ScheduledEvent<Event>) {
        storage.append(item)
        storage.withUnsafeMutableBufferPointer { heap in
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard item.precedes(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = item
        }
    }

    /// Removes and returns the earliest event.
    /// - Complexity: O(log₄ n).
    @inlinable public mutating func removeFirst() -> ScheduledEvent<Event>? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        return storage.withUnsafeMutableBufferPointer { heap in
            let top = heap[0]
            let count = heap.count
            var hole = 0
            while true {
                let firstChild = 4 * hole + 1
                if firstChild >= count { break }
                var best = firstChild
                let end = min(firstChild + 4, count)
                var child = firstChild + 1
                while child < end {
                    if heap[child].precedes(heap[best]) { best = child }
                    child += 1
                }
                guard heap[best].precedes(last) else { break }
                heap[hole] = heap[best]
                hole = best
            }
            heap[hole] = last
            return top
        }
    }
}
