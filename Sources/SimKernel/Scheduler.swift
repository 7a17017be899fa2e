/// The simulation clock and its agenda of pending events.
///
/// Time starts at zero and moves only when the next event is taken; events at the same
/// instant come out in the order they were scheduled, observations after all the others. `Event` is the model's own value
/// type (usually an enum dispatched by a `switch`), so running an event allocates nothing.
///
/// A scheduler has one owner, the run that drives it: it moves but is never copied, so its
/// agenda is never shared.
///
/// - warning: Scheduling in the past is a programming error and stops the process.
public struct Scheduler<Event>: ~Copyable {
    /// The current virtual time: the time of the event being handled.
    @inlinable public var now: Instant { clock }
    /// How many events have been handled so far (cancelled ones are not counted).
    @inlinable public var eventsHandled: Int { handledEvents.count }
    /// The count and hash of every event handled so far, for checking that a run repeats.
    public var fingerprint: EventFingerprint { handledEvents }
    /// The first events handled, up to the limit given to `record(first:)`; empty otherwise.
    public var recordedEvents: [HandledEvent] { recording }
    /// The fingerprint and the recorded events together, as a run hands them back.
    public var history: EventHistory { EventHistory(fingerprint: handledEvents, firstEvents: recording) }
    @usableFromInline var clock: Instant = .zero
    @usableFromInline var handledEvents = EventFingerprint()
    @usableFromInline var recording: [HandledEvent] = []
    @usableFromInline var recordingLimit = 0
    @usableFromInline var queue = EventQueue<Event>()
    /// Events whose delay many share (timeouts, constant latency or work), first-in first-out
    /// per delay, beside the heap.
    @usableFromInline var lanes = DelayLanes<Event>()
    /// The next event of the model's one self-renewing stream (its arrivals), waiting beside
    /// the heap: see `scheduleStreamEvent(_:at:)`.
    @usableFromInline var streamNext: ScheduledEvent<Event>?
    @usableFromInline var nextSequence: UInt64 = 0
    @usableFromInline var timers = TimerSlots()
    /// Cancelled events still waiting in the heap or a lane.
    @usableFromInline var cancelledWaiting = 0
    /// Why the model asked the run to stop (see `stop(_:)`); `nil` while it goes on.
    @usableFromInline var stopRequest: StopReason?

    /// A scheduler at time zero with nothing pending.
    public init() {}

    /// How many events are waiting, the stream's next one included, and cancelled ones until
    /// they are skipped or swept out (see `cancel(_:)`).
    @inlinable public var pendingCount: Int { queue.count + lanes.count + (streamNext == nil ? 0 : 1) }

    /// Whether nothing live is waiting: every event still in the heap or a lane was cancelled
    /// (a timeout whose answer came) and no stream event waits in its slot, so nothing is left
    /// to happen. The same whether or not the cancelled ones were swept out.
    @inlinable var isIdle: Bool { pendingCount == cancelledWaiting }

    /// The fewest cancelled events worth a sweep: below it, skipping them costs less.
    @inlinable static var sweepFloor: Int { 1 << 16 }

    /// Schedules `event` at `time`.
    /// - Complexity: O(log n) for n pending events.
    @inlinable public mutating func schedule(_ event: Event, at time: Instant) {
        enqueue(event, at: time, timer: .none)
    }

    /// Schedules `event` after `delay` from now (in the delay's lane when one is open: see
    /// `openLane(for:)`).
    @inlinable public mutating func schedule(_ event: Event, after delay: TimeSpan) {
        enqueue(event, after: delay, timer: .none, opensLane: false)
    }

    /// Schedules `event` at `time` as the next of a stream that schedules its own successor
    /// when it is handled, such as a workload's arrivals: it waits in a slot of its own beside
    /// the heap, so taking it and scheduling the next cost a comparison, not a heap's sifting.
    /// At most one stream event waits at a time. The order of events is the same as with
    /// `schedule(_:at:)`; only the cost changes.
    @inlinable public mutating func scheduleStreamEvent(_ event: Event, at time: Instant) {
        precondition(time >= now, "an event was scheduled in the past")
        precondition(streamNext == nil, "a stream's next event is scheduled once its last one was taken")
        streamNext = ScheduledEvent(time: time, sequence: nextSequence, timer: .none, event: event)
        nextSequence &+= 1
    }

    /// From now on, events scheduled exactly `delay` ahead wait in a first-in first-out lane
    /// of their own instead of the heap (`DelayLanes`): for a delay many events share, such as
    /// a constant network latency or work time. The order of events is the same either way;
    /// only the cost changes. At most eight lanes are open (cancellable events open their own).
    public mutating func openLane(for delay: TimeSpan) {
        lanes.open(delay)
    }

    /// Schedules `event`, an observation of the system (a sample of gauges), `delay` from now:
    /// it runs after every other event of its instant, including those scheduled for that
    /// instant later on, so it sees the instant complete. Observations at the same instant
    /// run in the order they were scheduled.
    /// - Complexity: O(log n) for n pending events.
    @inlinable public mutating func scheduleObservation(_ event: Event, after delay: TimeSpan) {
        let time = now + delay
        precondition(time >= now, "an event was scheduled in the past")
        queue.insert(ScheduledEvent(time: time, sequence: nextSequence | ScheduledEvent<Event>.observationBit, timer: .none, event: event))
        nextSequence &+= 1
    }

