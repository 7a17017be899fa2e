import SimKernel

/// The user requests of a run, identical in every architecture: the same arrival times,
/// the same entity keys, in the same order (common random numbers).
public struct RequestSource: Sendable {
    let arrivals: ArrivalProcess
    let end: Instant
    let keyCount: Int
    /// Cumulative key weights for skewed keys; empty for uniform keys.
    let keyCumulative: [Double]
    var gapRandom: RandomStream
    var keyRandom: RandomStream
    /// Candidates for thinned (time-varying) arrivals are kept with probability rate / peak.
    var thinningRandom: RandomStream
    /// The draw of one random gap (Poisson arrivals) or candidate gap (thinned arrivals), made
    /// once: building a `Distribution` allocates.
    let randomGap: Distribution
    /// Poisson gaps drawn ahead of their arrivals, a batch at a time, and the next one to use.
    /// The gaps are the stream's numbers in the stream's order, so drawing them early changes
    /// none of them; drawn together, the logarithms of a batch overlap instead of each waiting
    /// on the event before it.
    var gapsAhead: InlineArray<16, Int64> = .init(repeating: 0)
    /// Past the batch until the first is drawn.
    var nextGapAhead = Int.max
    /// When the next request arrives.
    public private(set) var nextArrival: Instant
    /// How many requests have been issued.
    public private(set) var issued: UInt64 = 0

    /// The requests of `workload` in the run seeded `seed`, arriving before `end`; the first
    /// arrives one gap after time zero.
    public init(_ workload: WorkloadConfig, seed: UInt64, end: Instant) {
        arrivals = workload.arrivals
        self.end = end
        keyCount = workload.keyCount
        gapRandom = RandomStream(seed: seed, name: "workload/arrivals")
        keyRandom = RandomStream(seed: seed, name: "workload/keys")
        thinningRandom = RandomStream(seed: seed, name: "workload/thinning")
        switch workload.arrivals {
        case .poisson(let rate): randomGap = .exponential(mean: rate.exactMeanGapNanoseconds)
        case .constant: randomGap = .constant(0)  // never drawn
        case .ramp, .bursts, .daily: randomGap = .exponential(mean: 1e9 / workload.arrivals.peakRate)
        }
        switch workload.keySkew {
        case .uniform:
            keyCumulative = []
        case .zipf(let exponent):
            var total = 0.0
            keyCumulative = (1...workload.keyCount).map { rank in
                total += 1 / naturalExp(exponent * naturalLog(Double(rank)))
                return total
            }
        }
        nextArrival = .zero
        nextArrival = .zero + gap()
    }

    /// Whether another request arrives before the end of the arrival period.
    public var hasNext: Bool { nextArrival < end }

    /// Issues the request arriving at `nextArrival` and draws the arrival after it.
    public mutating func next() -> (id: UInt64, key: Int32) {
        let id = issued
        issued += 1
        nextArrival = nextArrival + gap()
        return (id, drawKey())
    }

    /// The time to the next arrival: for Poisson arrivals an exponential draw with the rate's
    /// exact mean gap, rounded to the nanosecond (at least 1 ns, so arrivals keep their order).
    mutating func gap() -> TimeSpan {
        switch arrivals {
        case .poisson(let rate):
            guard rate.milliEvents > 0 else { return .nanoseconds(.max) }
            if nextGapAhead >= gapsAhead.count { drawGapsAhead() }
            defer { nextGapAhead += 1 }
            return .nanoseconds(gapsAhead[nextGapAhead])
        case .constant(let rate):
            return rate.meanGap ?? .nanoseconds(.max)
        case .ramp, .bursts, .daily:
            return thinnedGap()
        }
    }

    /// Draws the next batch of Poisson gaps, each rounded to the nanosecond and at least 1 ns.
    mutating func drawGapsAhead() {
        for i in gapsAhead.indices { gapsAhead[i] = Swift.max(1, randomGap.sample(&gapRandom)) }
        nextGapAhead = 0
    }

    /// The gap to the next arrival of a time-varying Poisson process, by thinning: candidate
    /// gaps at the peak rate, each candidate kept with probability rate(t) / peak.
    mutating func thinnedGap() -> TimeSpan {
        let peak = arrivals.peakRate
        guard peak > 0 else { return .nanoseconds(.max) }
        var time = nextArrival.sinceStart
        for _ in 0..<1_000_000 {
            time += .nanoseconds(Swift.max(1, randomGap.sample(&gapRandom)))
            if thinningRandom.nextUnit() * peak < arrivals.rate(at: time) { return time - nextArrival.sinceStart }
        }
        return .nanoseconds(.max)  // the rate stayed at zero: no more arrivals
    }

    mutating func drawKey() -> Int32 {
        guard let total = keyCumulative.last else { return Int32(keyRandom.next(below: UInt64(keyCount))) }
        let u = keyRandom.nextUnit() * total
        var low = 0, high = keyCumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if keyCumulative[mid] <= u { low = mid + 1 } else { high = mid }
        }
        return Int32(low)
    }
}
