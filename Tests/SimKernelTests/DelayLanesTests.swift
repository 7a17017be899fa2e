import Testing
@testable import SimKernel

/// A model that, for each event, schedules a few more with delays from a small set (some in
/// lanes, some not), cancelling some of its timeouts, and records the order it handled them.
private struct LaneMix: EventHandling {
    enum Event { case step(Int), timeout(Int) }
    static let delays: [TimeSpan] = [.nanoseconds(0), .nanoseconds(3), .nanoseconds(7), .nanoseconds(40)]
    var random: RandomStream
    var handled: [(time: Int64, tag: Int)] = []
    var timers: [TimerHandle] = []
    var remaining: Int

    init(seed: UInt64, steps: Int) {
        random = RandomStream(seed: seed, name: "lanes")
        remaining = steps
    }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        switch event {
        case .timeout(let tag): handled.append((scheduler.now.nanoseconds, -tag))
        case .step(let tag):
            handled.append((scheduler.now.nanoseconds, tag))
            guard remaining > 0 else { return }
            remaining -= 1
            for _ in 0..<2 {
                let choice = Int(random.next(below: 6))
                let delay = choice < 4 ? Self.delays[choice] : .nanoseconds(Int64(random.next(below: 50)))
                scheduler.schedule(.step(tag &* 31 &+ choice), after: delay)
            }
            let timeout = Int(random.next(below: 3))
            timers.append(scheduler.scheduleCancellable(.timeout(tag), after: .nanoseconds(Int64(10 + 5 * timeout))))
            if random.next(below: 2) == 0, let victim = timers.popLast() { scheduler.cancel(victim) }
        }
    }
}

/// Lanes change what an event costs, never when it runs: the same events in the same
/// (time, sequence) order with lanes open as with the heap alone.
struct DelayLanesTests {
    private func run(seed: UInt64, lanes: [TimeSpan]) -> (handled: [(time: Int64, tag: Int)], fingerprint: EventFingerprint, stop: StopReason) {
        var scheduler = Scheduler<LaneMix.Event>()
        for delay in lanes { scheduler.openLane(for: delay) }
        var model = LaneMix(seed: seed, steps: 2_000)
        for tag in 1...3 { scheduler.schedule(.step(tag), at: Instant(nanoseconds: Int64(tag))) }
        let stop = scheduler.run(&model, limits: RunLimits())
        return (model.handled, scheduler.fingerprint, stop)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func openLanesLeaveTheOrderOfEventsAsItIs(seed: UInt64) {
        let heapOnly = run(seed: seed, lanes: [])
        #expect(heapOnly.stop == .quiescent)
        for lanes in [LaneMix.delays, [.nanoseconds(7)], LaneMix.delays + (50..<60).map { TimeSpan.nanoseconds($0) }] {
            let laned = run(seed: seed, lanes: lanes)
            #expect(laned.fingerprint == heapOnly.fingerprint)
            let sameEvents = laned.handled.elementsEqual(heapOnly.handled) { $0.time == $1.time && $0.tag == $1.tag }
            #expect(sameEvents, "\(lanes.count) lanes: the events or their order differ from the heap's alone")
            #expect(laned.handled.count == heapOnly.handled.count)
            #expect(laned.stop == .quiescent)
        }
    }

    @Test func aLaneIsFirstInFirstOutAndCountsAsPending() {
        var scheduler = Scheduler<Int>()
        scheduler.openLane(for: .nanoseconds(5))
        scheduler.schedule(1, after: .nanoseconds(5))
        scheduler.schedule(2, after: .nanoseconds(2))
        scheduler.schedule(3, after: .nanoseconds(5))
        let cancelled = scheduler.scheduleCancellable(4, after: .nanoseconds(1))
        #expect(scheduler.pendingCount == 4)
        scheduler.cancel(cancelled)
        #expect(scheduler.pendingCount == 4, "a cancelled event is pending until it is skipped")
        var order: [Int] = []
        while let event = scheduler.next(notAfter: .distantFuture) { order.append(event) }
        #expect(order == [2, 1, 3])
        #expect(scheduler.pendingCount == 0)
        #expect(scheduler.now == Instant(nanoseconds: 5))
    }

    @Test func aLaneHoldsItsEventsPastTheLimit() {
        var scheduler = Scheduler<Int>()
        scheduler.openLane(for: .nanoseconds(10))
        scheduler.schedule(1, after: .nanoseconds(10))
        let early = scheduler.next(notAfter: Instant(nanoseconds: 9))
        #expect(early == nil)
        #expect(scheduler.now == .zero)
        let due = scheduler.next(notAfter: Instant(nanoseconds: 10))
        #expect(due == 1)
    }

    @Test func aDelayWithoutALaneIsToldApartWithoutASearch() {
        var lanes = DelayLanes<Int>()
        lanes.open(.microseconds(500))
        lanes.open(.seconds(2))
        #expect(lanes.mayHold(.microseconds(500)) && lanes.mayHold(.seconds(2)))
        #expect(!lanes.mayHold(.nanoseconds(500_001)) && !lanes.mayHold(.nanoseconds(1_999_999_999)))
        let sameBit = TimeSpan.nanoseconds(500_000 + 64)
        let item = ScheduledEvent(time: Instant(nanoseconds: 500_064), sequence: 0, timer: .none, event: 0)
        #expect(lanes.mayHold(sameBit) && !lanes.insert(item, delay: sameBit, opening: false),
                "a delay sharing a lane's bit is still searched for, and has no lane")
    }

    @Test func beyondEightDelaysTheHeapTakesTheRest() {
        var lanes = DelayLanes<Int>()
        for delay in 1...8 { lanes.open(.nanoseconds(Int64(delay))) }
        lanes.open(.nanoseconds(9))
        #expect(lanes.delays == Array(1...8))
        let item = ScheduledEvent(time: Instant(nanoseconds: 9), sequence: 0, timer: .none, event: 0)
        let beyond = lanes.insert(item, delay: .nanoseconds(9), opening: true)
        #expect(!beyond)
        let laned = lanes.insert(item, delay: .nanoseconds(8), opening: false)
        #expect(laned)
        #expect(lanes.count == 1)
    }

    @Test func aLongLaneIsCompactedAndKeepsItsOrder() {
        var lane = EventLane<Int>()
        var taken: [Int] = []
        func add(_ i: Int) {
            lane.append(ScheduledEvent(time: Instant(nanoseconds: Int64(i)), sequence: UInt64(i), timer: .none, event: i))
        }
        for i in 0..<2_000 { add(i) }
        for i in 2_000..<12_000 {
            add(i)
            taken.append(lane.removeFirst().event)
            #expect(lane.storage.count <= 4_001, "the taken part is compacted away")
        }
        #expect(lane.count == 2_000)
        while !lane.isEmpty { taken.append(lane.removeFirst().event) }
        #expect(taken == Array(0..<12_000))
        #expect(lane.storage.isEmpty && lane.head == 0)
    }
}
