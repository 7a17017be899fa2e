import Testing
import SimKernel
import SimMetrics
@testable import SimReports

/// A sweep's aggregation is the mean and Student's t interval of each cell's per-seed values,
/// and its files show exactly those numbers: the text table, the CSV and the JSON, one plot
/// per metric with a line and band per architecture, and a self-contained page.
struct SweepReportTests {
    /// A sweep's truth value keeps its interval inside [0, 1] (Wilson's); a count's stops at 0.
    @Test func intervalsFollowTheMetricsKind() throws {
        let rate = SweepParameter(path: "workload.arrivals.poisson", values: ["100/s"], kind: .text, positions: [100], axisLabel: "rate")
        let report = SweepReport(name: "s", description: "", version: "0", seeds: [1, 2], parameters: [rate], architectures: ["sync"],
                                 metrics: ["recovery.recovered", "requests.failed"], combinations: [[0]], measures: [[true, true]],
                                 measured: [[[[0.05, 1]], [[0.5046, 30]]]])
        let recovered = try #require(report.rows[0].interval), failed = try #require(report.rows[1].interval)
        #expect(recovered.lowerBound > 0.03 && recovered.upperBound < 0.82)
        #expect(failed.lowerBound == 0)
        // The page names each metric's method: Wilson's for the truth value, Student's t for the count.
        let html = SweepPage.render(report)
        #expect(!html.contains("confidence interval (Student&apos;s t) in brackets"))
        #expect(html.contains("<p>In brackets: the 95 % confidence interval of the mean (Wilson score interval, as the metric is true or false in each run).</p>"))
        #expect(html.contains("<p>In brackets: the 95 % confidence interval of the mean (Student&apos;s t).</p>"))
        #expect(html.ranges(of: "Wilson").count == 1, "only the truth value's table")
    }

    /// Two email latencies × two seeds × two architectures × two metrics, with one value missing.
    static func report(parameters: [SweepParameter]? = nil, combinations: [[Int]]? = nil) -> SweepReport {
        let email = SweepParameter(path: "services.email.work.constant", values: ["100ms", "1s"], kind: .text,
                                   positions: [0.1, 1], axisLabel: "services.email.work.constant (s)")
        let combinations = combinations ?? [[0], [1]]
        // measured[combination][seed][architecture][metric]
        var measured: [[[[Double?]]]] = [
            [[[200, 0], [80, 0]], [[210, 2], [82, nil]]],
            [[[2_000, 5], [81, 0]], [[2_400, 9], [83, 1]]],
        ]
        while measured.count < combinations.count { measured.append(measured[measured.count % 2]) }
        return SweepReport(name: "slow-email", description: "Email slows down.", version: "0.1.0", seeds: [1, 2],
                           parameters: parameters ?? [email], architectures: ["sync", "events"],
                           metrics: ["latency.success.p99Ms", "consistency.total.missingAtEnd"],
                           combinations: combinations, measures: [[true, true], [true, true]], measured: measured)
    }

    /// t(0.975, 1): the factor of a 95 % interval from two values.
    static let t1 = 12.706204736174694

