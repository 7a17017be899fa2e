import Testing
import RippleCommands
import SimKernel
import SimMetrics
import SimRuns
import SimScenario
@testable import SimReports

/// `timeseries.csv` loads as a CSV loader expects: unique snake_case headers with units, and
/// the same number of cells on every row.
struct TimeSeriesTableTests {
    /// A loader's rules: a header of unique names matching `^[a-z][a-z0-9_]*$`, and as many cells
    /// on each row as in the header.
    static func loaderProblems(_ csv: String) -> [String] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let header = lines.first else { return ["no header"] }
        var problems: [String] = []
        for name in header where !(name.first.map { ("a"..."z").contains($0) } == true
                                   && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) {
            problems.append("header '\(name)' is not snake_case")
        }
        if Set(header).count != header.count { problems.append("duplicate headers") }
        for (i, row) in lines.enumerated() where row.count != header.count { problems.append("row \(i) has \(row.count) cells") }
        return problems
    }

    /// A row reserves 8 bytes a cell it fills and 1 (its comma) a gauge column its
    /// architecture lacks: 1 000 rows of 12 fixed cells and none of 50 gauges need 12 × 8 + 50.
    @Test func theTableReservesWhatEachArchitectureWrites() {
        let header = TimeSeriesColumn.fixed.count + 50
        #expect(TimeSeriesTable.reservedBytes(header: header, rows: [(count: 1_000, gauges: 0)]) == 8 * header + 1_000 * (12 * 8 + 50))
        #expect(TimeSeriesTable.reservedBytes(header: header, rows: [(count: 1_000, gauges: 50), (count: 10, gauges: 0)])
                == 8 * header + 1_000 * 8 * header + 10 * (12 * 8 + 50))
    }

    @Test func gaugeColumnsAreSnakeCaseWithUnits() {
        let csv = TimeSeriesTable.render(RunReportFixture.report())
        let header = csv.prefix(while: { $0 != "\n" }).split(separator: ",").map(String.init)
        #expect(header == TimeSeriesColumn.fixed + ["payment_queue_requests", "email_queue_requests", "payment_busy_workers",
                                                    "email_busy_workers", "outbox_events", "email_lag_events", "notification_lag_events"])
        #expect(Self.loaderProblems(csv) == [])
    }

    @Test func everyGaugeTheModelsNameHasAUnit() {
        #expect(TimeSeriesColumn.names(ofGauges: ["email lag", "email lag seconds", "order → billing breaker", "outbox"])
                == ["email_lag_events", "email_lag_s", "order_to_billing_breaker_state", "outbox_events"])
    }

    /// Names the name rule allows but a loader would refuse or merge: a leading digit, case and
    /// punctuation that collapse to the same identifier.
    @Test func awkwardServiceNamesStillMakeUniqueIdentifiers() {
        var report = RunReportFixture.report()
        var metrics = ArchitectureMetrics(serviceNames: ["2fa", "Pay-Ment", "pay.ment"], targets: [], keyCount: 1,
                                          gaugeNames: ["2fa queue", "Pay-Ment busy", "pay.ment busy", "-x lag seconds"])
        metrics.closeInterval(at: Instant(nanoseconds: 1_000_000_000), gauges: [1, 2, 3, 4])
        report.architectures = [ArchitectureReport(name: "odd", kind: "sync", metrics: metrics, stopReason: "drained", events: 1)]
        let csv = TimeSeriesTable.render(report)
        #expect(csv.hasPrefix(TimeSeriesColumn.fixed.joined(separator: ",")
                              + ",gauge_2fa_queue_requests,pay_ment_busy_workers,pay_ment_busy_workers_2,gauge_x_lag_s\n"))
        #expect(Self.loaderProblems(csv) == [])
    }

    /// A service whose name starts with punctuation gets `gauge_` in front, as one starting
    /// with a digit does: `-rf` no longer takes the column of `rf` and pushes it to `_2`.
    @Test func aNameStartingWithPunctuationGetsGaugeInFront() {
        #expect(TimeSeriesColumn.names(ofGauges: ["-rf queue", "rf queue", "_x busy", "x busy", "-- queue", "?"])
                == ["gauge_rf_queue_requests", "rf_queue_requests", "gauge_x_busy_workers", "x_busy_workers", "gauge_queue_requests", "gauge"])
        #expect(TimeSeriesColumn.names(ofGauges: ["a → -b breaker", "Émail lag"]) == ["a_to_b_breaker_state", "gauge_mail_lag_events"])
    }
}

