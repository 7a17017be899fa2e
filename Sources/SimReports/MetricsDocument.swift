import SimChecks
import SimKernel
import SimMetrics

/// Writes `metrics.json`: the run's `Measurements` below `architectures`, with what was run and
/// the verdicts; keys sorted, durations in milliseconds (keys ending in `Ms`). `docs/metrics.md`
/// documents each field.
public enum MetricsDocument {
    /// The schema's version; it changes when a field changes meaning or moves.
    public static let schemaVersion = 1

    /// The text of `metrics.json` for `report`.
    public static func render(_ report: RunReport) -> String {
        render(report, measurements: report.measurements)
    }

    /// The text of `metrics.json` for `report`, whose figures are `measurements` (`report.measurements`, already built).
    public static func render(_ report: RunReport, measurements: Measurements) -> String {
        document(report, measurements: measurements).rendered
    }

    /// `metrics.json` for `report`, whose figures are `measurements`, as a value to write.
    public static func document(_ report: RunReport, measurements: Measurements) -> JSONOutput {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("ripple", .object([("version", .string(report.version))])),
            ("scenario", .object([
                ("name", .string(report.name)),
                ("seed", .number(String(report.seed))),
                ("fnv1a64", report.scenarioHash.map { .string(FNV1a64.text($0)) } ?? .null),
                ("durationMs", JSONOutput(.milliseconds(report.duration.nanoseconds))),
                ("drainMs", JSONOutput(.milliseconds(report.drain.nanoseconds))),
                ("faults", .array(report.faults.map { .string($0) })),
            ])),
            ("architectures", .object(measurements.architectures.map { ($0.name, JSONOutput($0.figures)) })),
            ("expectations", .array(report.verdicts.map(expectation))),
            ("unchecked", .array(report.unchecked.map { .string($0) })),
            ("verdict", .string(report.verdict.rawValue)),
        ])
    }

    /// One checked expectation: what it says, what was measured, whether it held.
    static func expectation(_ verdict: Verdict) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("text", .string(verdict.text)),
            ("architecture", .string(verdict.architecture)),
            ("metric", .string(verdict.metric)),
            ("measured", verdict.measured.map { verdict.isTruth ? .bool($0 != 0) : .decimal($0, decimals: 6) } ?? .null),
            ("passed", .bool(verdict.holds)),
            ("noData", .bool(verdict.status == .noData)),
        ]
        if let why = verdict.why { members.append(("why", .string(why))) }
        return .object(members)
    }
}
