import Testing
@testable import SimReports

/// `summary.md` shows a scenario's words as words: no HTML, no markup, no broken table.
struct MarkdownEscapingTests {
    @Test func htmlAndMarkupAreEscaped() {
        #expect(MarkdownEscaping.escaped("<script>alert(1)</script> <!-- x & y &amp; <http://a>") == #"&lt;script>alert(1)&lt;/script> &lt;\!-- x & y &amp;amp; &lt;http://a>"#)
        #expect(MarkdownEscaping.escaped("p99 < 1ms, p50 > 2ms") == "p99 < 1ms, p50 > 2ms")
        #expect(MarkdownEscaping.escaped("a | b *c* [l](javascript:x) `code` # h") == ##"a \| b \*c\* \[l\](javascript:x) \`code\` \# h"##)
        #expect(MarkdownEscaping.escaped("line\nbreak\r\nthere") == "line break there")
        #expect(MarkdownEscaping.escaped("\u{1B}[31m") == ##"\\u{1B}\[31m"##)
    }

    @Test func aLeadingListQuoteOrNumberIsEscaped() {
        #expect(MarkdownEscaping.escaped("- item") == #"\- item"#)
        #expect(MarkdownEscaping.escaped("> quote") == "&gt; quote")
        #expect(MarkdownEscaping.escaped("12. twelve") == #"12\. twelve"#)
        #expect(MarkdownEscaping.escaped("payment-email 0.5 s") == "payment-email 0.5 s")
    }

    /// The description and names of `injection.json` put no HTML into the summary, and each
    /// table row stays one line with its own number of cells.
    @Test func theSummaryOfAHostileDescriptionHasNoMarkup() {
        let report = RunReportFixture.report(description: "DESC <script>alert(1)</script> <iframe src=javascript:alert(2)>\nline | pipe\n# head")
        let summary = SummaryDocument.render(report)
        #expect(!summary.contains("<script") && !summary.contains("<iframe"))
        #expect(summary.contains(##"DESC &lt;script>alert(1)&lt;/script> &lt;iframe src=javascript:alert(2)> line \| pipe \# head"##))
        let tableRows = summary.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let header = tableRows.first.map { $0.components(separatedBy: " | ").count }
        #expect(tableRows.allSatisfy { $0.components(separatedBy: " | ").count == header })
    }
}
