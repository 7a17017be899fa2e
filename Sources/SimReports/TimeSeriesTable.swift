/// Writes `timeseries.csv`: one row per interval and architecture, the union of every
/// architecture's gauges as columns (empty where an architecture has no such gauge).
public enum TimeSeriesTable {
    /// The CSV of `timeseries.csv` for `report`: the fixed columns, then each gauge in the order
    /// first seen.
    /// - Complexity: O(r × g) for r time-series rows in all and g gauge columns.
    public static func render(_ report: RunReport) -> String {
        var gaugeNames: [String] = []
        for a in report.architectures {
            for name in a.metrics.series.gaugeNames where !gaugeNames.contains(name) { gaugeNames.append(name) }
        }
        let fixed = ["architecture", "time_s", "arrivals", "succeeded", "failed", "timeouts", "rejected",
                     "latency_p50_ms", "latency_p99_ms", "applied", "staleness_p99_ms", "dead_lettered"]
        var out = (fixed + gaugeNames.map(CSVCell.escaped)).joined(separator: ",") + "\n"
        for a in report.architectures {
            let columns = gaugeNames.map { a.metrics.series.gaugeNames.firstIndex(of: $0) }
            for row in a.metrics.series.rows {
                var cells = [CSVCell.escaped(a.name), Format.compact(row.end.sinceStart.seconds, significant: 9),
                             String(row.arrivals), String(row.succeeded), String(row.failed), String(row.timeouts), String(row.rejected),
                             Format.fixed(Double(row.latencyP50) / 1e6, decimals: 3), Format.fixed(Double(row.latencyP99) / 1e6, decimals: 3),
                             String(row.applied), Format.fixed(Double(row.stalenessP99) / 1e6, decimals: 3),
                             String(row.deadLettered)]
                cells += columns.map { $0.map { Format.compact(row.gauges[$0], significant: 9) } ?? "" }
                out += cells.joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
