
/// What values a metric of `metrics.json` can take, which decides the interval of its mean
/// over seeds: never outside what is possible.
public enum MetricKind: Sendable, Equatable {
    /// A truth value measured as 1 or 0 in each run (`recovery.metastable`): its mean, the
    /// share of seeds where it held, gets a Wilson score interval, exact for such trials.
    case truth
    /// A rate or a fraction in [0, 1] (`requests.errorRate`, a service's `utilisation`): each
    /// run's value is already an average over many requests, so its mean gets Student's t,
    /// kept inside [0, 1] (Wilson's, taking each run as one trial, would be as wide as for
    /// truth values and make a mean below a small rate unprovable with any sensible number of seeds).
    case fraction
    /// A count, a duration, a ratio of counts or a gauge: never negative, so its mean's
    /// interval (Student's t) stops at 0.
    case nonNegative

    /// The kind of the metric at `path` below `architectures.<name>`, as in
    /// `requests.errorRate`; `isTruth` for a truth value such as `recovery.metastable`.
    public static func of(_ path: String, isTruth: Bool = false) -> MetricKind {
        let key = path.split(separator: ".").last.map(String.init) ?? path
        guard !isTruth, !truthKeys.contains(key) else { return .truth }
        return fractionKeys.contains(key) ? .fraction : .nonNegative
    }

    /// The last keys of the metrics that are fractions.
    static let fractionKeys: Set<String> = ["errorRate", "utilisation"]
    /// The last keys of the truth values (1 or 0).
    static let truthKeys: Set<String> = ["measurable", "recovered", "metastable", "converged"]

    /// The confidence interval at `level` of the mean of `statistics` for a metric of this
    /// kind: Wilson's for a truth value (Student's t, kept inside [0, 1], if a value strays
    /// outside), Student's t kept inside [0, 1] for a fraction and stopped at 0 otherwise; `nil`
    /// when there are too few values.
    /// - Complexity: O(n) in the count, for the t quantile.
    public func interval(of statistics: RunningStatistics, level: Double) -> ClosedRange<Double>? {
        if takesWilson(statistics) { return statistics.wilsonInterval(level: level) }
        return statistics.confidenceInterval(level: level).map { clamp($0) }
    }

    /// Which ends of `interval(of:level:)` are not Student's t but the bound of what the metric
    /// can take (0, or 1 for a fraction), put where the t interval went past it: the mean lies
    /// inside, but that end says only that the t method, with few seeds or skewed values,
    /// reached beyond the possible.
    /// - Complexity: O(n) in the count, for the t quantile.
    public func boundedEnds(of statistics: RunningStatistics, level: Double) -> (lower: Bool, upper: Bool) {
        guard !takesWilson(statistics), let student = statistics.confidenceInterval(level: level) else { return (false, false) }
        let kept = clamp(student)
        return (kept.lowerBound > student.lowerBound, kept.upperBound < student.upperBound)
    }

    /// Whether the mean of `statistics` gets Wilson's interval: a truth value's, with every value in [0, 1].
    func takesWilson(_ statistics: RunningStatistics) -> Bool {
        self == .truth && statistics.count >= 2 && statistics.min >= 0 && statistics.max <= 1
    }

    /// `range` kept inside what the kind allows: [0, 1] or [0, ∞).
    public func clamp(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        let top = self == .nonNegative ? Double.infinity : 1.0
        let low = Swift.min(Swift.max(range.lowerBound, 0), top), high = Swift.min(Swift.max(range.upperBound, 0), top)
        return low...high
    }
}
