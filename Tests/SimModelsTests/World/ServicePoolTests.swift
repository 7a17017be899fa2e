import Testing
import SimKernel
@testable import SimModels

/// A station on its own: workers, a FIFO line with a capacity, and a crash that empties it.
struct ServicePoolTests {
    @Test func jobsTakeFreeWorkersThenQueueThenAreRefused() {
        var pool = ServicePool(workers: 2, capacity: 1)
        let t = Instant.zero
        #expect(pool.admit(1, at: t) == .started && pool.admit(2, at: t) == .started)
        #expect(pool.admit(3, at: t + .seconds(1)) == .queued)
        #expect(pool.admit(4, at: t + .seconds(2)) == .rejected, "the line holds one")
        #expect(pool.busy == 2 && pool.queueLength == 1)
    }

    /// A freed worker goes to the oldest waiting job, with the time it joined the line; with
    /// nobody waiting, the worker is idle again.
    @Test func aFreedWorkerGoesToTheOldestWaitingJob() {
        var pool = ServicePool(workers: 1, capacity: nil)
        _ = pool.admit(1, at: .zero)
        _ = pool.admit(2, at: .zero + .seconds(1))
        _ = pool.admit(3, at: .zero + .seconds(2))
        let next = pool.release()
        #expect(next?.job == 2 && next?.since == .zero + .seconds(1))
        #expect(pool.release()?.job == 3)
        #expect(pool.release() == nil && pool.busy == 0)
        #expect(pool.admit(4, at: .zero + .seconds(3)) == .started)
    }

    @Test func aCrashDropsTheLineAndFreesEveryWorker() {
        var pool = ServicePool(workers: 1, capacity: nil)
        for job in 1...4 as ClosedRange<Int32> { _ = pool.admit(job, at: .zero) }
        #expect(pool.reset() == [2, 3, 4])
        #expect(pool.busy == 0 && pool.queueLength == 0)
    }
}
