import SimMetrics

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
    /// The limits, in order: one, or two for `between`.
    public var bounds: [Bound]
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

    /// An expectation that `metric` of `architecture` compares as `comparison` states with
    /// `bounds` (as many as it takes): in every run, unless `confidence` makes it a statement
    /// about the mean over seeds.
    public init(metric: String, architecture: String, comparison: Comparison, bounds: [Bound], why: String? = nil,
                confidence: Double? = nil, tolerance: Double? = nil, isTruth: Bool = false) {
        precondition(bounds.count == comparison.limitCount, "\(comparison.rawValue) takes \(comparison.limitCount) limits")
        self.isTruth = isTruth
        self.bounds = bounds
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

    /// The architectures whose values the limits are ratios of, without repeats, in order.
    public var references: [String] {
        var names: [String] = []
        for case .ratio(let other, _, _) in bounds where !names.contains(other) { names.append(other) }
        return names
    }

    /// Every architecture whose run the expectation reads: its own and those its limits refer to.
    public var architecturesRead: [String] {
        [architecture] + references.filter { $0 != architecture }
    }

    /// The expectation as a line: `events latency.success.p99Ms ≤ 0.1 × sync`, or for a mean
    /// `sync mean latency.success.p99Ms ≥ 10 × events (95% confidence)`.
    public var text: String {
        guard let confidence else { return "\(architecture) \(metric) \(comparison.text(bounds))" }
        return "\(architecture) mean \(metric) \(comparison.text(bounds)) (\(Format.compact(confidence * 100, significant: 4))% confidence)"
    }

    /// The expectation as `ripple check` reports it, apart from any run.
    public var statement: ExpectationStatement {
        ExpectationStatement(text: text, architecture: architecture, metric: metric, why: why, unit: unit,
                             comparison: comparison, confidence: confidence, tolerance: tolerance)
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
