extension ReportPage {
    /// The calls tables of `summary.md` on the page (`CallTables`): every circuit breaker's
    /// openings and time open, then each calling architecture's edges; nothing for a run
    /// that makes no calls.
    static func writeCalls(of report: RunReport, to page: inout XMLWriter) {
        let breakers = CallTables.breakerRows(report)
        if !breakers.isEmpty {
            page.open("section", [("id", "breakers")])
            page.element("h2", [], content: "Circuit breakers")
            writeTable(header: CallTables.breakerHeader, rows: breakers, textColumns: 2, to: &page)
            page.close("section")
        }
        let edges = CallTables.edgeTables(report)
        guard !edges.isEmpty else { return }
        page.open("section", [("id", "edges")])
        page.element("h2", [], content: "Calls per edge")
        for table in edges {
            page.element("h3", [], content: table.architecture)
            writeTable(header: CallTables.edgeHeader, rows: table.rows, textColumns: 1, to: &page)
        }
        page.close("section")
    }

    /// A table of `rows` under `header`: the first cell of a row heads it, the first
    /// `textColumns` cells read left to right, the rest are numbers lined up on the right.
    static func writeTable(header: [String], rows: [[String]], textColumns: Int, to page: inout XMLWriter) {
        page.open("table", [("class", "calls")])
        page.open("thead")
        page.open("tr")
        for (column, head) in header.enumerated() {
            page.element("th", [("scope", "col")] + (column < textColumns ? [("class", "text")] : []), content: head)
        }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for row in rows {
            page.open("tr")
            for (column, cell) in row.enumerated() {
                if column == 0 {
                    page.element("th", [("scope", "row")], content: cell)
                } else {
                    page.element("td", column < textColumns ? [("class", "text")] : [], content: cell)
                }
            }
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
    }
}