/// `timeseries.csv` accounts for the whole run: its counters add up to `metrics.json`'s totals.
struct TimeSeriesTotalsTests {
    /// `duration` + `drain` of a → b, sampled every second, both designs; a fifth of b's work
    /// fails, which fails sync's requests.
    static func scenario(duration: String = "2500ms", drain: String = "300ms") -> String {
        """
    {"name": "uneven", "seed": 5, "duration": "\(duration)", "drain": "\(drain)", "sampleEvery": "1s",
     "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}, "keys": {"count": 100}},
     "services": {"a": {"workers": 4, "work": "5ms"}, "b": {"workers": 4, "work": {"exponential": "10ms"}}},
     "faults": [{"errors": "b", "at": "0s", "for": "2800ms", "fraction": 0.2}],
     "architectures": {"sync": {"chain": ["a", "b"]}, "events": {"consumers": {"b": {"concurrency": 4}}}}}
    """
    }

    /// The report of `text`'s run.
    static func run(_ text: String) throws -> RunReport {
        let scenario = try ScenarioLoader.parse(Array(text.utf8), file: "uneven.json")
        return RunReport(scenario: scenario, outcomes: ScenarioRunner.run(scenario), version: "test")
    }

    /// Per architecture, each column of `csv` summed over its rows, and the last row's `time_s`.
    static func sums(_ csv: String) -> [String: (sums: [String: Double], end: String)] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var result: [String: (sums: [String: Double], end: String)] = [:]
        for cells in lines.dropFirst() {
            var entry = result[cells[0]] ?? ([:], "")
            for (name, cell) in zip(lines[0], cells) { entry.sums[name, default: 0] += Double(cell) ?? 0 }
            entry.end = cells[1]
            result[cells[0]] = entry
        }
        return result
    }

    /// A run whose length (2.8 s) is not a whole number of intervals ends with a row for its
    /// last, shorter interval at the run's end: arrivals, answers, failures by kind,
    /// applications and dead letters add up to the run's totals in both designs.
    @Test func countersAddUpToTheTotalsWhenTheRunEndsBetweenSamples() throws {
        let report = try Self.run(Self.scenario())
        let tables = Self.sums(TimeSeriesTable.render(report))
        let totals = [("arrivals", "requests.arrived"), ("succeeded", "requests.succeeded"), ("failed", "requests.failed"),
                      ("timeouts", "requests.failedByKind.timeout"), ("rejected", "requests.failedByKind.rejected"),
                      ("applied", "consistency.total.applied"), ("dead_lettered", "consistency.total.deadLettered")]
        for name in ["sync", "events"] {
            let table = try #require(tables[name])
            #expect(table.end == "2.8", "\(name)'s last row ends with the run")
            for (column, path) in totals {
                let total = report.measurements.value(at: path, in: name)?.numberValue
                #expect(table.sums[column] == total, "\(name) \(column) vs \(path)")
            }
            #expect(table.sums["applied"] ?? 0 > 0, "\(name) applied effects")
        }
        #expect(tables["sync"]?.sums["failed"] ?? 0 > 0, "sync fails the requests whose call to b fails")
    }

    /// A run ending a nanosecond after a sample has its last row at its end, exactly: no two
    /// rows of an architecture share a `time_s`, which a loader keys the series by.
    @Test func theLastRowEndsExactlyWhereTheRunEnds() throws {
        let report = try Self.run(Self.scenario(duration: "2s", drain: "1ns"))
        let lines = TimeSeriesTable.render(report).split(separator: "\n")
        #expect(lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
                == ["sync,1", "sync,2", "sync,2.000000001", "events,1", "events,2", "events,2.000000001"])
    }

    /// A run shorter than one interval has one row, at its end, with the gauges read there:
    /// the consumer lag has a peak, and the report draws the charts of that one sample.
    @Test func aRunShorterThanOneIntervalHasOneRowAtItsEnd() throws {
        let report = try Self.run(Self.scenario(duration: "500ms", drain: "0s"))
        let lines = TimeSeriesTable.render(report).split(separator: "\n")
        #expect(lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == ["sync,0.5", "events,0.5"])
        #expect(report.measurements.value(at: "gauges.b lag.peak", in: "events")?.numberValue != nil)
        #expect(HeadlineRows.rows(report, compact: true).first { $0.first == "peak consumer lag" }?.last != "–")
        #expect(!RunCharts.charts(of: report).isEmpty && !ReportPage.render(report).contains("No time series was recorded."))
    }
}
