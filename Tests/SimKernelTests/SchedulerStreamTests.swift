import Testing
@testable import SimKernel

/// A stream's next event, waiting in its own slot beside the heap, comes out exactly where
/// the same event scheduled in the heap would: the order of events, and so every digest, is
/// the same either way.
struct SchedulerStreamTests {
    /// Arrivals that schedule their successor after a drawn gap (0 at times, to tie with the
    /// rest), each spawning work after a drawn delay (a constant one in a lane at times, a
    /// cancelled timeout at times).
    struct Arrivals: EventHandling {
        enum Event { case arrival(Int), work(Int), timeout(Int) }
        let inSlot: Bool
        var random: SplitMix64
        var seen: [String] = []

        mutating func draw(below bound: UInt64) -> Int64 { Int64(random.next() % bound) }

        mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
            seen.append("\(scheduler.now.nanoseconds) \(event)")
            guard case .arrival(let n) = event, n < 2_000 else { return }
            let next = Arrivals.Event.arrival(n + 1), at = scheduler.now + .nanoseconds(draw(below: 3) == 0 ? 0 : draw(below: 50))
            if inSlot { scheduler.scheduleStreamEvent(next, at: at) } else { scheduler.schedule(next, at: at) }
            scheduler.schedule(.work(n), after: .nanoseconds(draw(below: 2) == 0 ? 20 : draw(below: 60)))
            let timer = scheduler.scheduleCancellable(.timeout(n), after: .nanoseconds(30))
            if draw(below: 2) == 0 { scheduler.cancel(timer) }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theSlotGivesTheSameOrderAsTheHeap(seed: UInt64) {
        func run(inSlot: Bool) -> ([String], EventFingerprint, StopReason) {
            var model = Arrivals(inSlot: inSlot, random: SplitMix64(seed: seed))
            var scheduler = Scheduler<Arrivals.Event>()
            scheduler.openLane(for: .nanoseconds(20))
            if inSlot { scheduler.scheduleStreamEvent(.arrival(0), at: .zero) } else { scheduler.schedule(.arrival(0), at: .zero) }
            let stop = scheduler.run(&model, limits: RunLimits())
            return (model.seen, scheduler.fingerprint, stop)
        }
        let (slot, heap) = (run(inSlot: true), run(inSlot: false))
        #expect(slot.0.count > 4_000 && slot.0 == heap.0)
        #expect(slot.1 == heap.1 && slot.2 == .quiescent && heap.2 == .quiescent)
    }

    /// The waiting stream event counts as pending, so a run is not idle while it waits.
    @Test func aWaitingStreamEventIsPending() {
        var scheduler = Scheduler<Int>()
        scheduler.scheduleStreamEvent(1, at: .zero + .seconds(5))
        #expect(scheduler.pendingCount == 1)
        #expect(scheduler.next(notAfter: .zero + .seconds(4)) == nil)
        #expect(scheduler.next(notAfter: .zero + .seconds(5)) == 1 && scheduler.pendingCount == 0)
    }
}
