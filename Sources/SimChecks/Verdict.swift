import SimMetrics

/// Whether one expectation held in one run: what was expected, what was measured, and which
/// other architectures' figures the limit came from.
public struct Verdict: Sendable, Equatable {
    /// The expectation as a line, as in `events latency.success.p99Ms ≤ 0.1 × sync`.
    public var text: String
    /// The architecture measured.
    public var architecture: String
    /// The metric's path below `architectures.<name>` in `metrics.json`.
    public var metric: String
    /// The scenario's reason for the expectation, if it gives one.
    public var why: String?
    /// The value in `metrics.json`; `nil` when the run has none (for example a division by zero).
    public var measured: Double?
    /// `"ms"` for durations (metrics whose key ends in `Ms`), `Verdict.truthUnit` for a truth
    /// value (measured as 1 for `true`, 0 for `false`), else `""`.
    public var unit: String
    /// The figures a ratio's limit came from, as in `sync 4.01 s`; empty for fixed limits.
    public var references: [String]
    /// Whether the expectation held.
    public var holds: Bool
    /// The limits' values in this run, in order (a ratio's already multiplied out); empty when
    /// one could not be worked out because a run had no value for it.
    public var limits: [Double]

    /// The verdict of one expectation in one run: `measured` against `limits`, with `holds`
    /// already judged.
    public init(text: String, architecture: String, metric: String, why: String?, measured: Double?, unit: String,
                references: [String], holds: Bool, limits: [Double] = []) {
        self.text = text
        self.architecture = architecture
        self.metric = metric
        self.why = why
        self.measured = measured
        self.unit = unit
        self.references = references
        self.holds = holds
        self.limits = limits
    }

    /// How an expectation came out in one run.
    public enum Status: Sendable, Equatable {
        /// It held.
        case passed
        /// It failed on a measured value.
        case failed
        /// It failed because the run had no value for its metric or for a ratio's reference.
        case noData
    }

    /// Whether it held, failed on a value, or had no value to judge (which fails too).
    public var status: Status {
        if holds { return .passed }
        if measured == nil || (!references.isEmpty && limits.isEmpty) { return .noData }
        return .failed
    }

    /// The unit of a truth value such as `recovery.metastable`, measured as 1 or 0.
    public static let truthUnit = "true/false"

    /// Whether the metric is a truth value rather than a number.
    public var isTruth: Bool { unit == Self.truthUnit }

    /// `value` as people read it: a duration as `Format.duration` writes it (`"78.9 ms"`), a
    /// count or ratio as `metrics.json` does (`"0"`, `"0.5361"`), a truth value as `"true"`.
    public func reading(_ value: Double?) -> String {
        Self.reading(value, unit: unit)
    }

    /// `value` in `unit`, as `reading(_:)` writes it; a duration to `significant` digits.
    static func reading(_ value: Double?, unit: String, significant: Int = 3) -> String {
        guard let value else { return "no data" }
        guard unit != truthUnit else { return value != 0 ? "true" : "false" }
        guard unit != "ms" else { return Format.duration(nanoseconds: value * 1e6, significant: significant) }
        return Format.decimal(value, decimals: 6) + unit
    }

    /// What was measured against what it was held to, with digits enough to tell the two apart:
    /// `"measured 200.04 ms, limit 200 ms"`, `"measured 41, limits 10 … 20"`; `"no data"` for a
    /// value the run lacks.
    public var judgement: String {
        guard let measured else { return "measured: no data (the run has no value for \(metric))" }
        guard !limits.isEmpty else { return "measured \(reading(measured)), limit: no data (\(references.joined(separator: ", ")))" }
        let significant = digitsTellingApart(measured)
        func text(_ value: Double) -> String { Self.reading(value, unit: unit, significant: significant) }
        let noun = limits.count == 1 ? "limit" : "limits"
        return "measured \(text(measured)), \(noun) " + limits.map(text).joined(separator: " … ")
    }

    /// The significant digits, from 3 up to 9, that write `measured` unlike every limit it
    /// differs from (`24.84 ms` against a limit of 24.8 ms, where 3 digits read `24.8 ms` twice).
    func digitsTellingApart(_ measured: Double) -> Int {
        var significant = 3
        func text(_ value: Double) -> String { Self.reading(value, unit: unit, significant: significant) }
        while significant < 9, limits.contains(where: { $0 != measured && text($0) == text(measured) }) { significant += 1 }
        return significant
    }

    /// What was measured, with digits enough to tell it from its limits, and the figures a ratio
    /// compared it to: `"78.9 ms (sync 59.5 s)"`.
    public var measurement: String {
        let value = measured.map { Self.reading($0, unit: unit, significant: digitsTellingApart($0)) } ?? reading(nil)
        return value + (references.isEmpty ? "" : " (" + references.joined(separator: ", ") + ")")
    }

    /// One line for terminals and `summary.md`: `"✓ events … ≤ 0.1 × sync: 78.9 ms (sync 59.5 s)"`;
    /// an expectation without data to judge fails and says so: `"✗ … : no data"`.
    public var line: String {
        (holds ? "✓ " : "✗ ") + text + ": " + measurement
    }

    /// The limits as this run worked them out, in the metric's unit: `"4.01 s"`,
    /// `"10 … 20"` for a range; `"no data"` when a reference had no value.
    public var limitText: String {
        guard !limits.isEmpty else { return reading(nil) }
        return limits.map { reading($0) }.joined(separator: " … ")
    }
}