    @Test func eachRowIsTheMeanAndIntervalOfItsSeeds() throws {
        let report = Self.report()
        #expect(report.rows.count == 2 * 2 * 2)
        #expect(report.rows.map { [$0.combination, $0.architecture, $0.metric] }
                == [[0, 0, 0], [0, 0, 1], [0, 1, 0], [0, 1, 1], [1, 0, 0], [1, 0, 1], [1, 1, 0], [1, 1, 1]])
        // sync p99 at 1s: 2000 and 2400, mean 2200, s = 200√2, so the half width is t1 × 200√2 / √2 = 200 t1.
        let slow = report.rows[4]
        #expect(slow.count == 2 && slow.mean == 2_200)
        let interval = try #require(slow.interval)
        // A latency is never negative: the interval stops at 0.
        #expect(interval.lowerBound == 0 && abs(interval.upperBound - (2_200 + 200 * Self.t1)) < 1e-9)
        // events' missing versions at 100ms: one seed only, so a mean but no interval.
        #expect(report.rows[3].count == 1 && report.rows[3].mean == 0 && report.rows[3].interval == nil)
    }

    @Test func terminalTablesShowMeanAndInterval() {
        let text = Self.report().rendered
        #expect(text.hasPrefix("slow-email: 2 combinations × 2 seeds (1..2) = 4 runs of sync, events\n\n"))
        // 100ms: sync 200 and 210 (205 ± 5 t1), events 80 and 82 (81 ± t1); 1s: sync 2000 and 2400
        // (2200 ± 200 t1), events 81 and 83 (82 ± t1).
        #expect(text.contains("""
        latency.success.p99Ms: mean over the seeds [95 % confidence interval]
        services.email.work.constant                sync             events
        ----------------------------  ------------------  -----------------
        100ms                         205 [141.5, 268.5]  81 [68.29, 93.71]
        1s                               2200 [0*, 4741]  82 [69.29, 94.71]
        * not Student's t but the bound of what the metric can take: the t interval went past it (few seeds or skewed values) and is cut there

        """))
        // missing at end: sync 0 and 2 (1 ± t1), 5 and 9 (7 ± 2 t1); events 0 and no value, 0 and 1 (0.5 ± t1/2).
        #expect(text.hasSuffix("""
        100ms                         1 [0*, 13.71]          0 (n=1)
        1s                            7 [0*, 32.41]  0.5 [0*, 6.853]
        * not Student's t but the bound of what the metric can take: the t interval went past it (few seeds or skewed values) and is cut there

        """))
    }

    @Test func csvHasOneRowPerCombinationArchitectureAndMetric() {
        let lines = SweepDocument.csv(Self.report()).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "services.email.work.constant,architecture,metric,n,mean,ci_low,ci_high")
        #expect(lines.count == 1 + 8 + 1 && lines.last == "")
        #expect(lines[1] == "100ms,sync,latency.success.p99Ms,2,205,141.468976,268.531024")
        #expect(lines[4] == "100ms,events,consistency.total.missingAtEnd,1,0,,")
    }

    @Test func jsonHasSortedKeysAndNullWhereThereIsNoInterval() {
        let json = SweepDocument.json(Self.report())
        #expect(json.contains("""
            {
              "architecture": "events",
              "bySeed": [
                0,
                null
              ],
              "ciHigh": null,
              "ciLow": null,
              "mean": 0,
              "metric": "consistency.total.missingAtEnd",
              "n": 1,
              "values": {
                "services.email.work.constant": "100ms"
              }
            }
        """))
        #expect(json.hasPrefix("{\n  \"architectures\": [\n    \"sync\",\n    \"events\"\n  ],\n  \"confidenceLevel\": 0.95,\n"))
    }

    @Test func aPlotPerMetricWithALineAndBandPerArchitecture() {
        let charts = SweepChart.charts(of: Self.report())
        #expect(charts.map(\.fileName) == ["latency.success.p99Ms.svg", "consistency.total.missingAtEnd.svg"])
        for chart in charts {
            let svg = chart.svg()
            #expect(XMLChecker.problems(in: svg) == [])
            #expect(polylineSeries(in: svg) == ["sync", "events"])
            #expect(svg.ranges(of: "<polygon data-band=").count == 2)
        }
        let p99 = charts[0].chart
        #expect(p99.series[0].points.map(\.x) == [0.1, 1] && p99.series[0].points.map(\.y) == [205, 2_200])
        #expect(p99.xLabel == "services.email.work.constant (s)" && p99.yLabel == "latency.success.p99Ms (ms)")
    }

    /// Values without a numeric order sit at 1, 2, 3, …, a tick at each named after its value:
    /// no fractional ticks between two names.
    @Test func namesGetATickEachNamedAfterThem() {
        let publish = SweepParameter(path: "architectures.events.publish", values: ["outbox", "dual-write"], kind: .text,
                                     positions: [1, 2], axisLabel: "architectures.events.publish", categories: ["outbox", "dual-write"])
        let chart = SweepChart.charts(of: Self.report(parameters: [publish], combinations: [[0], [1]]))[0]
        let layout = ChartLayout(chart: chart.chart, width: SweepChart.width, height: SweepChart.height)
        #expect(layout.xAxis.ticks.map(\.label) == ["outbox", "dual-write"] && layout.xAxis.ticks.map(\.value) == [1, 2])
        #expect(layout.xAxis.ticks.map(\.fraction) == [0.25, 0.75], "half a step of room at each end")
        #expect(XMLChecker.problems(in: chart.svg()) == [])
    }

    /// With a second field, a line per architecture and value of it, each architecture in one colour.
    @Test func aSecondFieldGivesALinePerArchitectureAndValue() {
        let rate = SweepParameter(path: "workload.arrivals.poisson", values: ["100/s", "200/s", "300/s"], kind: .text,
                                  positions: [100, 200, 300], axisLabel: "workload.arrivals.poisson (/s)")
        let email = SweepParameter(path: "services.email.work.constant", values: ["100ms", "1s"], kind: .text,
                                   positions: [0.1, 1], axisLabel: "services.email.work.constant (s)")
        let combinations = (0..<3).flatMap { r in (0..<2).map { [r, $0] } }
        let report = Self.report(parameters: [rate, email], combinations: combinations)
        let chart = SweepChart.charts(of: report)[0]
        #expect(polylineSeries(in: chart.svg()) == ["sync · services.email.work.constant=100ms", "sync · services.email.work.constant=1s",
                                                    "events · services.email.work.constant=100ms", "events · services.email.work.constant=1s"])
        #expect(chart.chart.series.map { $0.paletteSlot } == [0, 7, 1, 8])
        #expect(chart.chart.series[0].points.map(\.x) == [100, 200, 300])
    }

    /// Where no seed gave a value (the design answered nothing), the line breaks, a `×` marks
    /// the spot and the caption says so: never a dive to 0 that reads as the best result.
    @Test func aCombinationWithoutDataIsAGapWithAMarker() {
        let email = SweepParameter(path: "services.email.work.constant", values: ["100ms", "1s", "2s"], kind: .text,
                                   positions: [0.1, 1, 2], axisLabel: "services.email.work.constant (s)")
        let report = SweepReport(name: "slow-email", description: "", version: "0.1.0", seeds: [1, 2], parameters: [email],
                                 architectures: ["sync"], metrics: ["latency.success.p99Ms"], combinations: [[0], [1], [2]],
                                 measures: [[true]], measured: [[[[200]], [[210]]], [[[nil]], [[nil]]], [[[2_000]], [[2_400]]]])
        let chart = SweepChart.charts(of: report)[0]
        #expect(chart.chart.series[0].points.map(\.y).map { $0.isNaN ? -1 : $0 } == [205, -1, 2_200])
        let svg = chart.svg()
        #expect(XMLChecker.problems(in: svg) == [])
        #expect(polylineSeries(in: svg) == ["sync", "sync"], "broken at 1s")
        #expect(svg.ranges(of: "data-no-data=\"sync\"").count == 1)
        #expect(chart.caption.hasSuffix(" No data (×, a gap in the line: no run of the design gave a value): sync at services.email.work.constant = 1s."))
        #expect(report.rendered.contains("–"), "the table shows no data as –")
    }

    @Test func pageIsWellFormedSelfContainedAndShowsEveryPlot() {
        let report = Self.report()
        let html = SweepPage.render(report)
        #expect(XMLChecker.problems(in: html) == [])
        for forbidden in ["http://", "https://", "<script", "<link", "<img", "url(", "src="] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        #expect(html.ranges(of: "<figure>").count == 2 && html.ranges(of: "<svg ").count == 2)
        #expect(html.contains("<li>services.email.work.constant: 100ms, 1s</li>"))
        #expect(html.contains("<th scope=\"row\">1s</th>"))
        #expect(html.contains("<td>2200 [0*, 4741]</td>"))
        #expect(html.ranges(of: "<p>* not Student&apos;s t but the bound of what the metric can take").count == 2)
        #expect(html == SweepPage.render(Self.report()))
        #expect(!SweepPage.extraStyle.contains { $0 == "<" || $0 == ">" || $0 == "&" })
    }

    @Test func seedsAreWrittenShort() {
        var report = Self.report()
        report.seeds = [1, 2, 3, 5, 9, 10]
        #expect(report.seedText == "1..3,5,9..10")
    }

    /// The `data-series` of each polyline, in order.
    func polylineSeries(in svg: String) -> [String] {
        svg.split(separator: "\n").filter { $0.hasPrefix("<polyline data-series=\"") }.map {
            String($0.dropFirst("<polyline data-series=\"".count).prefix { $0 != "\"" })
        }
    }

    /// Runs a limit stopped are named in every file the sweep writes: the terminal's warning,
    /// `sweep.json`'s `stoppedEarly` and the page; a sweep without any says nothing of them.
    @Test func runsALimitStoppedAreNamedInEveryFile() {
        var report = Self.report()
        #expect(report.stopWarning == nil && !report.rendered.contains("warning") && SweepDocument.json(report).contains("\"stoppedEarly\": []"))
        report.stops = [SweepStop(combination: 1, architecture: 0, seed: 1, at: .zero + .milliseconds(4_400)),
                        SweepStop(combination: 1, architecture: 0, seed: 2, at: .zero + .milliseconds(9_000))]
        let line = "sync under services.email.work.constant=1s: seeds 1, 2 stopped at 4.4 s to 9 s"
        #expect(report.stopLines == [line])
        #expect(report.rendered.hasSuffix("\nwarning: 2 of 8 runs stopped early at a limit, so their figures cover only part of the run "
                                          + "(ripple run the combination with --seed to see which limit):\n  \(line)\n"), "\(report.rendered)")
        let json = SweepDocument.json(report)
        #expect(json.contains("\"architecture\": \"sync\",\n      \"seed\": 2,\n      \"stoppedAtMs\": 9000"), "\(json)")
        #expect(SweepPage.render(report).contains("<li>\(line)</li>"))
    }
}
