import Testing
import SimKernel
import SimMetrics
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
        metrics.series.close(at: Instant(nanoseconds: 1_000_000_000), gauges: [1, 2, 3, 4])
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
