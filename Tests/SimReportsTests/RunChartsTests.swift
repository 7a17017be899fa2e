import SimKernel
import SimMetrics
import Testing
@testable import SimReports

/// A run's charts show each architecture's series, shade every fault window, and leave out
/// a chart with nothing to draw.
struct RunChartsTests {
    let report = RunReportFixture.report()

    /// The `data-series` values of the drawn lines, in order.
    func lines(in svg: String) -> [String] {
        svg.split(separator: "<").filter { $0.hasPrefix("polyline ") }.compactMap { tag in
            tag.firstRange(of: "data-series=\"").map { String(tag[$0.upperBound...].prefix { $0 != "\"" }) }
        }
    }

    func windowRects(in svg: String) -> Int {
        svg.split(separator: "<").filter { $0.hasPrefix("rect ") && $0.contains("data-window=") }.count
    }

    @Test func everyChartIsBuiltInReadingOrderAndRendersWellFormed() {
        let charts = RunCharts.charts(of: report)
        #expect(charts.map(\.kind) == [.latency, .lag, .throughput, .workers])
        for chart in charts {
            let svg = chart.svg()
            #expect(XMLChecker.problems(in: svg) == [], "\(chart.kind)")
            #expect(XMLChecker.problems(in: chart.svg(standalone: false)) == [], "\(chart.kind)")
            #expect(!chart.caption.isEmpty && !chart.caption.contains("\n") && chart.caption.count <= 105, "one line on the page")
            #expect(svg == chart.svg(), "\(chart.kind) renders byte-identically")
        }
    }

    /// Stacked on the page, the charts' plots share a left edge as well as a time span.
    @Test func chartsShareTheirPlotsLeftEdge() {
        let lefts = RunCharts.charts(of: report).map { ChartLayout(chart: $0.chart, width: RunChart.width, height: RunChart.height).left }
        #expect(lefts.count == 4 && Set(lefts).count == 1)
    }

    @Test func latencyHasOneSeriesPerArchitectureAndPercentileInMilliseconds() throws {
        let latency = try #require(RunCharts.latency(of: report))
        #expect(lines(in: latency.svg()) == ["sync p50", "sync p99", "events p50", "events p99"])
        let sync99 = latency.chart.series[1].points
        #expect(sync99.count == 300 && sync99[0].x == 1 && sync99[0].y == Double(report.architectures[0].metrics.series.rows[0].latencyP99) / 1e6)
        #expect(sync99[200].y.isNaN, "an interval in which nothing finished is skipped, not drawn as zero")
        // 20 ms to over 2 s spans two decades: a logarithmic axis, and the label says so.
        #expect(latency.chart.yScale == .logarithmic && latency.chart.yLabel == "latency (log scale)")
    }

    /// An architecture's two latency lines, and its two throughput lines, share a colour; the
    /// second is dashed; architectures differ in colour.
    @Test func anArchitecturesPairOfLinesSharesAColour() throws {
        func strokes(_ svg: String) -> [String] {
            svg.split(separator: "<").filter { $0.hasPrefix("polyline ") }.map { tag in
                let colour = tag.firstRange(of: "stroke=\"").map { String(tag[$0.upperBound...].prefix(7)) } ?? ""
                return colour + (tag.contains("stroke-dasharray") ? " dashed" : "")
            }
        }
        let latency = try #require(RunCharts.latency(of: report)), throughput = try #require(RunCharts.throughput(of: report))
        let expected = ["#0072B2 dashed", "#0072B2", "#D55E00 dashed", "#D55E00"]
        #expect(strokes(latency.svg()) == expected)
        #expect(strokes(throughput.svg()) == ["#0072B2", "#0072B2 dashed", "#D55E00", "#D55E00 dashed"])
        #expect(latency.svg().ranges(of: "stroke-dasharray").count == 4, "two lines and their legend swatches")
    }

