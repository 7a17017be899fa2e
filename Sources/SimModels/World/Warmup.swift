import SimKernel

/// The warm-up of a run: its start, while the system fills from empty, whose latencies,
/// staleness and worker time are left out of the figures, as steady-state studies do.
public enum Warmup: Sendable, Equatable {
    /// The first `TimeSpan` of the run.
    case time(TimeSpan)
    /// Until request number `count` arrives (the first `count` requests are the warm-up).
    case requests(Int)
}

extension WorldConfig {
    /// When the warm-up ends: after its time, or when request number `count` arrives (the
    /// same instant in every architecture), or at `duration` if fewer requests arrive. `nil`
    /// without a warm-up.
    /// - Complexity: O(`count`) for a warm-up in requests: the arrivals are drawn again.
    public var warmupEnd: Instant? {
        switch warmup {
        case nil: return nil
        case .time(let length): return .zero + length
        case .requests(let count):
            var source = RequestSource(workload, seed: seed, end: .zero + duration)
            while source.issued < UInt64(count), source.hasNext { _ = source.next() }
            return source.hasNext ? source.nextArrival : .zero + duration
        }
    }
}
