/// Writes `sweep.html`: one self-contained page with what a sweep varied and, per metric, its
/// plot and the table of means and confidence intervals.
///
/// Like `report.html` it needs nothing else (inline style and plots, no scripts, no URL), is
/// well-formed markup, and is a pure function of the sweep: no dates, no paths.
public enum SweepPage {
    /// The page for `report`, drawing `charts` (by default one per metric). When the charts'
    /// standalone documents (`chart.svg()`, one per chart, in order) are already drawn,
    /// `documents` hands them over and the page inlines them instead of drawing again.
    /// - Complexity: O(rows).
    public static func render(_ report: SweepReport, charts: [SweepChart]? = nil, documents: [String]? = nil) -> String {
        var page = XMLWriter()
        page.append(markup: "<!DOCTYPE html>\n")
        page.open("html", [("lang", "en")])
        page.open("head")
        page.element("meta", [("charset", "utf-8")])
        page.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.element("title", [], content: report.name + " sweep · Ripple")
        page.open("style")
        page.append(markup: ReportPage.styleSheet + extraStyle)
        page.close("style")
        page.close("head")
        page.open("body")
        page.open("main")
        writeHeader(of: report, to: &page)
        if let warning = report.stopWarning {
            page.element("p", [("class", "stopped")], content: warning + ".")
            page.open("ul", [("class", "stopped")])
            for line in report.stopLines { page.element("li", [], content: line) }
            page.close("ul")
        }
        writeParameters(of: report, to: &page)
        let charts = charts ?? SweepChart.charts(of: report)
        precondition(documents.map { $0.count == charts.count } ?? true, "one document per chart")
        for (m, chart) in charts.enumerated() {
            page.open("section", [("id", "metric-\(m + 1)")])
            page.element("h2", [], content: chart.metric)
            page.open("figure")
            page.append(markup: documents.map { SVGInlining.element(fromDocument: $0[m]) } ?? chart.svg(standalone: false))
            page.element("figcaption", [], content: chart.caption)
            page.close("figure")
            writeTable(report.table(ofMetric: m), rowHeaders: report.parameters.count, to: &page)
            page.element("p", [], content: report.intervalNote(ofMetric: m))
            if let note = report.boundNote(ofMetric: m) { page.element("p", [], content: note) }
            page.close("section")
        }
        page.open("footer")
        page.element("p", [], content: "Written by Ripple \(report.version) from the scenario, the values varied and the seeds "
                         + "alone: the same inputs give this page byte for byte.")
        page.close("footer")
        page.close("main")
        page.close("body")
        page.close("html")
        return page.text
    }

    static func writeHeader(of report: SweepReport, to page: inout XMLWriter) {
        page.open("header")
        page.element("p", [("class", "kicker")], content: "Ripple sweep")
        page.element("h1", [], content: report.name)
        if !report.description.isEmpty { page.element("p", [("class", "description")], content: report.description) }
        page.open("dl", [("class", "facts")])
        let facts = [("seeds", report.seedText),
                     ("combinations", String(report.combinations.count)),
                     ("runs", String(report.runCount)),
                     ("architectures", report.architectures.joined(separator: ", ")),
                     ("Ripple", report.version)]
        page.facts(facts)
        page.close("dl")
        page.close("header")
    }

    static func writeParameters(of report: SweepReport, to page: inout XMLWriter) {
        page.open("section", [("id", "parameters")])
        page.element("h2", [], content: "Fields varied")
        page.open("ul", [("class", "faults")])
        for parameter in report.parameters {
            page.element("li", [], content: parameter.path + ": " + parameter.values.joined(separator: ", "))
        }
        page.close("ul")
        page.element("p", [], content: "Each combination ran under every seed; every cell is the mean over the seeds "
                         + "with its \(report.percent) confidence interval in brackets; each metric says how its interval is worked out.")
        page.close("section")
    }

    /// A table whose first row is its header and whose first `rowHeaders` cells in each row
    /// (the values varied) head that row.
    static func writeTable(_ rows: [[String]], rowHeaders: Int, to page: inout XMLWriter) {
        guard let header = rows.first else { return }
        page.open("div", [("class", "scroll")])
        page.open("table")
        page.open("thead")
        page.open("tr")
        for cell in header { page.element("th", [("scope", "col")], content: cell) }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for row in rows.dropFirst() {
            page.open("tr")
            for (i, cell) in row.enumerated() {
                if i < rowHeaders { page.element("th", [("scope", "row")], content: cell) } else { page.element("td", [], content: cell) }
            }
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("div")
    }

    /// What the sweep page adds to the report's style sheet: wide tables scroll sideways
    /// instead of leaving the page. Like it, it must hold none of `<`, `>` and `&`.
    static let extraStyle = """
        .scroll { overflow-x: auto; }

        """
}