    /// Schedules `event` after `delay` and returns a handle that can cancel it.
    ///
    /// A cancellable event is usually a timeout, scheduled with the same delay again and
    /// again, and usually cancelled: it waits in the lane for its delay (`DelayLanes`), not in
    /// the heap.
    @inlinable public mutating func scheduleCancellable(_ event: Event, after delay: TimeSpan) -> TimerHandle {
        let handle = timers.issue()
        enqueue(event, after: delay, timer: handle, opensLane: true)
        return handle
    }

    /// Cancels a scheduled event; cancelling one that already fired or was cancelled does nothing.
    ///
    /// The dead entry is skipped when it reaches the front, or swept out once cancelled events
    /// are at least half of those waiting (and at least `sweepFloor`): timeouts of an hour
    /// cancelled a million times a second would otherwise hold gigabytes until they came due.
    /// - Complexity: O(1) amortised: a sweep of n waiting events removes at least n/2.
    @inlinable public mutating func cancel(_ handle: TimerHandle) {
        guard timers.retire(handle) else { return }
        cancelledWaiting += 1
        if cancelledWaiting >= Self.sweepFloor, 2 * cancelledWaiting >= pendingCount { sweepCancelled() }
    }

    /// Removes every cancelled event from the heap and the lanes, keeping the order of the others.
    /// - Complexity: O(n) for n waiting events.
    @usableFromInline mutating func sweepCancelled() {
        let isDead = { [timers] (item: ScheduledEvent<Event>) -> Bool in item.timer != .none && !timers.isLive(item.timer) }
        queue.removeAll(where: isDead)
        lanes.removeAll(where: isDead)
        cancelledWaiting = 0
    }

    @inlinable mutating func enqueue(_ event: Event, at time: Instant, timer: TimerHandle) {
        precondition(time >= now, "an event was scheduled in the past")
        queue.insert(ScheduledEvent(time: time, sequence: nextSequence, timer: timer, event: event))
        nextSequence &+= 1
    }

    /// Adds `event`, due `delay` from now, to the lane for `delay` (opening it when `opensLane`
    /// is set and one more may open), or else to the heap.
    @inlinable mutating func enqueue(_ event: Event, after delay: TimeSpan, timer: TimerHandle, opensLane: Bool) {
        guard opensLane || lanes.mayHold(delay) else { return enqueue(event, at: now + delay, timer: timer) }
        let time = now + delay
        precondition(time >= now, "an event was scheduled in the past")
        let item = ScheduledEvent(time: time, sequence: nextSequence, timer: timer, event: event)
        if !lanes.insert(item, delay: delay, opening: opensLane) { queue.insert(item) }
        nextSequence &+= 1
    }

    /// Takes the next live event due no later than `limit`, advancing the clock to it.
    /// Returns `nil` when nothing live is due by then; the clock then stays where it was.
    @inlinable public mutating func next(notAfter limit: Instant) -> Event? {
        while let item = takeEarliest(notAfter: limit) {
            if item.timer != .none, !timers.retire(item.timer) {
                cancelledWaiting -= 1
                continue
            }
            clock = item.time
            handledEvents.add(time: item.time, sequence: item.sequence)
            if handledEvents.count <= recordingLimit { recording.append(HandledEvent(time: item.time, sequence: item.sequence)) }
            return item.event
        }
        return nil
    }

    /// Removes the earliest pending event, live or cancelled, from the stream's slot, the heap
    /// or a lane, if it is due no later than `limit`.
    @inlinable @inline(__always) mutating func takeEarliest(notAfter limit: Instant) -> ScheduledEvent<Event>? {
        if let waiting = streamNext, queue.first.map({ waiting.precedes($0) }) ?? true,
           lanes.earliest < 0 || LaneHead(waiting).precedes(lanes.firstHead) {
            guard waiting.time <= limit else { return nil }
            streamNext = nil
            return waiting
        }
        if lanes.earliest >= 0, case let laneHead = lanes.firstHead, queue.first.map({ laneHead.precedes($0) }) ?? true {
            return laneHead.time <= limit.nanoseconds ? lanes.removeFirst() : nil
        }
        return queue.removeFirst(notAfter: limit)
    }

    /// Keeps the time and sequence number of the first `limit` events handled from now on in
    /// `recordedEvents`, to find where two runs that should be alike part ways.
    ///
    /// - Complexity: O(`limit`) memory, 16 bytes per event.
    public mutating func record(first limit: Int) {
        precondition(limit >= 0, "a recording limit is a count")
        recordingLimit = handledEvents.count + limit
        recording.reserveCapacity(min(limit, 1 << 20))
    }

    /// Ends the run after the event being handled, for `reason` (a limit the model reached):
    /// `run(_:limits:)` returns `reason` before taking another event.
    public mutating func stop(_ reason: StopReason) {
        stopRequest = reason
    }

    /// Moves the clock forward to `time` without handling anything (the end of a run).
    public mutating func advance(to time: Instant) {
        precondition(time >= now, "time never goes back")
        clock = time
    }
}
