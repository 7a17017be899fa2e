/// Pending events scheduled a delay ahead that many others share — timeouts, a constant
/// network latency, a constant work time — kept first-in first-out, one lane per delay.
///
/// Events scheduled `d` after a clock that never goes back come due in the order they were
/// scheduled, so a lane per delay is already sorted by (time, sequence): adding and taking
/// the earliest cost O(1) instead of the heap's O(log n). A run with thousands of calls in
/// flight keeps their timeouts here, most of them cancelled before they fire, and the heap
/// holds only the events whose delays vary. The scheduler takes whichever of the heap's and
/// the lanes' earliest events comes first, so the order of events is the same as with the
/// heap alone.
@usableFromInline struct DelayLanes<Event> {
    /// The lanes' delays, in the order the lanes were opened.
    @usableFromInline var delays: [Int64] = []
    @usableFromInline var lanes: [EventLane<Event>] = []
    /// The lane whose first event is the earliest of all lanes'; -1 while every lane is empty.
    @usableFromInline var earliest = -1
    /// How many events the lanes hold, cancelled ones included until they are taken.
    @usableFromInline var count = 0

    @usableFromInline init() {}

    /// The most lanes opened; events with a delay beyond them go to the heap.
    @inlinable static var laneLimit: Int { 8 }

    /// The earliest event of all lanes, if any.
    @inlinable var first: ScheduledEvent<Event>? { earliest < 0 ? nil : lanes[earliest].first }

    /// Opens a lane for `delay`, unless one is open or `laneLimit` are.
    @inlinable mutating func open(_ delay: TimeSpan) {
        guard !delays.contains(delay.nanoseconds), delays.count < Self.laneLimit else { return }
        delays.append(delay.nanoseconds)
        lanes.append(EventLane())
    }

    /// Adds `item`, due `delay` after now, to the lane for `delay`, opening it first when
    /// `opening` is set. Returns whether a lane took the item.
    @inlinable mutating func insert(_ item: ScheduledEvent<Event>, delay: TimeSpan, opening: Bool) -> Bool {
        var lane = 0
        while lane < delays.count, delays[lane] != delay.nanoseconds { lane += 1 }
        if lane == delays.count {
            guard opening, lane < Self.laneLimit else { return false }
            open(delay)
        }
        let wasEmpty = lanes[lane].isEmpty
        lanes[lane].append(item)
        count += 1
        if wasEmpty, earliest < 0 || item.precedes(lanes[earliest].first!) { earliest = lane }
        return true
    }

    /// Removes and returns the earliest event of all lanes; there must be one.
    @inlinable mutating func removeFirst() -> ScheduledEvent<Event> {
        let item = lanes[earliest].removeFirst()
        count -= 1
        earliest = -1
        for lane in lanes.indices {
            guard let head = lanes[lane].first else { continue }
            if earliest < 0 || head.precedes(lanes[earliest].first!) { earliest = lane }
        }
        return item
    }
}

/// One lane of `DelayLanes`: a first-in first-out line of events in contiguous storage.
///
/// Taking from the front moves a read index; the storage is compacted once the taken part is
/// at least half of it, so each event is moved at most once on average and the storage stays
/// at most twice the largest number waiting at once.
@usableFromInline struct EventLane<Event> {
    @usableFromInline var storage: ContiguousArray<ScheduledEvent<Event>> = []
    @usableFromInline var head = 0

    @usableFromInline init() {}

    @inlinable var isEmpty: Bool { head == storage.count }
    @inlinable var count: Int { storage.count - head }
    @inlinable var first: ScheduledEvent<Event>? { isEmpty ? nil : storage[head] }

    @inlinable mutating func append(_ item: ScheduledEvent<Event>) {
        storage.append(item)
    }

    /// Removes and returns the oldest event; there must be one.
    @inlinable mutating func removeFirst() -> ScheduledEvent<Event> {
        let item = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return item
    }
}
