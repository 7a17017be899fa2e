import Testing
@testable import SimKernel

/// A model that records what it handled, and schedules follow-ups when told to.
struct Recorder: EventHandling {
    enum Event: Equatable { case mark(Int), spawn(Int), echo(Int) }
    var seen: [(Int64, Int)] = []

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        switch event {
        case .mark(let id): seen.append((scheduler.now.nanoseconds, id))
        case .spawn(let id): scheduler.schedule(.spawn(id), after: .seconds(1))
        case .echo(let id):
            seen.append((scheduler.now.nanoseconds, id))
            scheduler.schedule(.mark(id + 100), after: .zero)
        }
    }
}

/// The run loop's ordering, cancellation and stop conditions.
struct SchedulerTests {
    @Test func sameInstantRunsInInsertionOrder() {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        for id in 0..<5 { scheduler.schedule(.mark(id), at: Instant(nanoseconds: 10)) }
        scheduler.schedule(.mark(99), at: Instant(nanoseconds: 5))
        #expect(scheduler.run(&model, limits: RunLimits()) == .quiescent)
        #expect(model.seen.map(\.1) == [99, 0, 1, 2, 3, 4])
    }

    @Test func anObservationRunsAfterEveryOtherEventOfItsInstant() {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        scheduler.scheduleObservation(.mark(0), after: .nanoseconds(10))
        scheduler.scheduleObservation(.mark(1), after: .nanoseconds(10))
        scheduler.schedule(.echo(2), at: Instant(nanoseconds: 10))  // schedules mark(102) at the same instant
        scheduler.schedule(.mark(3), at: Instant(nanoseconds: 11))
        #expect(scheduler.run(&model, limits: RunLimits()) == .quiescent)
        #expect(model.seen.map(\.1) == [2, 102, 0, 1, 3])
        #expect(scheduler.recordedEvents.isEmpty)
        var recorded = Scheduler<Recorder.Event>()
        var again = Recorder()
        recorded.record(first: 2)
        recorded.scheduleObservation(.mark(0), after: .zero)
        recorded.schedule(.mark(1), after: .zero)
        _ = recorded.run(&again, limits: RunLimits())
        #expect(recorded.recordedEvents.map(\.isObservation) == [false, true])
    }

    /// A model whose warm-up ends at `end`: it notes when the kernel ends it, among its events.
    struct WarmingUp: EventHandling {
        var end: Instant?
        var seen: [String] = []
        var warmupEnd: Instant? { end }
        mutating func endWarmup(at instant: Instant) {
            seen.append("warm-up over at \(instant.nanoseconds)")
            end = nil
        }
        mutating func handle(_ event: Int, scheduler: inout Scheduler<Int>) { seen.append("\(event) at \(scheduler.now.nanoseconds)") }
    }

    @Test func theWarmupEndsOnceBeforeTheFirstEventAtOrAfterIt() {
        var scheduler = Scheduler<Int>()
        var model = WarmingUp(end: Instant(nanoseconds: 20))
        for time: Int64 in [10, 20, 30] { scheduler.schedule(Int(time), at: Instant(nanoseconds: time)) }
        _ = scheduler.run(&model, limits: RunLimits(until: Instant(nanoseconds: 15)))
        #expect(model.seen == ["10 at 10"])
        _ = scheduler.run(&model, limits: RunLimits())
        #expect(model.seen == ["10 at 10", "warm-up over at 20", "20 at 20", "30 at 30"])
    }

    @Test func theWarmupEndsWhenTheRunReachesItOrStops() {
        var scheduler = Scheduler<Int>()
        var model = WarmingUp(end: Instant(nanoseconds: 20))
        scheduler.schedule(30, at: Instant(nanoseconds: 30))
        #expect(scheduler.run(&model, limits: RunLimits(until: Instant(nanoseconds: 25))) == .timeLimit)
        #expect(model.seen == ["warm-up over at 20"])
        var idle = WarmingUp(end: Instant(nanoseconds: 50))
        var empty = Scheduler<Int>()
        empty.schedule(10, at: Instant(nanoseconds: 10))
        #expect(empty.run(&idle, limits: RunLimits()) == .quiescent)
        #expect(idle.seen == ["10 at 10", "warm-up over at 50"])
    }

    @Test func cancelledEventsNeverRunAndSlotsAreReused() {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        let doomed = scheduler.scheduleCancellable(.mark(1), after: .milliseconds(5))
        let kept = scheduler.scheduleCancellable(.mark(2), after: .milliseconds(6))
        scheduler.cancel(doomed)
        scheduler.cancel(doomed)  // twice is harmless
        let reused = scheduler.scheduleCancellable(.mark(3), after: .milliseconds(7))
        #expect(reused.slot == doomed.slot && reused.generation != doomed.generation)
        _ = scheduler.run(&model, limits: RunLimits())
        #expect(model.seen.map(\.1) == [2, 3])
        scheduler.cancel(kept)  // after it fired: nothing happens
        #expect(scheduler.eventsHandled == 2)
    }

