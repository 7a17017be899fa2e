import Dispatch
import Testing
@testable import SimRuns

/// The lock keeps threads' updates of shared state from interleaving.
struct LockTests {
    @Test func countsFromManyThreadsAddUp() {
        final class Counter: @unchecked Sendable {
            let lock = Lock()
            var value = 0
        }
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 {
                counter.lock.lock()
                counter.value += 1
                counter.lock.unlock()
            }
        }
        #expect(counter.value == 80_000)
    }
}
