/// One expectation as the scenario states it, apart from any run: what `ripple check` needs
/// to judge it over seeds and to compare it with a baseline.
public struct ExpectationStatement: Sendable, Equatable {
    /// The expectation as a line, as in `events latency.success.p99Ms ≤ 0.1 × sync`.
    public var text: String
    /// The architecture measured.
    public var architecture: String
    /// The metric's path below `architectures.<name>` in `metrics.json`.
    public var metric: String
    /// The scenario's reason for it, if it gives one.
    public var why: String?
    /// `"ms"` for durations, `Verdict.truthUnit` for a truth value, else `""`.
    public var unit: String
    /// How the measured value must compare with the limits.
    public var comparison: Comparison
    /// For a statement about the mean over seeds, the confidence of the interval that must lie
    /// on the passing side (0.95 for 95 %); `nil` when every run must pass on its own.
    public var confidence: Double?
    /// How much worse than its baseline figure the mean may get, as a fraction (0.1 for 10 %);
    /// `nil` for the default.
    public var tolerance: Double?

    /// A statement `text` about `metric` of `architecture`: about single runs unless `confidence`
    /// is given, with the default baseline tolerance unless `tolerance` is.
    public init(text: String, architecture: String, metric: String, why: String?, unit: String, comparison: Comparison,
                confidence: Double? = nil, tolerance: Double? = nil) {
        self.text = text
        self.architecture = architecture
        self.metric = metric
        self.why = why
        self.unit = unit
        self.comparison = comparison
        self.confidence = confidence
        self.tolerance = tolerance
    }

    /// The verdict of one run, from what it measured.
    public func verdict(measured: Double?, references: [String], limits: [Double], holds: Bool) -> Verdict {
        Verdict(text: text, architecture: architecture, metric: metric, why: why, measured: measured, unit: unit,
                references: references, holds: holds, limits: limits)
    }

    /// `value` as `metrics.json` writes it, with the unit.
    public func reading(_ value: Double?) -> String {
        Verdict.reading(value, unit: unit)
    }

    /// Whether the metric is a truth value rather than a number.
    public var isTruth: Bool { unit == Verdict.truthUnit }
}

/// What one run of `ripple check` (one scenario under one seed) found.
public struct CheckRun: Sendable, Equatable {
    /// The seed the scenario ran under.
    public var seed: UInt64
    /// One verdict per expectation, in the scenario's order.
    public var verdicts: [Verdict]
    /// A failed verdict for each architecture a limit stopped before its planned end
    /// (`✗ sync stopped at the event budget …`): its figures cover only part of the run.
    public var stops: [Verdict]
    /// Each architecture run twice, when determinism was checked; else empty.
    public var repeats: [RepeatedRun]
    /// What `--swarm` drew for this seed, as a line; `nil` without a swarm.
    public var schedule: String?

    /// What a run under `seed` found: `verdicts` in expectation order, the `stops` of
    /// architectures a limit cut short, `repeats` when determinism was checked, and the swarm's
    /// `schedule` when swarming.
    public init(seed: UInt64, verdicts: [Verdict], stops: [Verdict] = [], repeats: [RepeatedRun] = [], schedule: String? = nil) {
        self.seed = seed
        self.verdicts = verdicts
        self.stops = stops
        self.repeats = repeats
        self.schedule = schedule
    }
}
