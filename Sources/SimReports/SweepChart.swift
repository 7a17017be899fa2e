/// One plot of a sweep: a metric's mean over the seeds against the first varied field, a
/// line per architecture (per architecture and value of the other fields when several vary),
/// each with its confidence interval as a shaded band. Where no seed gave a value the line
/// breaks, a `×` marks the spot and the caption names it: no data is never drawn as zero.
public struct SweepChart: Sendable {
    /// The size every sweep plot is drawn at, in pixels, in its file and on the page alike.
    public static let width = 860, height = 400

    /// The metric plotted, as given.
    public var metric: String
    /// The file the plot is written to, named after the metric (`latency.success.p99Ms.svg`).
    public var fileName: String
    /// What is drawn.
    public var chart: Chart
    /// One sentence under the plot: what it shows and how to read the band.
    public var caption: String

    /// The plot as SVG: a `standalone` document for its own file, or an `<svg>` element
    /// without `xmlns` for inlining in an HTML page.
    /// - Complexity: O(n) in the number of points.
    public func svg(standalone: Bool = true) -> String {
        SVGChart.render(chart, width: SweepChart.width, height: SweepChart.height, standalone: standalone)
    }

    /// One plot per metric of `report`, in the order of its metrics.
    /// - Complexity: O(rows).
    public static func charts(of report: SweepReport) -> [SweepChart] {
        var names: [String] = []
        return report.metrics.indices.map { m in
            var name = fileStem(report.metrics[m])
            if names.contains(name) {
                var k = 2
                while names.contains(name + "-\(k)") { k += 1 }
                name += "-\(k)"
            }
            names.append(name)
            return chart(of: m, in: report, fileName: name + ".svg")
        }
    }

    static func chart(of m: Int, in report: SweepReport, fileName: String) -> SweepChart {
        let metric = report.metrics[m]
        let x = report.parameters[0]
        var series: [ChartSeries] = [], bands: [ChartBand] = [], gaps: [String] = []
        // A line per architecture and per value of the other parameters: architectures in file
        // order, each one's lines in the order of their values.
        var lines: [(name: String, architecture: Int, rows: [SweepRow])] = []
        for row in report.rows(ofMetric: m).sorted(by: { ($0.architecture, $0.combination) < ($1.architecture, $1.combination) }) {
            var name = report.architectures[row.architecture]
            if report.parameters.count > 1 { name += " · " + report.describe(combination: row.combination, leaving: 0) }
            if let i = lines.firstIndex(where: { $0.name == name }) { lines[i].rows.append(row) } else { lines.append((name, row.architecture, [row])) }
        }
        // An architecture keeps one colour, its lines told apart by dashes, while there are few
        // enough of both for that; otherwise every line takes the next colour.
        let shown = Array(Set(lines.map(\.architecture))).sorted()
        let perArchitecture = shown.map { a in lines.filter { $0.architecture == a }.count }.max() ?? 0
        let sharesColours = shown.count <= ChartPalette.colours.count && perArchitecture <= ChartPalette.dashes.count
        for (index, line) in lines.enumerated() {
            let ordered = line.rows.map { (x: x.positions[report.combinations[$0.combination][0]], row: $0) }
                .enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
            let colour = shown.firstIndex(of: line.architecture) ?? 0
            let round = lines[..<index].filter { $0.architecture == line.architecture }.count
            series.append(ChartSeries(name: line.name, points: ordered.map { (x: $0.x, y: $0.row.mean ?? .nan) },
                                      paletteSlot: sharesColours ? colour + ChartPalette.colours.count * round : nil,
                                      marksMissing: true))
            let missing = ordered.filter { $0.row.mean == nil }.map { x.values[report.combinations[$0.row.combination][0]] }
            if !missing.isEmpty { gaps.append(line.name + " at " + x.path + " = " + missing.joined(separator: ", ")) }
            bands.append(ChartBand(name: line.name, points: ordered.map {
                (x: $0.x, low: $0.row.interval?.lowerBound ?? .nan, high: $0.row.interval?.upperBound ?? .nan)
            }))
        }
        let isDuration = metric.split(separator: ".").last?.hasSuffix("Ms") ?? false
        var chart = Chart(title: metric + " against " + x.path, xLabel: x.axisLabel,
                          yLabel: metric + (isDuration ? " (ms)" : ""), series: series, windows: [], bands: bands,
                          xSpan: (x.positions.min() ?? 0)...(x.positions.max() ?? 0))  // every value, with data or not
        if let names = x.categories { chart.xQuantity = .categories(names) }
        let caption = "Mean of \(metric) over \(SweepReport.count(report.seeds.count, "seed")) for each value of \(x.path), "
            + "one line per architecture\(report.parameters.count > 1 ? " and value of the other fields" : ""); "
            + "the band is the \(report.percent) confidence interval for the mean."
            + (gaps.isEmpty ? "" : " No data (×, a gap in the line: no run of the design gave a value): " + gaps.joined(separator: "; ") + ".")
        return SweepChart(metric: metric, fileName: fileName, chart: chart, caption: caption)
    }

    /// `metric` with every character but ASCII letters, digits, `.`, `-` and `_` made a `-`.
    static func fileStem(_ metric: String) -> String {
        String(metric.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        })
    }
}
