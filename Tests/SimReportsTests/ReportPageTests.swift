import Testing
import SimKernel
import SimChecks
import SimMetrics
@testable import SimReports

/// `report.html` is one well-formed, self-contained, deterministic page that escapes every
/// piece of text it is given and shows the run, its faults, its figures and its charts.
struct ReportPageTests {
    let report = RunReportFixture.report()

    /// How many times `needle` occurs in `text`.
    func count(_ needle: String, in text: String) -> Int { text.ranges(of: needle).count }

    @Test func pageIsWellFormed() {
        let html = ReportPage.render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(XMLChecker.problems(in: html) == [])
    }

    /// A chart whose lines were thinned for drawing says so under it, after its caption.
    @Test func aThinnedChartSaysSoUnderIt() throws {
        let html = ReportPage.render(RunReportFixture.longReport())
        let caption = try #require(RunCharts.lag(of: RunReportFixture.longReport())).caption
        #expect(html.contains("<figcaption>" + caption + " Drawn from at most 2 000 of 100 000 samples a line, "
                              + "the lowest and highest of each stretch kept; timeseries.csv has every one.</figcaption>"))
    }

    @Test func pageIsSelfContained() {
        let html = ReportPage.render(report).lowercased()
        for forbidden in ["http://", "https://", "<script", "<link", "<img", "<iframe", "url(", "@import", "src="] {
            #expect(!html.contains(forbidden), "\(forbidden)")
        }
        #expect(count("<style>", in: html) == 1)
    }

    @Test func rendersAreByteIdentical() {
        #expect(ReportPage.render(report) == ReportPage.render(RunReportFixture.report()))
    }

    @Test func pageShowsTheRunItsFaultsFiguresAndCharts() {
        let html = ReportPage.render(report)
        for text in ["<h1>payment-email-slowdown</h1>", "The email provider slows for a minute.", "<dd>42</dd>", "<dd>3 min</dd>",
                     "<dd>2 min</dd>", "<li>slow email (work replaced) from 1 min to 2 min</li>", "<li>crash notification from 250 s to the end</li>",
                     "<th scope=\"row\">success latency p99</th>", "<th scope=\"row\">short-circuited</th>", "<span class=\"name\">events</span>"] {
            #expect(html.contains(text), "\(text)")
        }
        let rows = HeadlineRows.rows(report, compact: false)
        #expect(count("<tr>", in: html) + count("<tr class=\"headline\">", in: html) == rows.count + 1)
        #expect(count("<tr class=\"headline\">", in: html) == HeadlineRows.headlines.count)
        #expect(count("<td>", in: html) + count("<td class=\"worse\"", in: html) == rows.count * report.architectures.count)
        // The chain waits longer in the slowdown: its p99 cell is marked the worse.
        #expect(html.contains("<th scope=\"row\">success latency p99</th>\n<td class=\"worse\" title=\"the worse design for this figure\">"))
        #expect(HeadlineRows.worse(in: report, label: "success latency p99") == [true, false])
        #expect(HeadlineRows.worse(in: report, label: "requests") == [false, false], "a count of arrivals is no better or worse")
        let charts = RunCharts.charts(of: report)
        #expect(count("<figure>", in: html) == charts.count && count("<svg ", in: html) == charts.count)
        for chart in charts { #expect(html.contains("<figcaption>" + XMLEscaping.escaped(chart.caption) + "</figcaption>")) }
        #expect(count("data-series=\"sync p99\"", in: html) == 2, "the line and its legend entry")
        #expect(count("<rect data-window=", in: html) == 2 * charts.count)
    }

    @Test func everyPieceOfTextIsEscaped() {
        let hostile = RunReportFixture.report(name: "<script>alert('x')</script>", description: "a < b & \"c\" ]]> </p>")
        let html = ReportPage.render(hostile)
        #expect(XMLChecker.problems(in: html) == [])
        #expect(!html.contains("<script") && !html.contains("a < b"))
        #expect(html.contains("<h1>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</h1>"))
        #expect(html.contains("a &lt; b &amp; &quot;c&quot; ]]&gt; &lt;/p&gt;"))
    }

    /// HTML does not decode entities inside `<style>`, so the style sheet, written as it is,
    /// must need none.
    @Test func styleSheetNeedsNoEscaping() {
        #expect(!ReportPage.styleSheet.contains { $0 == "<" || $0 == ">" || $0 == "&" })
    }

    /// An architecture's name (up to 100 characters with no space) heads a column of the
    /// side-by-side table; the heading may break anywhere, so the table stays inside the page.
    @Test func columnHeadingsMayBreakAnywhere() {
        let rule = ReportPage.styleSheet.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("thead th {") }
        #expect(rule?.contains("overflow-wrap: anywhere;") == true, "\(String(describing: rule))")
    }

    /// A reason holding a long word (a runbook's URL) wraps inside its cell, so the expectations
    /// table stays inside the page; its headings never break inside a word.
    @Test func aLongReasonWrapsAndExpectationHeadingsStayWhole() {
        func rule(_ selector: String) -> String? {
            ReportPage.styleSheet.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix(selector + " {") }
        }
        #expect(rule("td.why")?.contains("overflow-wrap: anywhere;") == true, "\(String(describing: rule("td.why")))")
        let heading = rule("table.expectations thead th")
        #expect(heading?.contains("white-space: nowrap;") == true && heading?.contains("overflow-wrap: normal;") == true,
                "\(String(describing: heading))")
    }

    @Test func aRunWithoutFaultsOrChartsSaysSo() {
        var quiet = report
        quiet.faults = []
        quiet.windows = []
        quiet.architectures = []
        let html = ReportPage.render(quiet)
        #expect(XMLChecker.problems(in: html) == [])
        #expect(html.contains("None: both designs ran without faults.") && html.contains("No time series was recorded."))
        #expect(!html.contains("<figure>"))
    }
}

