import SimKernel

/// A request for random faults: which kinds, on which services, how often and for how long.
/// The schedule is drawn from the run's seed, so the same seed gives the same chaos.
public struct ChaosSpec: Sendable {
    /// The kinds to draw from.
    public var kinds: [Kind]
    /// The services (or the broker) faults may hit.
    public var targets: [Int]
    /// Mean time between fault starts (exponential gaps).
    public var meanInterval: TimeSpan
    /// Mean length of a fault (exponential, at least one millisecond).
    public var meanDuration: TimeSpan
    /// How much slower a `slow` fault makes its target.
    public var slowFactor: Double
    /// The fraction of requests an `errors` fault fails.
    public var errorFraction: Probability
    /// Faults start within `start..<end`.
    public var start: Instant
    /// No fault starts at or after this instant; one that starts before it may last past it.
    public var end: Instant

    /// The fault kinds chaos can draw.
    public enum Kind: String, Sendable, CaseIterable { case crash, pause, slow, errors }

    /// Chaos drawing `kinds` on `targets`; by default a slow fault makes its target ten times
    /// slower and an errors fault fails half its requests.
    public init(kinds: [Kind], targets: [Int], meanInterval: TimeSpan, meanDuration: TimeSpan, slowFactor: Double = 10,
                errorFraction: Probability = Probability(0.5), start: Instant, end: Instant) {
        self.kinds = kinds
        self.targets = targets
        self.meanInterval = meanInterval
        self.meanDuration = meanDuration
        self.slowFactor = slowFactor
        self.errorFraction = errorFraction
        self.start = start
        self.end = end
    }

    /// The faults drawn for `seed`, in start order. A draw that would overlap an earlier
    /// fault of the same kind on the same target is skipped, so the schedule is always valid.
    /// At most `limit` faults are drawn.
    public func schedule(seed: UInt64, limit: Int = 1_000) -> [FaultConfig] {
        var random = RandomStream(seed: seed, name: "chaos")
        var faults: [FaultConfig] = []
        var time = start
        for _ in 0..<limit {
            time = time + .nanoseconds(Distribution.exponential(mean: Double(meanInterval.nanoseconds)).sample(&random))
            guard time < end else { break }
            let kind = kinds[Int(random.next(below: UInt64(kinds.count)))]
            let target = targets[Int(random.next(below: UInt64(targets.count)))]
            let length = Swift.max(1_000_000, Distribution.exponential(mean: Double(meanDuration.nanoseconds)).sample(&random))
            let fault = FaultConfig(kind: faultKind(kind), service: target, start: time, end: time + .nanoseconds(length))
            let overlaps = faults.contains { $0.service == target && $0.kind == fault.kind && $0.end > fault.start }
            if !overlaps { faults.append(fault) }
        }
        return faults
    }

    func faultKind(_ kind: Kind) -> FaultKind {
        switch kind {
        case .crash: .crash
        case .pause: .pause
        case .slow: .slowBy(factor: slowFactor)
        case .errors: .errors(errorFraction)
        }
    }
}
