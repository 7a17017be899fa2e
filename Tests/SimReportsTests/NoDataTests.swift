import SimKernel
import SimMetrics
import Testing
@testable import SimReports

/// No data is never zero: a figure the run does not define is `null` in metrics.json, an
/// empty cell in timeseries.csv, `–` in the tables and a gap in the charts; the requests
/// never answered are a figure of their own.
struct NoDataTests {
    /// Two seconds of one service: three requests arrive in the first second and one of them
    /// is answered; none arrive or are answered in the second, when `back` applies nothing.
    static func report(requests: Int = 3) -> RunReport {
        var metrics = ArchitectureMetrics(serviceNames: ["front", "back"], targets: ["back"], keyCount: 4, gaugeNames: ["front busy"])
        metrics.services[0].workers = 1  // at work, so metrics.json gives it a row
        for _ in 0..<requests { metrics.recordArrival() }
        if requests > 0 { metrics.recordResponse(latency: .milliseconds(40), failure: nil) }
        metrics.closeInterval(at: Instant(nanoseconds: 1_000_000_000), gauges: [2])
        metrics.closeInterval(at: Instant(nanoseconds: 2_000_000_000), gauges: [0])
        metrics.closeInterval(at: Instant(nanoseconds: 3_000_000_000), gauges: [1])
        let sync = ArchitectureReport(name: "sync", kind: "sync", metrics: metrics, stopReason: "timeLimit", events: 10)
        return RunReport(name: "quiet", description: "", seed: 1, duration: .seconds(2), drain: .seconds(1), version: "0.0.0-test",
                         faults: [], windows: [], architectures: [sync])
    }

    func figure(_ path: String, in report: RunReport) -> String? {
        report.measurements.value(at: path, in: "sync").map { JSONOutput($0).compact }
    }

    @Test func metricsWriteNullWhereTheRunHasNoValue() {
        let report = Self.report()
        #expect(figure("latency.failure.count", in: report) == "0")
        for key in ["meanMs", "stddevMs", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs"] {
            #expect(figure("latency.failure." + key, in: report) == "null", "\(key)")
        }
        #expect(figure("latency.success.p99Ms", in: report) == "40")
        #expect(figure("run.warmupEndMs", in: report) == "null", "no warm-up is not a warm-up ending at 0")
        let empty = Self.report(requests: 0)
        for path in ["requests.errorRate", "cost.attemptsPerRequest", "cost.workerSecondsPerRequest", "services.front.callAttemptsPerRequest"] {
            #expect(figure(path, in: empty) == "null", "\(path)")
        }
        #expect(figure("requests.errorRate", in: report) == "0")
    }

    /// Worker time per request after a warm-up that every request arrived in has nothing to
    /// divide by: `null` and `–`, not 0 (which a sweep would have averaged in).
    @Test func workerSecondsPerRequestAfterAWarmupThatTookEveryRequestIsNoData() {
        var report = Self.report()
        report.architectures[0].metrics.endWarmup(at: Instant(nanoseconds: 1_500_000_000))
        #expect(report.architectures[0].workerSecondsPerRequest == nil)
        #expect(figure("cost.workerSecondsPerRequest", in: report) == "null")
        #expect(HeadlineRows.rows(report, compact: true).contains(["worker-seconds / request", "–"]))
        #expect(figure("cost.attemptsPerRequest", in: report) != "null", "counts keep the whole run")
    }

    /// A run that took no sample (a limit stopped it at its start): its consumer lag has no
    /// peak (`null` in metrics.json, `–` in the tables) and it has no chart, rather than empty axes.
    @Test func aRunWithoutSamplesHasNoLagPeakAndNoCharts() {
        var metrics = ArchitectureMetrics(serviceNames: ["front"], targets: ["back"], keyCount: 4, gaugeNames: ["back lag"])
        metrics.recordArrival()
        let events = ArchitectureReport(name: "events", kind: "events", metrics: metrics, stopReason: "timeLimit", events: 3)
        let report = RunReport(name: "short", description: "", seed: 1, duration: .milliseconds(1), drain: .zero, version: "0.0.0-test",
                               faults: [], windows: [], architectures: [events])
        #expect(HeadlineRows.rows(report, compact: true).contains(["peak consumer lag", "–"]))
        #expect(RunCharts.charts(of: report).isEmpty)
        let html = ReportPage.render(report)
        #expect(html.contains("No time series was recorded.") && !html.contains("<figure>"))
    }

    @Test func requestsNeverAnsweredAreCounted() {
        let report = Self.report()
        #expect(report.architectures[0].unansweredAtEnd == 2)
        #expect(figure("requests.unansweredAtEnd", in: report) == "2")
        let rows = HeadlineRows.rows(report, compact: true)
        #expect(rows.contains(["unanswered at end", "2"]))
        #expect(HeadlineRows.rows(Self.report(requests: 0), compact: true).contains(["failed", "0 (–)"]))
        #expect(HeadlineRows.rows(Self.report(requests: 0), compact: true).contains(["attempts / request", "–"]))
    }

    @Test func timeSeriesLeavesCellsWithoutDataEmpty() {
        let lines = TimeSeriesTable.render(Self.report()).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "sync,1,3,1,0,0,0,40.000,40.000,0,,0,2")
        #expect(lines[2] == "sync,2,0,0,0,0,0,,,0,,0,0")
    }

    /// A NaN y breaks the line into stretches: a gap, not a fall to zero nor a bridge.
    @Test func chartsBreakTheLineWhereThereIsNoData() {
        let chart = Chart(title: "t", xLabel: "x", yLabel: "y",
                          series: [ChartSeries(name: "a", points: [(1, 5), (2, 6), (3, .nan), (4, 7), (5, .nan)], marksMissing: true),
                                   ChartSeries(name: "b", points: [(1, 1), (2, 2)])], windows: [], xSpan: 1...5)
        let svg = SVGChart.render(chart)
        #expect(XMLChecker.problems(in: svg) == [])
        let lines = svg.split(separator: "\n").filter { $0.hasPrefix("<polyline data-series=\"a\"") }
        #expect(lines.count == 2)
        #expect(lines.last?.contains("data-after-gap=\"true\"") == true)
        #expect(lines.first.map { $0.ranges(of: ",").count } == 2, "two points before the gap")
        #expect(svg.split(separator: "\n").filter { $0.hasPrefix("<circle data-series=\"a\"") }.count == 1, "the lone point after it")
        #expect(svg.ranges(of: "data-no-data=\"a\"").count == 2 && !svg.contains("data-no-data=\"b\""))
        // Marked at the top of the plot with a guide down it: at the foot it would read as zero.
        let layout = ChartLayout(chart: chart, width: 760, height: 320)
        let marks = svg.split(separator: "\n").filter { $0.hasPrefix("<text data-no-data=\"a\"") }
        #expect(marks.allSatisfy { $0.contains("y=\"\(XMLWriter.pixels(layout.top + 14))\"") }, "\(marks)")
        #expect(svg.ranges(of: "<line data-no-data-guide=\"a\"").count == 2)
    }
}
