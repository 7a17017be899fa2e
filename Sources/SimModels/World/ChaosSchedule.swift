import SimKernel

/// A request for random faults: which kinds, on which services, how often and for how long.
/// The schedule is drawn from the run's seed, so the same seed gives the same chaos.
public struct ChaosSpec: Sendable {
    /// The kinds to draw from.
    public var kinds: [Kind]
    /// The services (or the broker) faults may hit.
    public var targets: [Int]
    /// The broker's node number, when `targets` may name it: it takes crash and pause faults
    /// only, so a drawn slow or errors fault goes to one of the services among `targets`.
    public var broker: Int?
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

    /// Chaos drawing `kinds` on `targets` (among which `broker` is the broker's node number);
    /// by default a slow fault makes its target ten times slower and an errors fault fails
    /// half its requests.
    public init(kinds: [Kind], targets: [Int], broker: Int? = nil, meanInterval: TimeSpan, meanDuration: TimeSpan, slowFactor: Double = 10,
                errorFraction: Probability = Probability(0.5), start: Instant, end: Instant) {
        self.kinds = kinds
        self.targets = targets
        self.broker = broker
        self.meanInterval = meanInterval
        self.meanDuration = meanDuration
        self.slowFactor = slowFactor
        self.errorFraction = errorFraction
        self.start = start
        self.end = end
    }

    /// The most faults chaos may be asked for: the window over the mean interval. A scenario
    /// asking for more is refused when it is read, so the schedule covers the whole window.
    public static let maximumExpectedFaults: Int64 = 10_000

    /// How many faults chaos draws on average: the window `start..<end` over `meanInterval`.
    public var expectedFaults: Int64 { (end - start).nanoseconds / Swift.max(1, meanInterval.nanoseconds) }

    /// Whether a fault of `kind` can hit the broker: a crash or a pause can, a slowdown or
    /// errors cannot (the broker does no work of a service's kind).
    public static func reachesBroker(_ kind: Kind) -> Bool { kind == .crash || kind == .pause }

    /// The faults drawn for `seed`, in start order, over the whole window: drawing stops only
    /// at `end`, so a spec within `maximumExpectedFaults` draws about `expectedFaults`. Each
    /// draw picks a kind, then a target among those the kind can hit. A draw that would
    /// overlap an earlier fault of the same kind on the same target is skipped, so the
    /// schedule is always valid.
    /// - Complexity: O(n) for n draws.
    public func schedule(seed: UInt64) -> [FaultConfig] {
        let serviceTargets = targets.filter { $0 != broker }
        var random = RandomStream(seed: seed, name: "chaos")
        var faults: [FaultConfig] = []
        // The latest end per (target, kind): faults are drawn in start order, so a new one
        // overlaps an earlier of its target and kind exactly when it starts before this end.
        var latestEnd: [Int: Instant] = [:]
        var time = start
        while true {
            time = time + .nanoseconds(Distribution.exponential(mean: Double(meanInterval.nanoseconds)).sample(&random))
            guard time < end else { break }
            let kindIndex = Int(random.next(below: UInt64(kinds.count)))
            let eligible = Self.reachesBroker(kinds[kindIndex]) ? targets : serviceTargets
            precondition(!eligible.isEmpty, "a chaos kind with no target it can hit (the reader refuses it)")
            let target = eligible[Int(random.next(below: UInt64(eligible.count)))]
            let length = Swift.max(1_000_000, Distribution.exponential(mean: Double(meanDuration.nanoseconds)).sample(&random))
            let fault = FaultConfig(kind: faultKind(kinds[kindIndex]), service: target, start: time, end: time + .nanoseconds(length))
            let slot = target * Kind.allCases.count + (Kind.allCases.firstIndex(of: kinds[kindIndex]) ?? 0)
            if let last = latestEnd[slot], last > fault.start { continue }
            latestEnd[slot] = fault.end
            faults.append(fault)
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