/// The page opens with the run's verdict over its expectations and lists each with its
/// measurement, limit and reason, so a failing run never looks like a passing one.
struct ReportPageVerdictTests {
    static func verdict(_ text: String, _ measured: Double?, holds: Bool, limits: [Double], why: String? = nil) -> Verdict {
        Verdict(text: text, architecture: "sync", metric: "latency.success.p99Ms", why: why, measured: measured, unit: "ms",
                references: [], holds: holds, limits: limits)
    }

    func page(_ verdicts: [Verdict]) -> String {
        var report = RunReportFixture.report()
        report.verdicts = verdicts
        return ReportPage.render(report)
    }

    @Test func aFailingRunSaysSoAtTheTop() {
        let html = page([Self.verdict("sync latency.success.p99Ms < 1ms", 2.5, holds: false, limits: [1], why: "nothing is <that> fast"),
                         Self.verdict("sync latency.success.p99Ms < 10s", 2.5, holds: true, limits: [10_000])])
        #expect(XMLChecker.problems(in: html) == [])
        let banner = html.range(of: "<section id=\"verdict\" class=\"verdict failed\">")
        let title = html.range(of: "<h1>")
        #expect(banner != nil && title != nil && banner!.lowerBound < title!.lowerBound, "the verdict comes first")
        #expect(html.contains("<strong>Failed</strong>\n — 1 of 2 expectations held (1 passed, 1 failed).\n"))
        #expect(html.contains("<tr class=\"failed\">\n<td class=\"outcome\">✗ failed</td>\n<th scope=\"row\">sync latency.success.p99Ms &lt; 1ms</th>\n<td class=\"figure\">2.5 ms</td>\n<td class=\"figure\">1 ms</td>\n<td class=\"why\">nothing is &lt;that&gt; fast</td>"))
    }

    @Test func noDataIsItsOwnVerdictAndNeverAPass() {
        let html = page([Self.verdict("sync latency.success.p99Ms < 1s", nil, holds: false, limits: [1000])])
        #expect(html.contains("class=\"verdict nodata\""))
        #expect(html.contains("<strong>No data</strong>"))
        #expect(html.contains("<td class=\"outcome\">✗ no data</td>") && html.contains("<td class=\"figure\">no data</td>"))
    }