    @Test func stopsAtTheTimeLimitWithTheClockThere() {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        scheduler.schedule(.spawn(0), at: .zero)
        let reason = scheduler.run(&model, limits: RunLimits(until: Instant(nanoseconds: 3_500_000_000)))
        #expect(reason == .timeLimit)
        #expect(scheduler.now == Instant(nanoseconds: 3_500_000_000))
        #expect(scheduler.eventsHandled == 4)
    }

    @Test func stopsAtTheEventBudget() {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        scheduler.schedule(.spawn(0), at: .zero)
        #expect(scheduler.run(&model, limits: RunLimits(eventBudget: 10)) == .eventBudget)
        #expect(scheduler.eventsHandled == 10)
    }

    /// Hour-long timeouts cancelled a million times a second held every cancelled one until it
    /// came due: 3.6·10⁹ entries an hour. Now they are swept out once they are half of what waits.
    @Test func cancelledEventsAreSweptOutLongBeforeTheyComeDue() {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        scheduler.schedule(.mark(-1), at: Instant(nanoseconds: 5))
        for i in 0..<300_000 {
            // Every timer is cancelled but every 1000th; every 7th has a delay no lane holds.
            let delay = TimeSpan.nanoseconds(i % 7 == 0 ? 3_600_000_000_000 + Int64(i) : 3_600_000_000_000)
            let timer = scheduler.scheduleCancellable(.mark(i), after: delay)
            if i % 1000 != 0 { scheduler.cancel(timer) }
        }
        #expect(scheduler.pendingCount < 2 * Scheduler<Recorder.Event>.sweepFloor)
        #expect(scheduler.run(&model, limits: RunLimits()) == .quiescent)
        let kept = (0..<300).map { 1000 * $0 }
        #expect(model.seen.map(\.1) == [-1] + kept.sorted { ($0 % 7 == 0 ? $0 : 0, $0) < ($1 % 7 == 0 ? $1 : 0, $1) })
    }

    /// Cancelled events leave nothing to happen, swept out or still waiting to be skipped: a
    /// run with only those pending after its last event is quiescent, its clock at that event,
    /// even when they come due after its time limit (a user's hour-long timeout whose answer came).
    @Test(arguments: [1, Scheduler<Recorder.Event>.sweepFloor])
    func cancelledEventsBeyondTheLimitLeaveTheRunQuiescent(cancelled: Int) {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        scheduler.schedule(.mark(-1), at: Instant(nanoseconds: 5))
        for i in 0..<cancelled {
            scheduler.cancel(scheduler.scheduleCancellable(.mark(i), after: .seconds(60)))
        }
        #expect(scheduler.pendingCount == (cancelled == 1 ? 2 : 1), "swept out only past the floor")
        #expect(scheduler.run(&model, limits: RunLimits(until: Instant(nanoseconds: 1_000_000_000))) == .quiescent)
        #expect(scheduler.now == Instant(nanoseconds: 5))
        #expect(model.seen.map(\.1) == [-1])
    }
}

/// Progress reports come by virtual time and by events, whichever is nearer, and never change the run.
struct SchedulerProgressTests {
    /// Ten events at every instant of one second: a hundred thousand events in 10 ms of virtual time.
    struct Busy: EventHandling {
        mutating func handle(_ event: Int, scheduler: inout Scheduler<Int>) {
            scheduler.schedule(event + 1, after: .nanoseconds(event % 10 == 9 ? 1_000 : 0))
        }
    }

    @Test func aRunThatSpendsItsBudgetWithinOneIntervalStillReports() {
        var scheduler = Scheduler<Int>()
        var model = Busy()
        scheduler.schedule(0, at: .zero)
        var reports: [Int] = []
        let reason = scheduler.run(&model, limits: RunLimits(until: Instant.zero + .seconds(100), eventBudget: 100_000),
                                   reportingEvery: .seconds(1), eventStride: 30_000) { reports.append($1) }
        #expect(reason == .eventBudget)
        #expect(reports == [30_000, 60_000, 90_000, 100_000], "a report every 30 000 events, then one at the budget")
    }

    @Test func reportingChangesNoEvent() {
        func fingerprint(reporting: Bool) -> EventFingerprint {
            var scheduler = Scheduler<Int>()
            var model = Busy()
            scheduler.schedule(0, at: .zero)
            let limits = RunLimits(until: Instant.zero + .milliseconds(5), eventBudget: 1_000_000)
            if reporting {
                _ = scheduler.run(&model, limits: limits, reportingEvery: .microseconds(7), eventStride: 333) { _, _ in }
            } else {
                _ = scheduler.run(&model, limits: limits)
            }
            return scheduler.fingerprint
        }
        #expect(fingerprint(reporting: true) == fingerprint(reporting: false))
    }
}
