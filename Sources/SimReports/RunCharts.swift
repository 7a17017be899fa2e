import SimKernel
import SimMetrics

/// The charts of a run over time, built from each architecture's time series, with every
/// fault window shaded and labelled. Charts of counts start their y axis at 0; latency's
/// fits its values. A chart that would have no series is not built, nor is
/// any chart of a run whose time series has no row.
///
/// x is the end of each interval in seconds since the start, the same as `time_s` in
/// `timeseries.csv`. A line of more than `pointLimit` rows is drawn from `pointLimit` of them,
/// each stretch's lowest and highest (`ChartSeries.thinned(toAtMost:)`), so a long run's charts
/// stay small enough to open; `timeseries.csv` keeps every row.
public enum RunCharts {
    /// The most points a line of a run's chart is drawn from: about three a pixel of a plot's
    /// width, and more than the rows of any example in `scenarios/` (a few hundred), drawn whole.
    public static let pointLimit = 2_000

    /// Every chart that has something to show, in reading order: latency, lag, throughput,
    /// workers; each keeps room for the longest y tick label of any, so stacked on a page their
    /// plots share a left edge as well as a time span.
    /// - Complexity: O(n) in the number of time-series rows.
    public static func charts(of report: RunReport) -> [RunChart] {
        // A run a limit stopped at its start has no row: axes without a point would read as data.
        guard report.architectures.contains(where: { !$0.metrics.series.rows.isEmpty }) else { return [] }
        var charts = [latency(of: report), lag(of: report), throughput(of: report), workers(of: report)].compactMap { $0 }
        for index in charts.indices {
            charts[index].chart.xQuantity = .seconds
            charts[index].chart.xEndsAtSpan = true
        }
        let room = charts.map { chart in
            ChartLayout(chart: chart.chart, width: RunChart.width, height: RunChart.height).yAxis.ticks.map(\.label.count).max() ?? 0
        }.max() ?? 0
        for index in charts.indices { charts[index].chart.yTickLabelRoom = room }
        return charts
    }

    /// User-facing latency (successes and failures alike), p50 and p99 per interval in ms,
    /// one series per architecture and percentile, an architecture's two in one colour (p50
    /// dashed); logarithmic when the values span two decades or more. Intervals in which no
    /// request finished are skipped.
    public static func latency(of report: RunReport) -> RunChart? {
        var series: [ChartSeries] = []
        for (index, architecture) in report.architectures.enumerated() {
            for (percentile, value) in [("p50", \TimeSeriesRow.latencyP50), ("p99", \TimeSeriesRow.latencyP99)] {
                series.append(ChartSeries(name: architecture.name + " " + percentile, points: points(of: architecture) { row, _ in
                    row[keyPath: value] > 0 ? Double(row[keyPath: value]) / 1e6 : .nan
                }, paletteSlot: slot(ofArchitecture: index, dashed: percentile == "p50")))
            }
        }
        guard !series.isEmpty else { return nil }
        series = series.map { $0.thinned(toAtMost: pointLimit) }
        let isLogarithmic = spansDecades(series, 2)
        var chart = Chart(title: "User-facing latency", xLabel: "time since the start",
                          yLabel: isLogarithmic ? "latency (log scale)" : "latency",
                          series: series, windows: windows(of: report), yScale: isLogarithmic ? .logarithmic : .linear,
                          xSpan: span(of: report))
        chart.yQuantity = .milliseconds
        return RunChart(kind: .latency, chart: chart, caption:
            "What users wait for: how far each design's p99 climbs in the fault window, and how soon it recovers.")
    }

    /// Consumer lag in events: every gauge ending in " lag", per architecture.
    public static func lag(of report: RunReport) -> RunChart? {
        let series = gaugeSeries(of: report, endingWith: " lag").map { $0.thinned(toAtMost: pointLimit) }
        guard !series.isEmpty else { return nil }
        var chart = Chart(title: "Consumer lag", xLabel: "time since the start", yLabel: "lag (events)",
                          series: series, windows: windows(of: report), xSpan: span(of: report))
        chart.yStartsAtZero = true
        return RunChart(kind: .lag, chart: chart, caption:
            "Events not yet handled: lag that builds in the fault and then drains is a slowdown kept from users.")
    }

    /// Requests that succeeded and that failed, per second, per architecture, an
    /// architecture's two in one colour (failures dashed). The axis title is short enough to
    /// fit the shortest plot a full legend leaves.
    public static func throughput(of report: RunReport) -> RunChart? {
        var series: [ChartSeries] = []
        for (index, architecture) in report.architectures.enumerated() {
            series.append(ChartSeries(name: architecture.name + " succeeded", points: points(of: architecture) { row, seconds in
                Double(row.succeeded) / seconds
            }, paletteSlot: slot(ofArchitecture: index, dashed: false)))
            series.append(ChartSeries(name: architecture.name + " failed", points: points(of: architecture) { row, seconds in
                Double(row.failed) / seconds
            }, paletteSlot: slot(ofArchitecture: index, dashed: true)))
        }
        guard !series.isEmpty else { return nil }
        series = series.map { $0.thinned(toAtMost: pointLimit) }
        var chart = Chart(title: "Throughput and errors", xLabel: "time since the start", yLabel: "requests/s",
                          series: series, windows: windows(of: report), xSpan: span(of: report))
        chart.yStartsAtZero = true
        return RunChart(kind: .throughput, chart: chart, caption:
            "Answers per second: a dip in succeeded or a rise in failed is felt by users; a burst after is a backlog.")
    }

