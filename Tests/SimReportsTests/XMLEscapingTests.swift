import Testing
@testable import SimReports

/// Any string, once escaped, is safe as XML text or as a quoted attribute value.
struct XMLEscapingTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(XMLEscaping.escaped(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(XMLEscaping.escaped("plain ünïcode ✓") == "plain ünïcode ✓")
    }

    @Test func replacesCharactersXMLForbids() {
        #expect(XMLEscaping.escaped("a\u{0}b\u{1B}c\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(XMLEscaping.escaped("tab\tline\ncr\r") == "tab\tline\ncr&#13;")
    }

    @Test func escapedTextIsWellFormedInTextAndAttributes() {
        let nasty = "<&amp;>\"'\u{7}]]>\u{FFFF}--"
        let escaped = XMLEscaping.escaped(nasty)
        #expect(XMLChecker.problems(in: "<a b=\"\(escaped)\" c='\(escaped)'>\(escaped)</a>") == [])
    }
}
