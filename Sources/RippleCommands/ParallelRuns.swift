import Dispatch
import Foundation

/// Runs independent jobs on several threads and hands back their results in job order, so
/// what is printed never depends on how many threads there were or which finished first.
enum ParallelRuns {
    /// `body(0) … body(count − 1)`, computed on up to `threads` threads, in index order.
    ///
    /// - warning: `body` runs concurrently with itself: it must share nothing mutable.
    static func map<Result: Sendable>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
        guard threads > 1, count > 1 else { return (0..<count).map(body) }
        let board = JobBoard<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while let job = board.take() { board.finish(job, with: body(job)) }
        }
        return board.results
    }
}

/// The jobs not yet taken and the results so far, behind one lock.
private final class JobBoard<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next job nobody has taken, or `nil` when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func finish(_ job: Int, with result: Result) {
        lock.lock()
        defer { lock.unlock() }
        slots[job] = result
    }

    /// Every result, once every job has finished.
    var results: [Result] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
