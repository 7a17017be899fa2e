import Testing
@testable import SimKernel

/// The fingerprint a determinism check compares: equal for the same events in the same order,
/// different as soon as one event moves in time or in order, and the first events on request.
struct EventFingerprintTests {
    /// Runs a `Recorder` over marks at the given nanoseconds, recording the first `recording` events.
    func run(_ times: [Int64], recording: Int = 0) -> Scheduler<Recorder.Event> {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        scheduler.record(first: recording)
        for (id, time) in times.enumerated() { scheduler.schedule(.mark(id), at: Instant(nanoseconds: time)) }
        _ = scheduler.run(&model, limits: RunLimits())
        return scheduler
    }

    @Test func theSameEventsGiveTheSameFingerprint() {
        let a = run([5, 10, 10, 30]), b = run([5, 10, 10, 30])
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint.count == 4 && a.eventsHandled == 4)
        #expect(a.fingerprint != EventFingerprint())
        #expect(a.fingerprint.hexDigest.count == 16)
    }

    @Test func oneEventAtAnotherTimeOrInAnotherOrderChangesIt() {
        let base = run([5, 10, 10, 30]).fingerprint
        #expect(run([5, 10, 11, 30]).fingerprint != base)  // one event a nanosecond later
        #expect(run([5, 10, 10, 30, 40]).fingerprint != base)  // one more event
        // Same instants, but inserted in another order: the sequence numbers run differently.
        #expect(run([10, 5, 10, 30]).fingerprint != base)
    }

    @Test func cancelledEventsLeaveNoTrace() {
        var scheduler = Scheduler<Recorder.Event>()
        var model = Recorder()
        scheduler.schedule(.mark(0), at: Instant(nanoseconds: 5))
        scheduler.cancel(scheduler.scheduleCancellable(.mark(1), after: .nanoseconds(7)))
        _ = scheduler.run(&model, limits: RunLimits())
        var plain = Scheduler<Recorder.Event>()
        plain.schedule(.mark(0), at: Instant(nanoseconds: 5))
        _ = plain.run(&model, limits: RunLimits())
        #expect(scheduler.fingerprint.count == 1 && plain.fingerprint.count == 1)
        // The cancelled event took sequence number 1, which nobody handled, so the digests agree.
        #expect(scheduler.fingerprint == plain.fingerprint)
    }

    @Test func recordingKeepsOnlyTheFirstEvents() {
        let scheduler = run([30, 5, 10, 10], recording: 3)
        #expect(scheduler.recordedEvents == [HandledEvent(time: Instant(nanoseconds: 5), sequence: 1),
                                             HandledEvent(time: Instant(nanoseconds: 10), sequence: 2),
                                             HandledEvent(time: Instant(nanoseconds: 10), sequence: 3)])
        #expect(scheduler.history.firstEvents.count == 3 && scheduler.history.count == 4)
        #expect(run([30, 5], recording: 0).recordedEvents.isEmpty)
        // Recording changes nothing about the run itself.
        #expect(run([30, 5, 10, 10], recording: 2).fingerprint == run([30, 5, 10, 10]).fingerprint)
    }
}
