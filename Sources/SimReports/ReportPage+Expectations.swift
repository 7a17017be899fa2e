import SimChecks

extension ReportPage {
    /// The banner at the top of the page: the run's verdict over its expectations, with how
    /// many passed, failed and had no data, so a failing run never reads like a passing one.
    static func writeVerdict(of report: RunReport, to page: inout XMLWriter) {
        let verdict = report.verdict
        page.open("section", [("id", "verdict"), ("class", "verdict " + cssClass(verdict))])
        page.open("p")
        page.element("strong", [], content: headline(verdict))
        page.append(markup: XMLEscaping.escaped(" " + explanation(report.verdicts, unchecked: report.unchecked)) + "\n")
        page.close("p")
        page.close("section")
    }

    /// Each expectation with its outcome, what was measured, the limit it was held to in
    /// this run and the scenario's reason for it; nothing when the scenario states none.
    static func writeExpectations(of report: RunReport, to page: inout XMLWriter) {
        guard !report.verdicts.isEmpty else { return }
        page.open("section", [("id", "expectations")])
        page.element("h2", [], content: "Expectations")
        page.open("table", [("class", "expectations")])
        page.open("thead")
        page.open("tr")
        for column in ["outcome", "expectation", "measured", "limit", "why"] { page.element("th", [("scope", "col")], content: column) }
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for verdict in report.verdicts {
            page.open("tr", [("class", cssClass(verdict.status))])
            page.element("td", [("class", "outcome")], content: outcome(verdict.status))
            page.element("th", [("scope", "row")], content: verdict.text)
            page.element("td", [("class", "figure")], content: verdict.measurement)
            page.element("td", [("class", "figure")], content: verdict.limitText)
            page.element("td", [("class", "why")], content: verdict.why ?? "–")
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("section")
    }

    /// `Passed`, `Failed`, `No data`, `No expectations`, `Not checked`.
    static func headline(_ verdict: RunVerdict) -> String {
        verdict.rawValue.prefix(1).uppercased() + verdict.rawValue.dropFirst()
    }

    /// The banner's sentence after the headline, ending with the expectations this run did
    /// not check (`unchecked`, as `RunReport.unchecked` says them).
    static func explanation(_ verdicts: [Verdict], unchecked: [String] = []) -> String {
        let rest = unchecked.map { "; " + $0 }.joined()
        guard !verdicts.isEmpty else {
            if unchecked.isEmpty { return "— the scenario states no expectations, so this run was not judged." }
            return "— no expectation was checked" + rest + "."
        }
        let held = verdicts.filter { $0.status == .passed }.count
        return "— \(held) of \(verdicts.count) expectation\(verdicts.count == 1 ? "" : "s") held (\(RunVerdict.counts(verdicts)))" + rest + "."
    }

    /// `✓ passed`, `✗ failed`, `✗ no data`.
    static func outcome(_ status: Verdict.Status) -> String {
        switch status {
        case .passed: "✓ passed"
        case .failed: "✗ failed"
        case .noData: "✗ no data"
        }
    }

    static func cssClass(_ verdict: RunVerdict) -> String {
        switch verdict {
        case .passed: "passed"
        case .failed: "failed"
        case .noData: "nodata"
        case .noExpectations, .notChecked: "unjudged"
        }
    }

    static func cssClass(_ status: Verdict.Status) -> String {
        switch status {
        case .passed: "passed"
        case .failed: "failed"
        case .noData: "nodata"
        }
    }
}
