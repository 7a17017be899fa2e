import Testing

/// The checker the chart tests rely on accepts well-formed documents and rejects each kind
/// of malformation, with a problem rather than a crash.
struct XMLCheckerTests {
    @Test(arguments: [
        #"<svg/>"#,
        #"<?xml version="1.0" encoding="UTF-8"?>\#n<svg xmlns="http://www.w3.org/2000/svg"><g a='1' b="2"/></svg>"#,
        #"<a><!-- note --><b>x &amp; y &lt; z &gt; &quot;q&quot; &apos;s&apos; &#38; &#x26;</b><c/></a>"#,
        #"<a>  > is fine in text; ]] too  </a>"#,
        #"<a><![CDATA[ <not> & markup ]]></a>"#,
        #"<!DOCTYPE svg><svg>text</svg>"#,
        "\n  <root x = \"1\"\t>\n</root >\n",
        #"<svg:rect data-series="a&lt;b"/>"#,
    ])
    func acceptsWellFormedDocuments(_ document: String) {
        #expect(XMLChecker.problems(in: document) == [])
    }

    @Test(arguments: [
        ("", "no root element"),
        ("   ", "no root element"),
        ("<a>", "never closed"),
        ("<a><b></a>", "still open"),
        ("<a></b>", "no matching open tag"),
        ("<a/><b/>", "second root"),
        ("<a/>text", "outside the root"),
        ("text<a/>", "outside the root"),
        ("<a x=1/>", "not quoted"),
        ("<a x/>", "no value"),
        (#"<a x="1" x="2"/>"#, "repeated"),
        (#"<a x="1"y="2"/>"#, "separated by white space"),
        (#"<a x="1/>"#, "unterminated value"),
        (#"<a x="<"/>"#, "\"<\" in the value"),
        ("<a>&nbsp;</a>", "invalid reference"),
        ("<a>&#0;</a>", "invalid reference"),
        ("<a>&#xD800;</a>", "invalid reference"),
        ("<a>&#x;</a>", "invalid reference"),
        ("<a>fish & chips</a>", "must start a reference"),
        (#"<a t="&amp"/>"#, "must start a reference"),
        ("<a>1 < 2</a>", "must start a tag"),
        ("<a>]]></a>", "\"]]>\" in text"),
        ("<a><!-- a -- b --></a>", "inside a comment"),
        ("<a><!-- open</a>", "unterminated comment"),
        ("<a><b</a>", "unexpected character"),
        ("<a", "unterminated tag"),
        ("<a>\u{1}</a>", "control character"),
        ("<a>\u{FFFF}</a>", "U+FFFE and U+FFFF"),
        (#"<a/><?xml version="1.0"?>"#, "must open the document"),
    ])
    func rejectsMalformedDocuments(_ document: String, _ expected: String) {
        let problems = XMLChecker.problems(in: document)
        #expect(problems.contains { $0.message.contains(expected) }, "\(problems)")
    }

    @Test func reportsProblemsAtTheirByteOffset() {
        #expect(XMLChecker.problems(in: "<a></b>") == [
            .init(offset: 3, message: "</b> has no matching open tag"),
            .init(offset: 7, message: "<a> is never closed"),
        ])
    }

    @Test func survivesEveryTruncationOfADocument() {
        let document = #"<?xml version="1.0"?><!-- c --><s a="1 &amp; 2"><t>x&lt;y</t><![CDATA[z]]><u/></s>"#
        let bytes = Array(document.utf8)
        for length in 0..<bytes.count {
            let prefix = String(decoding: bytes[..<length], as: UTF8.self)
            #expect(!XMLChecker.problems(in: prefix).isEmpty, "prefix of \(length) bytes")
        }
        #expect(XMLChecker.problems(in: document).isEmpty)
    }
}