    @Test func latencyWithinADecadeStaysLinear() throws {
        var calm = report
        calm.architectures.removeFirst()
        let latency = try #require(RunCharts.latency(of: calm))
        #expect(latency.chart.yScale == .linear && latency.chart.yLabel == "latency")
    }

    @Test func everyChartShadesAndLabelsEveryFaultWindow() {
        for chart in RunCharts.charts(of: report) {
            #expect(chart.chart.windows.map(\.label) == ["slow email", "crash notification"])
            #expect(windowRects(in: chart.svg()) == 2, "\(chart.kind)")
            #expect(chart.svg().contains(">crash notification</text>"))
        }
    }

    @Test func aWindowWithoutAnEndRunsToTheEndOfTheRun() {
        let windows = RunCharts.windows(of: report)
        #expect(windows[0].start == 60 && windows[0].end == 120)
        #expect(windows[1].start == 250 && windows[1].end == report.length.seconds)
        for chart in RunCharts.charts(of: report) { #expect(chart.chart.xSpan == 0...300, "\(chart.kind) spans the whole run") }
    }

    /// A run every architecture stopped early has no data after the last stop: its time axis
    /// ends there (not 24 h later, with the data a sliver at the left), and a fault window is
    /// cut there or left out.
    @Test func aRunStoppedEarlyIsChartedUpToItsLastStop() {
        var stopped = report
        stopped.architectures[0].metrics.stoppedAt = Instant(nanoseconds: 100_000_000_000)
        #expect(RunCharts.span(of: stopped) == 0...300, "one architecture ran to the end")
        stopped.architectures[1].metrics.stoppedAt = Instant(nanoseconds: 90_000_000_000)
        #expect(RunCharts.span(of: stopped) == 0...100)
        let windows = RunCharts.windows(of: stopped)
        #expect(windows.map(\.label) == ["slow email"] && windows.first?.end == 100)
        for chart in RunCharts.charts(of: stopped) { #expect(chart.chart.xSpan == 0...100, "\(chart.kind)") }
    }

    @Test func lagAndWorkersTakeEveryMatchingGaugePerArchitecture() throws {
        let lag = try #require(RunCharts.lag(of: report))
        #expect(lines(in: lag.svg()) == ["events email", "events notification"])
        #expect(lag.chart.yLabel == "lag (events)")
        #expect(lag.chart.series[0].points.map(\.y).max() == Double(60 * 180))
        let workers = try #require(RunCharts.workers(of: report))
        #expect(lines(in: workers.svg()) == ["whole pool", "sync payment (pool 50)", "sync email (pool 40)", "events payment (pool 8)"])
        #expect(workers.chart.yLabel == "% of pool busy")
        let whole = workers.chart.series[0]
        #expect(whole.points.map(\.y) == [100, 100] && whole.points.map(\.x) == [0, 300], "the whole pool across the run")
        let busy = report.architectures[0].metrics.series.rows.map { $0.gauges[report.architectures[0].metrics.series.gaugeNames.firstIndex(of: "payment busy")!] }
        #expect(workers.chart.series[1].points.map(\.y).max() == 100 * busy.max()! / 50, "busy workers over the pool of 50")
    }

    /// However many architectures share the legend, the throughput axis's title is whole.
    @Test func theThroughputAxisTitleFitsBesideAFullLegend() throws {
        var crowded = report
        crowded.architectures = (0..<8).map { index in
            var architecture = report.architectures[index % 2]
            architecture.name = "architecture-number-\(index)"
            return architecture
        }
        let throughput = try #require(RunCharts.throughput(of: crowded))
        let layout = ChartLayout(chart: throughput.chart, width: RunChart.width, height: RunChart.height)
        #expect(layout.bottom - layout.top < 100, "the legend leaves the plot its least height")
        #expect(layout.yLabel == throughput.chart.yLabel && !layout.yLabel.contains("…"), "\(layout.yLabel)")
    }

    @Test func throughputIsPerSecondOfEachInterval() throws {
        var report = report
        // Stretch sync's intervals to two seconds each: the same counts are half the rate.
        var metrics = ArchitectureMetrics(serviceNames: [], targets: [], keyCount: 1, gaugeNames: [])
        for t in 1...3 {
            for _ in 0..<10 { metrics.recordResponse(latency: .milliseconds(5), failure: nil) }
            metrics.recordResponse(latency: .milliseconds(5), failure: .rejected)
            metrics.closeInterval(at: Instant(nanoseconds: Int64(t) * 2_000_000_000), gauges: [])
        }
        report.architectures[0].metrics = metrics
        let throughput = try #require(RunCharts.throughput(of: report))
        #expect(lines(in: throughput.svg()) == ["sync succeeded", "sync failed", "events succeeded", "events failed"])
        #expect(throughput.chart.series[0].points.map(\.y) == [5, 5, 5])
        #expect(throughput.chart.series[1].points.map(\.x) == [2, 4, 6] && throughput.chart.series[1].points.map(\.y) == [0.5, 0.5, 0.5])
        #expect(throughput.chart.series[2].points.prefix(180).allSatisfy { $0.y == 20 })
    }

    @Test func aChartWithNoSeriesIsLeftOut() {
        var report = report
        report.architectures.removeLast()  // only sync: no consumer lag
        #expect(RunCharts.lag(of: report) == nil)
        #expect(RunCharts.charts(of: report).map(\.kind) == [.latency, .throughput, .workers])
        report.architectures = []
        #expect(RunCharts.charts(of: report).isEmpty)
    }
}

/// The time axis reads in people's units and ends where the run ends; a latency axis reads
/// as durations.
struct RunChartAxesTests {
    func layout(_ chart: RunChart) -> ChartLayout { ChartLayout(chart: chart.chart, width: RunChart.width, height: RunChart.height) }

    @Test func theTimeAxisIsInMinutesAndEndsAtTheRunsEnd() throws {
        for chart in RunCharts.charts(of: RunReportFixture.report()) {
            let x = layout(chart).xAxis
            #expect(x.ticks.map(\.label) == ["0 min", "1 min", "2 min", "3 min", "4 min", "5 min"], "\(chart.kind)")
            #expect(x.lower == 0 && x.upper == 300 && x.ticks.last?.fraction == 1, "\(chart.kind)")
            #expect(chart.svg().contains(">5 min</text>") && !chart.svg().contains(">300</text>"))
        }
    }

    /// A run of 350 s ends its axis at 350 s, between two round ticks, not at the next one.
    @Test func anAxisEndsBetweenRoundTicksWhenTheRunDoes() {
        var chart = Chart(title: "t", xLabel: "time", yLabel: "y", series: [ChartSeries(name: "a", points: [(0, 1), (350, 2)])],
                          windows: [], xSpan: 0...350)
        chart.xQuantity = .seconds
        chart.xEndsAtSpan = true
        let x = ChartLayout(chart: chart, width: 860, height: 360).xAxis
        #expect(x.upper == 350 && x.ticks.last?.label == "5 min" && (x.ticks.last?.fraction ?? 1) < 1)
        chart.xSpan = 0...100
        chart.series = [ChartSeries(name: "a", points: [(0, 1), (100, 2)])]
        #expect(ChartLayout(chart: chart, width: 860, height: 360).xAxis.ticks.map(\.label).suffix(2) == ["80 s", "100 s"])
    }

    /// A lag of 1 000 to 1 010 events, a pool of 50 with 40 to 45 busy, 100 to 110 requests a
    /// second: each count's axis starts at 0, so a steady value does not read as a swing from nothing.
    @Test func countChartsStartTheirAxisAtZero() throws {
        var report = RunReportFixture.report()
        var metrics = ArchitectureMetrics(serviceNames: ["payment"], targets: [], keyCount: 1, gaugeNames: ["email lag", "payment busy"])
        metrics.services[0].workers = 50
        for t in 1...300 {
            for _ in 0..<(100 + t % 11) { metrics.recordResponse(latency: .milliseconds(5), failure: nil) }
            metrics.closeInterval(at: Instant(nanoseconds: Int64(t) * 1_000_000_000), gauges: [Double(1_000 + t % 11), Double(40 + t % 6)])
        }
        report.architectures = [report.architectures[1]]
        report.architectures[0].metrics = metrics
        for chart in [RunCharts.lag(of: report), RunCharts.workers(of: report), RunCharts.throughput(of: report)] {
            let chart = try #require(chart)
            #expect(layout(chart).yAxis.ticks.first?.label == "0", "\(chart.kind): \(layout(chart).yAxis.ticks.map(\.label))")
        }
    }

    @Test func latencyTicksAreDurations() throws {
        let latency = try #require(RunCharts.latency(of: RunReportFixture.report()))
        #expect(layout(latency).yAxis.ticks.map(\.label) == ["10 ms", "100 ms", "1 s", "10 s"])
        let long = ChartAxis(covering: 10...100_000, scale: .logarithmic, maxIntervals: 8).labelledAsMilliseconds()
        #expect(long.ticks.map(\.label).suffix(2) == ["10 s", "100 s"], "a round 100 s, not 1.67 min")
        let linear = ChartAxis(covering: 0...180_000, scale: .linear, maxIntervals: 4).labelledAsMilliseconds()
        #expect(linear.ticks.map(\.label) == ["0 s", "50 s", "100 s", "150 s", "200 s"])
        let short = ChartAxis(covering: 0...250, scale: .linear, maxIntervals: 5).labelledAsMilliseconds()
        #expect(short.ticks.map(\.label) == ["0 ms", "50 ms", "100 ms", "150 ms", "200 ms", "250 ms"])
    }

    /// Each line of a long run's chart is drawn from at most `pointLimit` of its rows and keeps
    /// its lowest and highest value; the chart says so under it.
    @Test func aLongRunsLinesAreThinnedKeepingTheirExtremes() {
        let report = RunReportFixture.longReport()
        let unthinned = RunCharts.points(of: report.architectures[0]) { row, _ in row.gauges[0] }
        let charts = RunCharts.charts(of: report)
        #expect(charts.map(\.kind) == [.latency, .lag, .throughput, .workers])
        for chart in charts {
            for line in chart.chart.series where line.name != "whole pool" {
                #expect(line.points.count <= RunCharts.pointLimit && line.thinnedFrom == 100_000, "\(line.name)")
            }
            #expect(chart.thinningNote?.hasPrefix("Drawn from ") == true, "\(chart.kind)")
            #expect(chart.thinningNote?.contains(" of 100 000 samples a line") == true, "\(chart.kind)")
            #expect(chart.svg().count < 200_000, "\(chart.kind): \(chart.svg().count) bytes")
        }
        let lag = charts[1].chart.series[0].points.map(\.y), busy = charts[3].chart.series[1].points.map(\.y)
        #expect(lag.max() == 50_000 && lag.min() == unthinned.map(\.y).min() && busy.max() == 100 && busy.min() == 0, "8 of a pool of 8 at the spike")
        let latency = charts[0].chart.series[1].points.map(\.y).filter(\.isFinite)
        #expect(latency.min() == 5 && latency.max() == 17, "p99 from 5 ms to 17 ms")
    }

    /// A run of fewer rows than `pointLimit` draws every row, and its page and charts carry no
    /// note of thinning.
    @Test func aShortRunIsDrawnWhole() {
        let report = RunReportFixture.report(), charts = RunCharts.charts(of: report)
        for chart in charts {
            #expect(chart.thinningNote == nil && chart.chart.series.allSatisfy { $0.thinnedFrom == nil }, "\(chart.kind)")
        }
        #expect(charts[1].chart.series[0].points.count == report.architectures[1].metrics.series.rows.count)
        #expect(!ReportPage.render(report).contains("Drawn from"))
    }
}
