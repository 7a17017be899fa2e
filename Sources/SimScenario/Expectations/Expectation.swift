import SimMetrics
import SimReports

/// A property one architecture's run must show, stated in the scenario file and checked after
/// every run: a metric of `metrics.json`, a comparison and its limits. A statement about the
/// mean over seeds (`"mean": {…}` with a `confidence`) is checked by `ripple check --seeds`
/// instead: the confidence interval of the mean must lie on the passing side.
///
/// An expectation names one architecture; the reader turns `"architecture": "all"` into one
/// expectation per architecture.
public struct Expectation: Sendable, Equatable {
    /// The metric's path below `architectures.<name>` in `metrics.json`, such as `latency.success.p99Ms`.
    public var metric: String
    /// The architecture measured.
    public var architecture: String
    /// How the measured value must compare with the limits.
    public var comparison: Comparison
    /// The scenario's reason, shown when the expectation fails.
    public var why: String?
    /// For a statement about the mean over seeds, the confidence of its interval (0.95); `nil`
    /// when every run must show the property.
    public var confidence: Double?
    /// How much worse than its baseline figure the mean may get, a fraction; `nil` for the default.
    public var tolerance: Double?
    /// Whether the metric is a truth value, such as `recovery.metastable`, compared with `equals`
    /// `true` (a limit of 1) or `false` (0).
    public var isTruth: Bool

    /// An expectation that `metric` of `architecture` compares as `comparison` states: in every
    /// run, unless `confidence` makes it a statement about the mean over seeds.
    public init(metric: String, architecture: String, comparison: Comparison, why: String? = nil,
                confidence: Double? = nil, tolerance: Double? = nil, isTruth: Bool = false) {
        self.isTruth = isTruth
        self.metric = metric
        self.architecture = architecture
        self.comparison = comparison
        self.why = why
        self.confidence = confidence
        self.tolerance = tolerance
    }

    /// The metric's unit as verdicts show it: `"ms"`, `Verdict.truthUnit` or `""`.
    public var unit: String { isTruth ? Verdict.truthUnit : isDuration ? "ms" : "" }

    /// Whether it is about the mean over seeds, which one run cannot show.
    public var isAboutTheMean: Bool { confidence != nil }

    /// Whether the metric is a duration in milliseconds: its key ends in `Ms`.
    public var isDuration: Bool { Self.isDuration(metric) }

    /// Whether `metric`'s last key ends in `Ms`, the mark of a duration in milliseconds.
    public static func isDuration(_ metric: String) -> Bool {
        metric.split(separator: ".").last?.hasSuffix("Ms") ?? false
    }

    /// Every architecture whose run the expectation reads: its own and those its limits refer to.
    public var architecturesRead: [String] {
        [architecture] + comparison.references.filter { $0 != architecture }
    }

    /// The expectation as a line: `events latency.success.p99Ms ≤ 0.1 × sync`, or for a mean
    /// `sync mean latency.success.p99Ms ≥ 10 × events (95% confidence)`.
    public var text: String {
        guard let confidence else { return "\(architecture) \(metric) \(comparison.text)" }
        return "\(architecture) mean \(metric) \(comparison.text) (\(Format.compact(confidence * 100, significant: 4))% confidence)"
    }

    /// The expectation as `ripple check` reports it, apart from any run.
    public var statement: ExpectationStatement {
        ExpectationStatement(text: text, architecture: architecture, metric: metric, why: why, unit: unit,
                             relation: comparison.relation, confidence: confidence, tolerance: tolerance)
    }
}

/// How a measured value must compare with its limits. Each case is named by its key in the
/// scenario file.
public enum Comparison: Sendable, Equatable {
    /// Strictly less than the limit.
    case below(Bound)
    /// Strictly greater than the limit.
    case above(Bound)
    /// Less than or equal to the limit.
    case atMost(Bound)
    /// Greater than or equal to the limit.
    case atLeast(Bound)
    /// Exactly the limit (as `metrics.json` writes both).
    case equals(Bound)
    /// From the first limit to the second, both included.
    case between(Bound, Bound)

    /// The keys that name a comparison in a scenario file.
    public static let keys = ["below", "above", "atMost", "atLeast", "equals", "between"]

    /// The limits, in order.
    public var bounds: [Bound] {
        switch self {
        case .below(let b), .above(let b), .atMost(let b), .atLeast(let b), .equals(let b): [b]
        case .between(let low, let high): [low, high]
        }
    }

    /// The architectures whose values the limits are ratios of, without repeats, in order.
    public var references: [String] {
        var names: [String] = []
        for case .ratio(let other, _, _) in bounds where !names.contains(other) { names.append(other) }
        return names
    }

    /// Whether `value` compares as required with `limits` (the bounds' values, in order).
    public func holds(_ value: Double, limits: [Double]) -> Bool {
        relation.holds(value, limits: limits)
    }

    /// The relation without its limits.
    public var relation: Relation {
        switch self {
        case .below: .below
        case .above: .above
        case .atMost: .atMost
        case .atLeast: .atLeast
        case .equals: .equals
        case .between: .between
        }
    }

    /// `≤ 0.1 × sync`, `between 50ms and 150ms`.
    public var text: String {
        switch self {
        case .below(let b): "< " + b.text
        case .above(let b): "> " + b.text
        case .atMost(let b): "≤ " + b.text
        case .atLeast(let b): "≥ " + b.text
        case .equals(let b): "= " + b.text
        case .between(let low, let high): "between \(low.text) and \(high.text)"
        }
    }
}

/// One limit of a comparison.
public enum Bound: Sendable, Equatable {
    /// A fixed value in the metric's unit (milliseconds for durations), and how the file wrote
    /// it (`"100ms"`, `0.05`).
    case value(Double, written: String)
    /// `times` × the same metric in architecture `of`'s run of the same seed.
    case ratio(of: String, times: Double, written: String)

    /// The limit as written: `100ms`, `0.05`, `0.1 × sync`.
    public var text: String {
        switch self {
        case .value(_, let written): written
        case .ratio(let other, _, let written): written == "1" ? other : written + " × " + other
        }
    }
}
