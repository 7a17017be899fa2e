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
    /// Bit `d mod 64` set for each lane's delay `d`: a delay whose bit is clear has no lane,
    /// so most delays drawn from a distribution are sent to the heap without a search.
    @usableFromInline var delayBits: UInt64 = 0
    @usableFromInline var lanes: [EventLane<Event>] = []
    /// The (time, sequence) of each lane's first event, `LaneHead.idle` for an empty lane: side
    /// by side in one small array, so finding the earliest lane reads no lane's storage.
    @usableFromInline var heads: ContiguousArray<LaneHead> = []
    /// The lane whose first event is the earliest of all lanes'; -1 while every lane is empty.
    @usableFromInline var earliest = -1
    /// How many events the lanes hold, cancelled ones included until they are taken.
    @usableFromInline var count = 0

    @usableFromInline init() {}

    /// The most lanes opened; events with a delay beyond them go to the heap.
    @inlinable static var laneLimit: Int { 8 }

    /// The time and sequence of the earliest event of all lanes; there must be one.
    @inlinable var firstHead: LaneHead { heads[earliest] }

    /// Opens a lane for `delay`, unless one is open or `laneLimit` are.
    @inlinable mutating func open(_ delay: TimeSpan) {
        guard !delays.contains(delay.nanoseconds), delays.count < Self.laneLimit else { return }
        delays.append(delay.nanoseconds)
        delayBits |= Self.bit(of: delay)
        lanes.append(EventLane())
        heads.append(.idle)
    }

    /// Whether a lane may be open for `delay`: false means none is.
    @inlinable func mayHold(_ delay: TimeSpan) -> Bool { delayBits & Self.bit(of: delay) != 0 }

    /// The bit of `delayBits` that stands for `delay`.
    @inlinable static func bit(of delay: TimeSpan) -> UInt64 { 1 << UInt64(truncatingIfNeeded: delay.nanoseconds & 63) }

    /// Adds `item`, due `delay` after now, to the lane for `delay`, opening it first when
    /// `opening` is set. Returns whether a lane took the item.
    @inlinable mutating func insert(_ item: ScheduledEvent<Event>, delay: TimeSpan, opening: Bool) -> Bool {
        var lane = 0
        while lane < delays.count, delays[lane] != delay.nanoseconds { lane += 1 }
        if lane == delays.count {
            guard opening, lane < Self.laneLimit else { return false }
            open(delay)
        }
        lanes[lane].append(item)
        count += 1
        if heads[lane].isIdle {
            let head = LaneHead(item)
            heads[lane] = head
            if earliest < 0 || head.precedes(heads[earliest]) { earliest = lane }
        }
        return true
    }

    /// Removes and returns the earliest event of all lanes; there must be one.
    @inlinable mutating func removeFirst() -> ScheduledEvent<Event> {
        let item = lanes[earliest].removeFirst()
        heads[earliest] = lanes[earliest].first.map { LaneHead($0) } ?? .idle
        count -= 1
        earliest = heads.withUnsafeBufferPointer { heads in
            var earliest = 0
            for lane in heads.indices.dropFirst() where heads[lane].precedes(heads[earliest]) { earliest = lane }
            return heads[earliest].isIdle ? -1 : earliest
        }
        return item
    }
}

extension DelayLanes {
    /// Removes every event `isDead` picks from every lane, keeping the order of the others.
    /// - Complexity: O(n) for n events in the lanes.
    @usableFromInline mutating func removeAll(where isDead: (ScheduledEvent<Event>) -> Bool) {
        count = 0
        earliest = -1
        for lane in lanes.indices {
            lanes[lane].removeAll(where: isDead)
            count += lanes[lane].count
            heads[lane] = lanes[lane].first.map { LaneHead($0) } ?? .idle
            if !heads[lane].isIdle, earliest < 0 || heads[lane].precedes(heads[earliest]) { earliest = lane }
        }
    }
}

/// Where a lane's first event stands in the order of events: its time and sequence, or, for an
/// empty lane, a key after every event's.
@usableFromInline struct LaneHead {
    @usableFromInline var time: Int64
    @usableFromInline var sequence: UInt64

    /// The key of an empty lane: after every event (an event's sequence never reaches 2⁶⁴ − 1).
    @inlinable static var idle: LaneHead { LaneHead(time: .max, sequence: .max) }

    @inlinable init(time: Int64, sequence: UInt64) {
        self.time = time
        self.sequence = sequence
    }

    /// The key of `item`.
    @inlinable init<Event>(_ item: ScheduledEvent<Event>) {
        self.init(time: item.time.nanoseconds, sequence: item.sequence)
    }

    @inlinable var isIdle: Bool { sequence == .max }

    /// Earlier time first; at the same time, earlier sequence first.
    @inlinable func precedes(_ other: LaneHead) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }

    /// Whether the event with this key comes before `item`.
    @inlinable func precedes<Event>(_ item: ScheduledEvent<Event>) -> Bool {
        time < item.time.nanoseconds || (time == item.time.nanoseconds && sequence < item.sequence)
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

    /// Removes every event `isDead` picks, keeping the order of the others.
    /// - Complexity: O(n) for n events in the lane.
    @usableFromInline mutating func removeAll(where isDead: (ScheduledEvent<Event>) -> Bool) {
        storage.removeFirst(head)
        head = 0
        storage.removeAll(where: isDead)
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
