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
///
/// The queue owns its storage alone (it cannot be copied, only moved), so inserting and
/// removing never ask whether the storage is shared, as an array's copy-on-write must.
public struct EventQueue<Event>: ~Copyable {
    @usableFromInline var heap: UnsafeMutablePointer<ScheduledEvent<Event>>
    @usableFromInline var capacity: Int
    @usableFromInline var storedCount = 0

    /// An empty queue of pending events, with room for a few before it grows.
    public init() {
        capacity = 16
        heap = .allocate(capacity: capacity)
    }

    deinit {
        heap.deinitialize(count: storedCount)
        heap.deallocate()
    }

    /// How many events are pending, including cancelled ones not yet skipped.
    @inlinable public var count: Int { storedCount }
    /// Whether no event is pending (a cancelled one not yet skipped still counts).
    @inlinable public var isEmpty: Bool { storedCount == 0 }
    /// The earliest pending event, if any.
    @inlinable public var first: ScheduledEvent<Event>? { storedCount == 0 ? nil : heap.pointee }

    /// Adds an event.
    /// - Complexity: O(log₄ n), amortised over the doublings of the storage.
    @inlinable @inline(__always) public mutating func insert(_ item: ScheduledEvent<Event>) {
        if storedCount == capacity { grow() }
        var hole = storedCount
        storedCount += 1
        while hole > 0 {
            let parent = (hole - 1) >> 2
            guard item.precedes(heap[parent]) else { break }
            (heap + hole).initialize(to: (heap + parent).move())
            hole = parent
        }
        (heap + hole).initialize(to: item)
    }

    /// Removes and returns the earliest event.
    /// - Complexity: O(log₄ n).
    @inlinable public mutating func removeFirst() -> ScheduledEvent<Event>? {
        storedCount > 0 ? removeEarliest() : nil
    }

    /// Removes and returns the earliest event if it is due no later than `limit`.
    /// - Complexity: O(log₄ n).
    @inlinable public mutating func removeFirst(notAfter limit: Instant) -> ScheduledEvent<Event>? {
        storedCount > 0 && heap.pointee.time <= limit ? removeEarliest() : nil
    }

    /// Removes and returns the earliest of the events pending, of which there is at least one.
    @inlinable @inline(__always) mutating func removeEarliest() -> ScheduledEvent<Event> {
        storedCount -= 1
        let top = heap.move()
        guard storedCount > 0 else { return top }
        sink((heap + storedCount).move(), from: 0)
        return top
    }

    /// Puts `item` in the empty slot `start` or below it: while a child of the slot comes
    /// earlier, the earliest child moves up and the slot moves down to it.
    @inlinable @inline(__always) mutating func sink(_ item: ScheduledEvent<Event>, from start: Int) {
        let count = storedCount
        var hole = start
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
            guard heap[best].precedes(item) else { break }
            (heap + hole).initialize(to: (heap + best).move())
            hole = best
        }
        (heap + hole).initialize(to: item)
    }

    /// Removes every event `isDead` picks, keeping the order of the others.
    ///
    /// The order of events is total (no two share a sequence), so the heap rebuilt from the
    /// events kept gives them out in the order they would have come out before.
    /// - Complexity: O(n) for n pending events.
    @usableFromInline mutating func removeAll(where isDead: (ScheduledEvent<Event>) -> Bool) {
        var kept = 0
        for index in 0..<storedCount {
            let item = (heap + index).move()
            if isDead(item) { continue }
            (heap + kept).initialize(to: item)
            kept += 1
        }
        storedCount = kept
        var parent = (kept - 2) >> 2
        while parent >= 0 {
            sink((heap + parent).move(), from: parent)
            parent -= 1
        }
    }

    /// Doubles the storage, moving the pending events into it.
    @usableFromInline mutating func grow() {
        let larger = UnsafeMutablePointer<ScheduledEvent<Event>>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: heap, count: storedCount)
        heap.deallocate()
        heap = larger
        capacity *= 2
    }
}