    /// Busy workers per service as a share of its pool: every gauge ending in " busy", per
    /// architecture, over the service's `workers`, with the whole pool (100 %) dashed. Pools of
    /// 10 and of 400 share the axis alike, so the pool that runs dry shows whatever its size.
    public static func workers(of report: RunReport) -> RunChart? {
        var series: [ChartSeries] = []
        for architecture in report.architectures {
            for (column, name) in architecture.metrics.series.gaugeNames.enumerated() where name.hasSuffix(" busy") {
                let service = String(name.dropLast(" busy".count))
                guard let pool = architecture.metrics.services.first(where: { $0.name == service })?.workers, pool > 0 else { continue }
                series.append(ChartSeries(name: "\(architecture.name) \(service) (pool \(pool))", points: points(of: architecture) { row, _ in
                    row.gauges[column].isNaN ? .nan : 100 * row.gauges[column] / Double(pool)
                }, paletteSlot: series.count))
            }
        }
        guard !series.isEmpty else { return nil }
        series = series.map { $0.thinned(toAtMost: pointLimit) }
        let whole = ChartPalette.colours.count - 1 + ChartPalette.colours.count  // black, dashed
        // Drawn first, under the lines: a pool run dry lies on it, in its own colour.
        series.insert(ChartSeries(name: "whole pool", points: [(0, 100), (report.length.seconds, 100)], paletteSlot: whole), at: 0)
        var chart = Chart(title: "Busy workers per service, as a share of its pool", xLabel: "time since the start", yLabel: "% of pool busy",
                          series: series, windows: windows(of: report), xSpan: span(of: report))
        chart.yStartsAtZero = true
        return RunChart(kind: .workers, chart: chart, caption:
            "Each service's busy workers as a share of its pool: a line at the dashed 100 % has run it dry.")
    }

    // MARK: Parts

    /// The whole run in seconds, from the start to the end of the drain, or to the latest stop
    /// when every architecture stopped early (an event budget or a line limit): every chart of
    /// a run covers it, so their time axes line up.
    static func span(of report: RunReport) -> ClosedRange<Double> {
        // When every architecture stopped early, nothing was recorded after the last stop.
        let end = report.architectures.map { $0.metrics.stoppedAt?.sinceStart ?? report.length }.max() ?? report.length
        return 0...Swift.max(end.seconds, 0)
    }

    /// The run's fault windows in seconds; a window without an end runs to the end of the run.
    /// Each is cut at the end of the time axis, and one that begins after it is left out.
    static func windows(of report: RunReport) -> [ChartWindow] {
        let end = span(of: report).upperBound
        return report.windows.compactMap {
            guard $0.start.seconds < end else { return nil }
            return ChartWindow(start: $0.start.seconds, end: Swift.min(($0.end ?? report.length).seconds, end), label: $0.label)
        }
    }

    /// One point per row of `architecture`'s series: x the row's end in seconds, y `value` of
    /// the row and the length of its interval in seconds (never zero).
    static func points(of architecture: ArchitectureReport,
                       _ value: (TimeSeriesRow, Double) -> Double) -> [(x: Double, y: Double)] {
        var previous = TimeSpan.zero
        return architecture.metrics.series.rows.map { row in
            let end = row.end.sinceStart
            let interval = end - previous
            previous = end
            return (end.seconds, interval.nanoseconds > 0 ? value(row, interval.seconds) : .nan)
        }
    }

    /// A series per gauge whose name ends in `suffix`, per architecture, named
    /// "architecture gauge" without the suffix: "events email" for `email lag` in `events`.
    static func gaugeSeries(of report: RunReport, endingWith suffix: String) -> [ChartSeries] {
        var series: [ChartSeries] = []
        for architecture in report.architectures {
            for (column, name) in architecture.metrics.series.gaugeNames.enumerated() where name.hasSuffix(suffix) {
                series.append(ChartSeries(name: architecture.name + " " + name.dropLast(suffix.count),
                                          points: points(of: architecture) { row, _ in row.gauges[column] }))
            }
        }
        return series
    }

    /// The palette slot of a series of the `index`th architecture: one colour per architecture,
    /// solid or dashed, so two figures of one design read as a pair.
    static func slot(ofArchitecture index: Int, dashed: Bool) -> Int {
        index + (dashed ? ChartPalette.colours.count : 0)
    }

    /// Whether the positive finite y values of `series` span at least `decades` powers of ten.
    static func spansDecades(_ series: [ChartSeries], _ decades: Int) -> Bool {
        var low = Double.infinity, high = 0.0
        for line in series {
            for point in line.points where point.y.isFinite && point.y > 0 {
                low = Swift.min(low, point.y)
                high = Swift.max(high, point.y)
            }
        }
        var ratio = 1.0
        for _ in 0..<decades { ratio *= 10 }
        return high >= low * ratio
    }
}
