import SimMetrics

/// Writes a sweep's numbers for programs: `sweep.csv` and `sweep.json`, one row per
/// combination × architecture × metric with the values varied, the count of seeds that gave
/// a value, the mean and the confidence interval. Decimals have up to six places.
public enum SweepDocument {
    /// `sweep.csv`: a header, then a row per combination × architecture × metric. The first
    /// columns are the varied fields (headed by their paths), then `architecture`, `metric`,
    /// `n`, `mean`, `ci_low` and `ci_high`; a cell with no value is empty.
    public static func csv(_ report: SweepReport) -> String {
        let header = report.parameters.map(\.path) + ["architecture", "metric", "n", "mean", "ci_low", "ci_high"]
        var out = header.map(CSVCell.escaped).joined(separator: ",") + "\n"
        for row in report.rows {
            let cells = report.parameters.indices.map { report.value(of: $0, in: row.combination) }
                + [report.architectures[row.architecture], report.metrics[row.metric], String(row.count),
                   decimal(row.mean), decimal(row.interval?.lowerBound), decimal(row.interval?.upperBound)]
            out += cells.map(CSVCell.escaped).joined(separator: ",") + "\n"
        }
        return out
    }

    /// `sweep.json`, keys sorted: the scenario, the seeds, the parameters and their values, the
    /// metrics, and `rows`, each with its values by parameter path, `architecture`, `metric`,
    /// `n`, `mean`, `ciLow`, `ciHigh` (`null` when undefined) and `bySeed`, the metric under
    /// each seed in seed order; then `stoppedEarly`, the runs a limit stopped, each with its
    /// values, `architecture`, `seed` and `stoppedAtMs`.
    public static func json(_ report: SweepReport) -> String {
        JSONOutput.object([
            ("scenario", .string(report.name)),
            ("ripple", .object([("version", .string(report.version))])),
            ("seeds", .array(report.seeds.map { .number(String($0)) })),
            ("confidenceLevel", .decimal(report.level, decimals: 6)),
            ("parameters", .array(report.parameters.map { parameter in
                .object([("path", .string(parameter.path)), ("values", .array(parameter.values.map { value(parameter, $0) }))])
            })),
            ("architectures", .array(report.architectures.map { .string($0) })),
            ("metrics", .array(report.metrics.map { .string($0) })),
            ("rows", .array(report.rows.map { row in
                .object([
                    ("values", .object(report.parameters.indices.map { p in
                        (report.parameters[p].path, value(report.parameters[p], report.value(of: p, in: row.combination)))
                    })),
                    ("architecture", .string(report.architectures[row.architecture])),
                    ("metric", .string(report.metrics[row.metric])),
                    ("n", .int(row.count)),
                    ("mean", number(row.mean)),
                    ("ciLow", number(row.interval?.lowerBound)),
                    ("ciHigh", number(row.interval?.upperBound)),
                    ("bySeed", .array(row.values.map(number))),
                ])
            })),
            ("stoppedEarly", .array(report.stops.map { stop in
                .object([
                    ("values", .object(report.parameters.indices.map { p in
                        (report.parameters[p].path, value(report.parameters[p], report.value(of: p, in: stop.combination)))
                    })),
                    ("architecture", .string(report.architectures[stop.architecture])),
                    ("seed", .number(String(stop.seed))),
                    ("stoppedAtMs", .decimal(Double(stop.at.nanoseconds) / 1e6, decimals: 6)),
                ])
            })),
        ]).rendered
    }

    /// A parameter's value as the scenario writes it: a string, or a bare number or flag.
    static func value(_ parameter: SweepParameter, _ text: String) -> JSONOutput {
        switch parameter.kind {
        case .text: .string(text)
        case .number: .number(text)
        case .flag: .bool(text == "true")
        }
    }

    static func number(_ value: Double?) -> JSONOutput { value.map { .decimal($0, decimals: 6) } ?? .null }

    static func decimal(_ value: Double?) -> String { value.map { Format.decimal($0, decimals: 6) } ?? "" }
}
