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
}
