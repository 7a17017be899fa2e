import SimMetrics

/// Committed figures a check's means are compared with, so a change that makes a metric
/// worse fails even while its expectation still holds: scenario → architecture → metric →
/// the metric's mean over the check's seeds.
public struct Baseline: Sendable, Equatable {
    /// The figures by scenario name, architecture name and metric path.
    public var figures: [String: [String: [String: Double]]]

    /// How much worse than its figure a mean may get when its expectation states no tolerance: 10 %.
    public static let defaultTolerance = 0.1

    /// A baseline of `figures` by scenario name, architecture name and metric path; empty by default.
    public init(figures: [String: [String: [String: Double]]] = [:]) {
        self.figures = figures
    }

    /// The figure for one metric of one architecture of one scenario, if the baseline has one.
    public func figure(scenario: String, architecture: String, metric: String) -> Double? {
        figures[scenario]?[architecture]?[metric]
    }

    /// How many figures there are.
    public var count: Int { figures.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } }

    /// This baseline with every scenario of `report` holding exactly the means it measured;
    /// scenarios the report did not check keep their figures.
    public func updated(with report: CheckReport) -> Baseline {
        var updated = self
        for scenario in report.scenarios {
            var architectures: [String: [String: Double]] = [:]
            for metric in scenario.baselineMetrics {
                guard let mean = metric.mean else { continue }
                architectures[metric.architecture, default: [:]][metric.metric] = mean
            }
            updated.figures[scenario.name] = architectures.isEmpty ? nil : architectures
        }
        return updated
    }
}

/// One metric's mean over the seeds of a check, compared with its baseline figure.
public struct BaselineCheck: Sendable, Equatable {
    /// The architecture measured.
    public var architecture: String
    /// The metric's path below `architectures.<name>` in `metrics.json`.
    public var metric: String
    /// `"ms"` for durations, else `""`.
    public var unit: String
    /// Which way the metric's expectations say it gets worse.
    public var worse: WorseDirection
    /// How much worse than the figure the mean may get, as a fraction of the figure.
    public var tolerance: Double
    /// The mean over the seeds; `nil` when a run had no value.
    public var mean: Double?
    /// The committed figure; `nil` when the baseline has none.
    public var baseline: Double?

    /// The comparison of one metric's `mean` with its `baseline` figure (`nil` until a baseline
    /// supplies one).
    public init(architecture: String, metric: String, unit: String, worse: WorseDirection, tolerance: Double,
                mean: Double?, baseline: Double? = nil) {
        self.architecture = architecture
        self.metric = metric
        self.unit = unit
        self.worse = worse
        self.tolerance = tolerance
        self.mean = mean
        self.baseline = baseline
    }

    /// Whether the mean is no worse than the figure by more than the tolerance (a figure of 0
    /// allows no change for the worse). A missing mean or figure fails.
    public var holds: Bool {
        guard let mean, let baseline else { return false }
        guard worse.isWorse(mean, than: baseline) else { return true }
        return abs(mean - baseline) <= tolerance * abs(baseline)
    }

    /// The check as a line: `baseline: events latency.success.p99Ms`.
    public var text: String { "baseline: \(architecture) \(metric)" }

    /// `mean 78.9 ms, baseline 75.2 ms: +4.9% (worse beyond +10%)`.
    public var outcome: String {
        func reading(_ value: Double) -> String { Verdict.reading(value, unit: unit, significant: 6) }
        guard let mean else { return "no mean: a run had no value" }
        guard let baseline else { return "mean \(reading(mean)); no baseline figure (record one with --update-baseline)" }
        var text = "mean \(reading(mean)), baseline \(reading(baseline))"
        if baseline != 0 {
            let change = (mean - baseline) / abs(baseline) * 100
            text += ": " + (change < 0 ? "-" : "+") + Format.decimal(abs(change), decimals: 1) + "%"
        }
        let limit = Format.compact(tolerance * 100) + "%"
        switch worse {
        case .larger: return text + " (worse beyond +\(limit))"
        case .smaller: return text + " (worse beyond -\(limit))"
        case .either: return text + " (worse beyond ±\(limit))"
        }
    }
}
