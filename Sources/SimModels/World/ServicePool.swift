import SimKernel

/// A service's workers and its waiting line: at most `workers` jobs hold a worker, the rest
/// wait in FIFO order up to the line's capacity.
public struct ServicePool: Sendable {
    /// How many workers there are.
    public let workers: Int
    /// The longest line allowed; `Int.max` for none.
    public let capacity: Int
    /// Workers held right now.
    public private(set) var busy = 0
    /// The longest the line has been, crashes included.
    public private(set) var longestLine = 0
    /// Jobs waiting, with the time each joined the line; it starts with room for one and grows
    /// with use, so a service no architecture calls costs next to nothing.
    var line = RingBuffer<(job: Int32, since: Instant)>(capacity: 1)

    /// A pool of `workers` idle workers whose line holds at most `capacity` jobs (`nil`: no limit).
    public init(workers: Int, capacity: Int?) {
        self.workers = workers
        self.capacity = capacity ?? .max
    }

    /// Jobs waiting for a worker.
    public var queueLength: Int { line.count }

    /// What became of a job offered to the pool.
    public enum Admission { case started, queued, rejected }

    /// Offers `job`: it takes a free worker, joins the line, or is refused when the line is full.
    public mutating func admit(_ job: Int32, at now: Instant) -> Admission {
        if busy < workers {
            busy += 1
            return .started
        }
        guard line.count < capacity else { return .rejected }
        line.append((job, now))
        longestLine = Swift.max(longestLine, line.count)
        return .queued
    }

    /// Frees a worker and hands it to the next job in line, if any (which then holds it).
    public mutating func release() -> (job: Int32, since: Instant)? {
        if let next = line.popFirst() { return next }
        busy -= 1
        return nil
    }

    /// Empties the pool (a crash): returns the jobs that were waiting.
    public mutating func reset() -> [Int32] {
        var dropped: [Int32] = []
        while let item = line.popFirst() { dropped.append(item.job) }
        busy = 0
        return dropped
    }
}
