import SimChecks
import SimMetrics

/// Writes `summary.md`: the run's verdict, what was run, the fault schedule, the headline
/// figures side by side, one column per architecture, each circuit breaker's openings and time
/// open, the calls along each caller → callee edge, and each expectation with its outcome,
/// measurement and limit. Every piece of text goes through `MarkdownEscaping`, so a
/// scenario's words cannot add markup or HTML, nor break a table.
public enum SummaryDocument {
    /// The Markdown of `summary.md` for `report`.
    /// - Complexity: O(t × k + r) per architecture, for t effect targets, k entities and r
    ///   time-series rows.
    public static func render(_ report: RunReport) -> String {
        let md = MarkdownEscaping.escaped
        var out = "# \(md(report.name))\n\n"
        if !report.description.isEmpty { out += md(report.description) + "\n\n" }
        let warmup = report.warmupText.map { " · figures from \($0), after the warm-up" } ?? ""
        out += "Seed \(report.seed) · arrivals for \(Format.duration(report.duration)) · drain \(Format.duration(report.drain))\(warmup) · Ripple \(report.version)\n\n"
        let checked = report.verdicts.isEmpty && !report.unchecked.isEmpty ? [] : [RunVerdict.counts(report.verdicts)]
        let counts = (checked + report.unchecked).joined(separator: "; ")
        out += "**Verdict: " + report.verdict.rawValue + "** (" + md(counts) + ")\n\n"
        for sentence in report.stoppedEarly { out += "**Stopped early:** " + md(sentence) + ".\n\n" }
        out += "## Faults\n\n"
        out += report.faults.isEmpty ? "None.\n\n" : report.faults.map { "- " + md($0) }.joined(separator: "\n") + "\n\n"
        out += "## Side by side\n\n"
        let rows = HeadlineRows.rows(report, compact: false)
        let header = (["figure"] + report.architectures.map { "\($0.name) (\($0.kind))" }).map(md)
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { $0 == 0 ? "---|" : "---:|" }.joined() + "\n"
        for row in rows { out += "| " + row.map(md).joined(separator: " | ") + " |\n" }
        out += breakers(report)
        out += edges(report)
        if !report.verdicts.isEmpty {
            out += "\n## Expectations\n\n"
            for verdict in report.verdicts {
                out += "- " + md(verdict.line) + "; limit " + md(verdict.limitText) + (verdict.why.map { " — " + md($0) } ?? "") + "\n"
            }
        }
        return out
    }

    /// Per architecture that makes calls, a table of its caller → callee edges: calls,
    /// attempts, retries and how attempts and calls failed; nothing when none makes calls.
    static func edges(_ report: RunReport) -> String {
        let tables = CallTables.edgeTables(report)
        guard !tables.isEmpty else { return "" }
        var out = "\n## Calls per edge\n"
        for table in tables {
            out += "\n### " + MarkdownEscaping.escaped(table.architecture) + "\n\n"
            out += "| " + CallTables.edgeHeader.joined(separator: " | ") + " |\n"
            out += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
            for row in table.rows { out += "| " + row.map(MarkdownEscaping.escaped).joined(separator: " | ") + " |\n" }
        }
        return out
    }

    /// A table of every circuit breaker: how often it opened and how long it refused calls;
    /// nothing when no architecture has one.
    static func breakers(_ report: RunReport) -> String {
        let rows = CallTables.breakerRows(report)
        guard !rows.isEmpty else { return "" }
        var out = "\n## Circuit breakers\n\n| " + CallTables.breakerHeader.joined(separator: " | ") + " |\n|---|---|---:|---:|\n"
        for row in rows { out += "| " + row.map(MarkdownEscaping.escaped).joined(separator: " | ") + " |\n" }
        return out
    }
}
