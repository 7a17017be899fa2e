import Testing
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
        for text in ["<h1>payment-email-slowdown</h1>", "The email provider slows for a minute.", "<dd>42</dd>", "<dd>3m</dd>",
                     "<dd>2m</dd>", "<li>slow email (work replaced) from 1m for 1m</li>", "<li>crash notification from 4m10s</li>",
                     "<th scope=\"row\">user latency p99</th>", "<span class=\"name\">events</span>"] {
            #expect(html.contains(text), "\(text)")
        }
        let rows = HeadlineRows.rows(report, compact: false)
        #expect(count("<tr>", in: html) == rows.count + 1)
        #expect(count("<td>", in: html) == rows.count * report.architectures.count)
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
