import Foundation
import Testing
@testable import SimRuns

/// Parallel runs hand back their results in job order, whatever order the threads finish in.
struct ParallelRunsTests {
    @Test func resultsAreHandedOverInOrderAsSoonAsTheirPrefixIsDone() {
        final class Order: @unchecked Sendable {
            let lock = NSLock()
            var seen: [Int] = []
            func add(_ job: Int) { lock.lock(); seen.append(job); lock.unlock() }
        }
        let order = Order()
        let results = ParallelRuns.map(64, threads: 4, inOrder: { job, result in
            #expect(job * job == result)
            order.add(job)
        }) { job in
            usleep(UInt32((64 - job) * 100))  // later jobs finish sooner
            return job * job
        }
        #expect(results == (0..<64).map { $0 * $0 })
        #expect(order.seen == Array(0..<64))
    }

    /// Each count of finished jobs comes after the results it lets through, so a progress
    /// line drawn on it is not cleared by their printing at once and shows while the next
    /// jobs run, on one thread or several.
    @Test func progressIsToldAfterTheResultsItCounts() {
        final class Calls: @unchecked Sendable {
            let lock = NSLock()
            var seen: [String] = []
            func add(_ call: String) { lock.lock(); seen.append(call); lock.unlock() }
        }
        for threads in [1, 4] {
            let calls = Calls()
            _ = ParallelRuns.map(8, threads: threads, progress: { calls.add("done \($0)") }, inOrder: { job, _ in calls.add("result \(job)") }) { $0 }
            if threads == 1 { #expect(calls.seen == (0..<8).flatMap { ["result \($0)", "done \($0 + 1)"] }) }
            #expect(calls.seen.last == "done 8", "threads: \(threads)")
        }
    }
}
