import SimMetrics

/// Writes `timeseries.csv`: one row per interval and architecture, the union of every
/// architecture's gauges as columns. A cell is empty where there is no data: a gauge the
/// architecture lacks, a latency in an interval no request was answered in, a staleness in
/// one no effect was applied in.
public enum TimeSeriesTable {
    /// The CSV of `timeseries.csv` for `report`: the fixed columns, then each gauge in the order
    /// first seen, named as `TimeSeriesColumn` says.
    /// - Complexity: O(r × g) for r time-series rows in all and g gauge columns.
    public static func render(_ report: RunReport) -> String {
        var gaugeNames: [String] = []
        var seen: Set<String> = []  // for lookups only: the columns keep the order first seen
        for a in report.architectures {
            for name in a.metrics.series.gaugeNames where seen.insert(name).inserted { gaugeNames.append(name) }
        }
        let header = TimeSeriesColumn.fixed + TimeSeriesColumn.names(ofGauges: gaugeNames)
        // Each architecture's gauge index of each gauge column, nil where it lacks the gauge.
        let columns = report.architectures.map { a in
            let index = Dictionary(a.metrics.series.gaugeNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            return gaugeNames.map { index[$0] }
        }
        var out: [UInt8] = []  // the table as UTF-8: appending bytes costs less than joining and appending strings
        out.reserveCapacity(reservedBytes(header: header.count, rows: zip(report.architectures, columns).map { a, columns in
            (count: a.metrics.series.rows.count, gauges: columns.count { $0 != nil })
        }))
        appendRow(header, to: &out)
        for (a, columns) in zip(report.architectures, columns) {
            for row in a.metrics.series.rows {
                let answered = row.succeeded + row.failed > 0  // else the interval's latency has no data
                var cells = [CSVCell.escaped(a.name), Format.seconds(nanoseconds: row.end.sinceStart.nanoseconds),
                             String(row.arrivals), String(row.succeeded), String(row.failed), String(row.timeouts), String(row.rejected),
                             answered ? Format.fixed(Double(row.latencyP50) / 1e6, decimals: 3) : "",
                             answered ? Format.fixed(Double(row.latencyP99) / 1e6, decimals: 3) : "",
                             String(row.applied), row.applied > 0 ? Format.fixed(Double(row.stalenessP99) / 1e6, decimals: 3) : "",
                             String(row.deadLettered)]
                cells += columns.map { $0.map { Format.compact(row.gauges[$0], significant: 9) } ?? "" }
                appendRow(cells, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes to reserve for a table of `header` columns over `rows`, each architecture's row
    /// count and how many of the gauge columns it has: 8 a cell it fills (cells are rarely
    /// longer than 7 bytes, and a comma), 1 a gauge cell it leaves empty (the comma alone).
    static func reservedBytes(header: Int, rows: [(count: Int, gauges: Int)]) -> Int {
        let gauges = header - TimeSeriesColumn.fixed.count
        return rows.reduce(8 * header) { bytes, rows in
            bytes + rows.count * (8 * (TimeSeriesColumn.fixed.count + rows.gauges) + (gauges - rows.gauges))
        }
    }

    /// Appends `cells` to `out` as one line of UTF-8, separated by commas.
    static func appendRow(_ cells: [String], to out: inout [UInt8]) {
        for (i, cell) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: cell.utf8)
        }
        out.append(UInt8(ascii: "\n"))
    }
}
