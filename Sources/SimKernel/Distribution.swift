/// A probability distribution of non-negative integer values: nanoseconds for durations,
/// plain numbers for counts.
///
/// Each case is how people describe such values: a constant, a uniform range, an
/// exponential with a mean, a normal truncated at zero, a lognormal given (mu, sigma) or
/// (median, p99), a Pareto heavy tail, a percentile table, or a weighted mixture.
///
/// Not `indirect`: a mixture nests its parts through an array already, so the common cases
/// (an exponential, a constant) keep their numbers inline and copying one counts no references.
public enum Distribution: Hashable, Sendable {
    /// Always `value`.
    case constant(Int64)
    /// Uniform on the closed range `min...max`.
    case uniform(min: Int64, max: Int64)
    /// Exponential with the given mean.
    case exponential(mean: Double)
    /// Normal, resampled until non-negative (truncated at zero, not clamped).
    case normal(mean: Double, standardDeviation: Double)
    /// `exp(N(mu, sigma))`, in the value's own unit (nanoseconds for durations).
    case lognormal(mu: Double, sigma: Double)
    /// Pareto type I: `scale / U^(1/shape)`; values are at least `scale`.
    case pareto(scale: Double, shape: Double)
    /// Linear interpolation in a table of (cumulative probability, value) points.
    case empirical(EmpiricalTable)
    /// One of several distributions, chosen with probability proportional to its weight.
    case mixture([WeightedDistribution])

    /// The lognormal whose median and 99th percentile are given: how engineers quote latency.
    public static func lognormal(median: Double, p99: Double) -> Distribution {
        let z99 = standardNormalQuantile(0.99)
        return .lognormal(mu: Math.ln(median), sigma: Math.ln(p99 / median) / z99)
    }

    /// The largest value any sample takes: one hundred days in nanoseconds. Heavy tails are
    /// cut here so that a sample can never overflow the clock.
    @inlinable public static var sampleCeiling: Int64 { 100 * 86_400 * 1_000_000_000 }
}

/// One weighted part of a mixture.
public struct WeightedDistribution: Hashable, Sendable {
    /// The relative weight, positive.
    public var weight: Double
    /// The distribution drawn from when this part is chosen.
    public var distribution: Distribution

    /// A mixture part drawing from `distribution` with relative weight `weight`.
    public init(weight: Double, distribution: Distribution) {
        self.weight = weight
        self.distribution = distribution
    }
}

/// A percentile table such as `p50: 20ms, p90: 45ms, p99: 120ms, max: 2s`, read as a
/// piecewise-linear quantile function from (0, min) to (1, max).
public struct EmpiricalTable: Hashable, Sendable {
    /// Cumulative probabilities, strictly increasing from 0 to 1.
    public private(set) var probabilities: [Double]
    /// Values at those probabilities, non-decreasing.
    public private(set) var values: [Double]

    /// A table from points `(probability, value)`; `nil` unless the probabilities rise strictly
    /// from 0 to 1 and the values never fall.
    public init?(points: [(probability: Double, value: Double)]) {
        guard points.count >= 2, points.first?.probability == 0, points.last?.probability == 1 else { return nil }
        for (a, b) in zip(points, points.dropFirst()) where !(a.probability < b.probability && a.value <= b.value) {
            return nil
        }
        probabilities = points.map(\.probability)
        values = points.map(\.value)
    }

    /// The value at cumulative probability `u`.
    /// - Complexity: O(log k) for k points.
    public func quantile(_ u: Double) -> Double {
        var low = 0, high = probabilities.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if probabilities[mid] <= u { low = mid } else { high = mid }
        }
        let span = probabilities[high] - probabilities[low]
        return values[low] + (values[high] - values[low]) * (u - probabilities[low]) / span
    }
}
