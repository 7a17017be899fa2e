import SimKernel
import SimMetrics

/// The confidence interval of a metric's mean over seeds, judged against the mean of its
/// limits: a statistical expectation holds when the whole interval lies on the passing side.
///
/// The interval comes from each seed's difference to its own limit (a paired comparison:
/// under a ratio such as `10 × events`, both architectures faced the same seed, so the noise
/// they share cancels), with Student's t for n − 1 degrees of freedom, and is shown around
/// the measured mean: `mean − half … mean + half`. For a fixed limit it is the ordinary
/// interval of the mean, or for a truth value (`MetricKind.truth`) the Wilson score interval.
/// Either way it stays inside what the metric can take: [0, 1] for a fraction or a truth
/// value, [0, ∞) else.
public struct MeanInterval: Sendable, Equatable {
    /// The metric's mean over the seeds.
    public var mean: Double
    /// The interval's ends, on the metric's scale.
    public var low: Double
    /// The interval's upper end: `mean + half`.
    public var high: Double
    /// The mean of each limit over the seeds (the limit itself when it is fixed).
    public var limits: [Double]
    /// The confidence, as 0.95 for 95 %.
    public var confidence: Double
    /// Whether the interval lies entirely on the passing side of the limits.
    public var holds: Bool

    /// The interval of `verdicts` (one per seed) at `confidence`, judged by `comparison`;
    /// `nil` with fewer than two seeds or when a run lacks its value or a limit.
    /// - Complexity: O(n) in the number of seeds, plus O(n) for the t quantile.
    public init?(_ verdicts: [Verdict], comparison: Comparison, confidence: Double) {
        guard verdicts.count >= 2, comparison != .equals else { return nil }
        let bounds = comparison.limitCount
        var measured = RunningStatistics()
        var limits = Array(repeating: RunningStatistics(), count: bounds)
        var differences = Array(repeating: RunningStatistics(), count: bounds)
        for verdict in verdicts {
            guard let value = verdict.measured, verdict.limits.count == bounds else { return nil }
            measured.add(value)
            for j in 0..<bounds {
                limits[j].add(verdict.limits[j])
                differences[j].add(value - verdict.limits[j])
            }
        }
        let t = StudentT.quantile((1 + confidence) / 2, degrees: verdicts.count - 1)
        let halves = differences.map { t * $0.standardDeviation / Double(verdicts.count).squareRoot() }
        mean = measured.mean
        let kind = MetricKind.of(verdicts[0].metric, isTruth: verdicts[0].isTruth)
        let isFixed = verdicts.allSatisfy(\.references.isEmpty)
        let range = (isFixed && kind == .truth ? kind.interval(of: measured, level: confidence) : nil)
            ?? kind.clamp((mean - halves[0])...(mean + halves[bounds - 1]))
        low = range.lowerBound
        high = range.upperBound
        self.limits = limits.map(\.mean)
        self.confidence = confidence
        switch comparison {
        case .below: holds = high < self.limits[0]
        case .atMost: holds = high <= self.limits[0]
        case .above: holds = low > self.limits[0]
        case .atLeast: holds = low >= self.limits[0]
        case .between: holds = low >= self.limits[0] && high <= self.limits[1]
        case .equals: return nil
        }
    }

    /// `95%`, `99.9%`.
    public var confidenceText: String { Format.compact(confidence * 100, significant: 4) + "%" }
}
