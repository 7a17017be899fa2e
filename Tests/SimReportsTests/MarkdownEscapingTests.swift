import SimKernel
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
        #expect(MarkdownEscaping.escaped("1.") == #"1\."#)
        #expect(MarkdownEscaping.escaped("3) x") == #"3\) x"#)
    }

    /// A number's point is a list marker only before a space or the end: the figures of
    /// `summary.md` (`7.6 s`, `0.376`) read as written, not as `7\.6 s`.
    @Test func aDecimalPointIsNotEscaped() {
        for figure in ["7.6 s", "59.5 s", "1.01 min", "0.376", "2.04", "5.95 s", "1.2.3", "1)x"] {
            #expect(MarkdownEscaping.escaped(figure) == figure)
            #expect(MarkdownEscaping.escapedCharacterByCharacter(figure) == figure)
        }
        #expect(MarkdownEscaping.escaped("é 1.5") == "é 1.5")
        #expect(MarkdownEscaping.escaped("12.\tx") == #"12.\\tx"#)
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

    /// The one-pass path for plain text gives what the character-by-character pass gives, over
    /// seeded strings from an alphabet of digits, letters, points, brackets, signs, markup,
    /// entities, control characters and non-ASCII text, and over the figures a report shows.
    @Test func plainTextIsEscapedAsTheCharacterByCharacterPassEscapesIt() {
        let alphabet: [String] = ["0", "1", "9", "a", "Z", " ", ".", ")", "(", "-", "+", "=", ">", "<", "&", "#", "|", "*", "_",
                                  "\\", "`", "[", "!", "~", "%", ":", "/", "\n", "\t", "\u{7F}", "é", "µ", "–", "▲", "\r\n"]
        var random = RandomStream(seed: 5, name: "markdown")
        var texts = ["", "12.3 ms", "850 µs", "0.5%", "1)", "1.2.3", "12", "-3", "never (metastable)", "sync (sync)", "–",
                     "3 (1.5%)", "+1", "=x", "> q", "a > b", "1 < 2", "2024) x", "1.", "1. ", "7.6 s", "1)x"]
        for _ in 0..<20_000 {
            let length = Int(random.next() % 9)
            texts.append((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined())
        }
        for text in texts {
            #expect(MarkdownEscaping.escaped(text) == MarkdownEscaping.escapedCharacterByCharacter(text), "\(text.debugDescription)")
        }
    }
}
