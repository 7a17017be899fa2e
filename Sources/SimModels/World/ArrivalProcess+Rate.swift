import SimKernel

/// The instantaneous rate of each arrival process, for drawing non-homogeneous Poisson
/// arrivals by thinning (Lewis and Shedler, 1979): candidates come at the highest rate, and
/// each is kept with probability rate(t) / highest rate.
extension ArrivalProcess {
    /// Arrivals per second at `time`.
    public func rate(at time: TimeSpan) -> Double {
        switch self {
        case .poisson(let rate), .constant(let rate):
            return rate.eventsPerSecond
        case .ramp(let from, let to, let over):
            guard over > .zero, time < over else { return to.eventsPerSecond }
            let progress = Double(time.nanoseconds) / Double(over.nanoseconds)
            return from.eventsPerSecond + (to.eventsPerSecond - from.eventsPerSecond) * progress
        case .bursts(let base, let peak, let every, let lasting):
            return time.nanoseconds % every.nanoseconds < lasting.nanoseconds ? peak.eventsPerSecond : base.eventsPerSecond
        case .daily(let mean, let amplitude, let period, let peakAt):
            let phase = Double((time - peakAt).nanoseconds % period.nanoseconds) / Double(period.nanoseconds)
            return mean.eventsPerSecond * (1 + amplitude * cosineOfTurns(phase))
        }
    }

    /// The highest rate the process reaches.
    public var peakRate: Double {
        switch self {
        case .poisson(let rate), .constant(let rate): rate.eventsPerSecond
        case .ramp(let from, let to, _): Swift.max(from.eventsPerSecond, to.eventsPerSecond)
        case .bursts(let base, let peak, _, _): Swift.max(base.eventsPerSecond, peak.eventsPerSecond)
        case .daily(let mean, let amplitude, _, _): mean.eventsPerSecond * (1 + amplitude)
        }
    }

    /// The average rate over the first `length` of the run.
    public func meanRate(over length: TimeSpan) -> Double {
        switch self {
        case .poisson(let rate), .constant(let rate):
            return rate.eventsPerSecond
        default:
            let steps = 1_000
            let step = Swift.max(1, length.nanoseconds / Int64(steps))
            var sum = 0.0
            for i in 0..<steps { sum += rate(at: .nanoseconds(Int64(i) * step + step / 2)) }
            return sum / Double(steps)
        }
    }

    /// cos(2π·turns) for turns in (−1, 1), through the kernel's math.
    func cosineOfTurns(_ turns: Double) -> Double { cosine(2 * Double.pi * turns) }
}
