import Dispatch

/// Runs independent jobs on several threads and hands back their results in job order, so
/// what is printed never depends on how many threads there were or which finished first.
///
/// This is the only concurrency in Ripple, and it lives across runs: each job is a whole
/// simulation (one scenario under one seed, or one architecture of it) with its own state, run
/// start to finish on one thread. Nothing inside a simulation is ever shared or parallel.
public enum ParallelRuns {
    /// A limit on threads: the same as `ripple check --jobs` has.
    public static let maximumThreads = 256

    /// `body(0) … body(count − 1)`, computed on up to `threads` threads, in index order.
    /// `inOrder`, if given, is handed each job's result in index order, as soon as that job and
    /// every earlier one have finished; `progress`, if given, is then told how many jobs have
    /// finished, so a progress line it draws comes after the results it counts and stays
    /// while the next jobs run. Neither's calls ever overlap.
    ///
    /// - warning: `body` runs concurrently with itself: it must share nothing mutable.
    public static func map<Result: Sendable>(_ count: Int, threads: Int, progress: (@Sendable (Int) -> Void)? = nil,
                                      inOrder: (@Sendable (Int, Result) -> Void)? = nil,
                                      _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
        guard threads > 1, count > 1 else {
            return (0..<count).map { job in
                let result = body(job)
                inOrder?(job, result)
                progress?(job + 1)
                return result
            }
        }
        let board = JobBoard<Result>(count: count, progress: progress, inOrder: inOrder)
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while let job = board.take() { board.finish(job, with: body(job)) }
        }
        return board.results
    }
}

/// The jobs not yet taken and the results so far, behind one lock.
private final class JobBoard<Result: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private var next = 0
    private var slots: [Result?]
    private var finished = 0
    /// How many jobs from the first have finished and been handed to `inOrder`.
    private var handedOver = 0
    private let progress: (@Sendable (Int) -> Void)?
    private let inOrder: (@Sendable (Int, Result) -> Void)?

    init(count: Int, progress: (@Sendable (Int) -> Void)?, inOrder: (@Sendable (Int, Result) -> Void)?) {
        slots = Array(repeating: nil, count: count)
        self.progress = progress
        self.inOrder = inOrder
    }

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
        finished += 1
        while handedOver < slots.count, let next = slots[handedOver] {
            inOrder?(handedOver, next)
            handedOver += 1
        }
        progress?(finished)
    }

    /// Every result, once every job has finished.
    var results: [Result] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
