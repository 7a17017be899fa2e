import SimMetrics

/// Writes `report.html`: one self-contained page with the run's verdict, what was run, the
/// fault schedule, the expectations, the headline figures side by side and the charts over time.
///
/// The page needs nothing else: its style sheet and charts are inline, it has no scripts and
/// names no URL, so it opens the same from a laptop, a CI artefact or an e-mail. It is written
/// as well-formed markup (every element closed, every attribute quoted, all text escaped), and
/// like every report it is a pure function of the run: no dates, no paths.
public enum ReportPage {
    /// The page for `report`, drawing `charts` (by default every chart of the run). When the
    /// charts' standalone documents (`chart.svg()`, one per chart, in order) are already
    /// drawn, `documents` hands them over and the page inlines them instead of drawing again.
    /// - Complexity: O(n) in the number of time-series rows.
    public static func render(_ report: RunReport, charts: [RunChart]? = nil, documents: [String]? = nil) -> String {
        var page = XMLWriter()
        page.append(markup: "<!DOCTYPE html>\n")
        page.open("html", [("lang", "en")])
        writeHead(of: report, to: &page)
        page.open("body")
        page.open("main")
        writeVerdict(of: report, to: &page)
        writeHeader(of: report, to: &page)
        writeFaults(of: report, to: &page)
        writeExpectations(of: report, to: &page)
        writeTable(of: report, to: &page)
        writeCalls(of: report, to: &page)
        writeCharts(charts ?? RunCharts.charts(of: report), documents: documents, to: &page)
        writeSequences(of: report, to: &page)
        page.open("footer")
        page.element("p", [], content: "Written by Ripple \(report.version) from the scenario and its seed alone: "
                         + "the same inputs give this page byte for byte.")
        page.close("footer")
        page.close("main")
        page.close("body")
        page.close("html")
        return page.text
    }

    static func writeHead(of report: RunReport, to page: inout XMLWriter) {
        page.open("head")
        page.element("meta", [("charset", "utf-8")])
        page.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.element("title", [], content: report.name + " · Ripple report")
        page.open("style")
        page.append(markup: styleSheet)
        page.close("style")
        page.close("head")
    }

    /// The scenario's name and description, and the facts that reproduce the run.
    static func writeHeader(of report: RunReport, to page: inout XMLWriter) {
        page.open("header")
        page.element("p", [("class", "kicker")], content: "Ripple report")
        page.element("h1", [], content: report.name)
        if !report.description.isEmpty { page.element("p", [("class", "description")], content: report.description) }
        page.open("dl", [("class", "facts")])
        let facts = [("seed", String(report.seed)),
                     ("arrivals for", Format.duration(report.duration)), ("drain", Format.duration(report.drain))]
            + (report.warmupText.map { [("figures from", $0 + " (after the warm-up)")] } ?? [])
            + [("architectures", report.architectures.map(\.name).joined(separator: ", ")),
               ("Ripple", report.version)]
        page.facts(facts)
        page.close("dl")
        for sentence in report.stoppedEarly { page.element("p", [("class", "stopped")], content: "Stopped early: " + sentence + ".") }
        page.close("header")
    }

    static func writeFaults(of report: RunReport, to page: inout XMLWriter) {
        page.open("section", [("id", "faults")])
        page.element("h2", [], content: "Fault schedule")
        if report.faults.isEmpty {
            page.element("p", [], content: "None: both designs ran without faults.")
        } else {
            page.open("ul", [("class", "faults")])
            for fault in report.faults { page.element("li", [], content: fault) }
            page.close("ul")
        }
        page.close("section")
    }

    /// The headline figures: one row per figure, one right-aligned column per architecture; the
    /// rows that carry the lesson highlighted, and in each row the worse design's cell marked ▲.
    static func writeTable(of report: RunReport, to page: inout XMLWriter) {
        page.open("section", [("id", "figures")])
        page.element("h2", [], content: "Side by side")
        page.open("table")
        page.open("thead")
        page.open("tr")
        page.element("th", [("scope", "col")], content: "figure")
        for architecture in report.architectures {
            page.open("th", [("scope", "col")])
            page.element("span", [("class", "name")], content: architecture.name)
            if architecture.kind != architecture.name {
                page.element("span", [("class", "kind")], content: architecture.kind)
            }
            if let stop = architecture.metrics.stoppedAt {  // its figures cover part of the run only
                page.element("span", [("class", "stopped")], content: "stopped at " + Format.duration(nanoseconds: Double(stop.nanoseconds)))
            }
            page.close("th")
        }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        let totals = report.architectures.map(\.consistencyTotals)  // several rows compare them
        for row in HeadlineRows.rows(report, compact: false) {
            let label = row.first ?? ""
            page.open("tr", HeadlineRows.headlines.contains(label) ? [("class", "headline")] : [])
            page.element("th", [("scope", "row")], content: label)
            for (cell, isWorse) in zip(row.dropFirst(), HeadlineRows.worse(in: report, label: label, totals: totals)) {
                guard isWorse else { page.element("td", [], content: cell); continue }
                page.open("td", [("class", "worse"), ("title", "the worse design for this figure")])
                page.append(markup: XMLEscaping.escaped(cell))
                page.element("span", [("class", "mark"), ("aria-label", "worse")], content: " ▲")
                page.close("td")
            }
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("section")
    }

    /// For each architecture, the message sequence of a few traced requests: one before the
    /// faults and one during each of the first two, so the page shows how each design carries
    /// a request through the trouble.
    static func writeSequences(of report: RunReport, to page: inout XMLWriter) {
        let traced = report.architectures.filter { !$0.metrics.trace.spans.isEmpty }
        guard !traced.isEmpty else { return }
        page.open("section", [("id", "sequences")])
        page.element("h2", [], content: "Requests, message by message")
        for (number, architecture) in traced.enumerated() {
            let requests = SequenceDiagram.chooseRequests(architecture, windows: report.windows)
            page.open("figure")
            page.append(markup: SequenceDiagram.render(architecture, nodeNames: report.nodeNames, requests: requests,
                                                       windows: report.windows, standalone: false, number: number))
            page.element("figcaption", [], content: "\(architecture.name): each panel is one request on its own time scale; boxes are work or waiting, arrows are messages.")
            page.close("figure")
        }
        page.close("section")
    }

    /// Each chart inline, as a figure with its caption, followed by its thinning note when its
    /// lines were thinned for drawing; drawn from `documents`, the charts'
    /// standalone documents, when given.
    static func writeCharts(_ charts: [RunChart], documents: [String]?, to page: inout XMLWriter) {
        precondition(documents.map { $0.count == charts.count } ?? true, "one document per chart")
        page.open("section", [("id", "charts")])
        page.element("h2", [], content: "Over time")
        if charts.isEmpty { page.element("p", [], content: "No time series was recorded.") }
        for (c, chart) in charts.enumerated() {
            page.open("figure")
            page.append(markup: documents.map { SVGInlining.element(fromDocument: $0[c]) } ?? chart.svg(standalone: false))
            page.element("figcaption", [], content: chart.caption + (chart.thinningNote.map { " " + $0 } ?? ""))
            page.close("figure")
        }
        page.close("section")
    }
}