    @Test func passingAndUnjudgedRunsSayWhichTheyAre() {
        #expect(page([Self.verdict("sync latency.success.p99Ms < 10s", 2.5, holds: true, limits: [10_000])])
            .contains("<strong>Passed</strong>\n — 1 of 1 expectation held (1 passed).\n"))
        let unjudged = page([])
        #expect(unjudged.contains("class=\"verdict unjudged\"") && unjudged.contains("<strong>No expectations</strong>"))
        #expect(!unjudged.contains("id=\"expectations\""))
    }

    @Test func theSummaryStatesTheSameVerdict() {
        var report = RunReportFixture.report()
        report.verdicts = [Self.verdict("sync latency.success.p99Ms < 1s", nil, holds: false, limits: [1000], why: "users notice")]
        let summary = SummaryDocument.render(report)
        #expect(summary.contains("\n**Verdict: no data** (1 no data)\n"))
        #expect(summary.contains("- ✗ sync latency.success.p99Ms < 1s: no data; limit 1 s — users notice\n"))
    }

    /// The summary gives each architecture that makes calls a table of its edges' counts,
    /// and none to one that makes no calls.
    @Test func theSummaryListsEachEdgesCalls() {
        var report = RunReportFixture.report()
        var edge = EdgeRecord(edge: "payment → email")
        (edge.calls, edge.attempts, edge.retries, edge.timeouts, edge.failed, edge.rejected, edge.shortCircuited) = (100, 130, 30, 25, 5, 2, 1)
        report.architectures[0].metrics.edges = [edge]
        let summary = SummaryDocument.render(report)
        #expect(summary.contains("""
        ## Calls per edge

        ### sync

        | edge | calls | attempts | retries | timeouts | failed | rejected | short-circuited |
        |---|---:|---:|---:|---:|---:|---:|---:|
        | payment → email | 100 | 130 | 30 | 25 | 5 | 2 | 1 |

        """))
        #expect(!summary.contains("### events"))
        #expect(!SummaryDocument.render(RunReportFixture.report()).contains("Calls per edge"))
    }

    /// A design a limit stopped is marked where its column starts: its figures cover part of
    /// the run only, and the other column's the whole of it.
    @Test func aStoppedDesignsColumnSaysWhereItStopped() {
        var report = RunReportFixture.report()
        report.architectures[0].metrics.stoppedAt = Instant(nanoseconds: 40_900_000_000)
        let html = ReportPage.render(report)
        #expect(html.contains("<span class=\"name\">sync</span>\n<span class=\"stopped\">stopped at 40.9 s</span>"), "\(html.prefix(0))")
        #expect(html.ranges(of: "class=\"stopped\">stopped at").count == 1, "only the stopped design")
    }

    /// The page shows the same calls tables as the summary: each breaker's openings and time
    /// open, each calling architecture's edges; a run without calls shows neither.
    @Test func thePageListsBreakersAndEachEdgesCalls() {
        var report = RunReportFixture.report()
        var edge = EdgeRecord(edge: "payment → email")
        (edge.calls, edge.attempts, edge.shortCircuited) = (100, 130, 7)
        report.architectures[0].metrics.edges = [edge]
        var breaker = BreakerRecord(edge: "payment → email")
        (breaker.openings, breaker.timeOpen) = (3, .seconds(15))
        report.architectures[0].metrics.breakers = [breaker]
        let html = ReportPage.render(report)
        #expect(html.contains("""
        <h2>Circuit breakers</h2>
        <table class="calls">
        <thead>
        <tr>
        <th scope="col" class="text">architecture</th>
        """))
        #expect(html.contains("<th scope=\"row\">sync</th>\n<td class=\"text\">payment → email</td>\n<td>3</td>\n<td>15 s</td>"))
        #expect(html.contains("<h2>Calls per edge</h2>\n<h3>sync</h3>"))
        #expect(html.contains("<th scope=\"row\">payment → email</th>\n<td>100</td>\n<td>130</td>"))
        #expect(html.contains("<td>7</td>\n</tr>"), "short-circuited calls have their column")
        let plain = ReportPage.render(RunReportFixture.report())
        #expect(!plain.contains("Circuit breakers") && !plain.contains("Calls per edge"))
    }
}
