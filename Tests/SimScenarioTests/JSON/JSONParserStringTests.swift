import Testing
@testable import SimScenario

/// Strings decode every escape, pair surrogates, and reject what RFC 8259 rejects, saying where.
struct JSONParserStringTests {
    @Test func decodesTheShortEscapes() throws {
        #expect(try JSONTest.parse(#""\"\\\/\b\f\n\r\t""#).stringValue == "\"\\/\u{8}\u{C}\n\r\t")
        #expect(try JSONTest.parse(#""a\nb""#).stringValue == "a\nb")
    }

    @Test func decodesUnicodeEscapesInEitherCase() throws {
        #expect(try JSONTest.parse(#""\u0041\u00e9\u20AC""#).stringValue == "A\u{E9}\u{20AC}")
        #expect(try JSONTest.parse(#""\u0000""#).stringValue == "\u{0}")
        #expect(try JSONTest.parse(#""\uFFFF""#).stringValue == "\u{FFFF}")
    }

    @Test func joinsSurrogatePairsIntoOneScalar() throws {
        let string = try #require(try JSONTest.parse(#""x\uD83D\uDE00y\ud834\udd1e""#).stringValue)
        #expect(Array(string.unicodeScalars) == ["x", "\u{1F600}", "y", "\u{1D11E}"])
        #expect(try JSONTest.parse(#""\uDBFF\uDFFF""#).stringValue == "\u{10FFFF}")
    }

    @Test func keepsRawUnicodeAndDeleteAsWritten() throws {
        #expect(try JSONTest.parse("\"\u{65E5}\u{672C} \u{1F600}\u{7F}\"").stringValue == "\u{65E5}\u{672C} \u{1F600}\u{7F}")
        // Combining marks stay as written, not normalized.
        let string = try #require(try JSONTest.parse("\"e\u{301}\"").stringValue)
        #expect(Array(string.unicodeScalars) == ["e", "\u{301}"])
    }

    @Test func rejectsLoneSurrogatesAtTheirBackslash() {
        let pair = #"; expected a high surrogate (\uD800–\uDBFF) followed by a low surrogate (\uDC00–\uDFFF)"#
        let cases: [(String, String, Int)] = [
            (#"["\uD83D"]"#, #"found a lone surrogate \uD83D"#, 3),
            (#"["\uD83Dx"]"#, #"found a lone surrogate \uD83D"#, 3),
            (#"["ab\uD83D\u0041"]"#, #"found a lone surrogate \uD83D"#, 5),
            (#"["\uD83D\uD83D"]"#, #"found a lone surrogate \uD83D"#, 3),
            (#"["\ude00"]"#, #"found a lone surrogate \ude00"#, 3),
            (#""\uD83D""#, #"found a lone surrogate \uD83D"#, 2),
        ]
        for (text, message, column) in cases {
            let error = JSONTest.error(text)
            #expect(error?.message == message + pair, "\(text)")
            #expect(error?.location == TextPosition(line: 1, column: column), "\(text)")
        }
    }

    @Test func rejectsUnknownEscapesAndBadHexDigits() {
        let error = JSONTest.error(#"{"a": "\x41"}"#)
        #expect(error?.message == #"expected an escape character after '\' (one of " \ / b f n r t u), found 'x'"#)
        #expect(error?.location == TextPosition(line: 1, column: 9))
        let hex = JSONTest.error(#""\u12G4""#)
        #expect(hex?.message == #"expected four hex digits after '\u', found 'G'"#)
        #expect(hex?.location == TextPosition(line: 1, column: 6))
        #expect(JSONTest.error("\"\\u12 4\"")?.message == #"expected four hex digits after '\u', found a space"#)
        #expect(JSONTest.error("\"\\\u{E9}\"")?.message == #"expected an escape character after '\' (one of " \ / b f n r t u), found 'é'"#)
    }

    @Test func reportsAnUnterminatedStringAtItsOpeningQuote() {
        for text in [#"{"a": "abc"#, #"{"a": "abc\"#, #"{"a": "abc\u12"#, #"{"a": "\uD83D"#, #"{"a": "\uD83D\"#, #"{"a": "\uD83D\uDE"#] {
            let error = JSONTest.error(text)
            #expect(error?.message == "unexpected end of file inside a string", "\(text)")
            #expect(error?.location == TextPosition(line: 1, column: 7), "\(text)")
        }
    }

    @Test func rejectsRawControlCharactersSayingHowToEscapeThem() {
        let tab = JSONTest.error("[\"a\tb\"]")
        #expect(tab?.message == #"found a tab inside a string; expected it escaped as \t"#)
        #expect(tab?.location == TextPosition(line: 1, column: 4))
        let lineBreak = JSONTest.error("{\"a\": \"ab\ncd\"}")
        #expect(lineBreak?.message == #"found a line break inside a string; expected the closing '"' (or \n for a line break in the string)"#)
        #expect(lineBreak?.location == TextPosition(line: 1, column: 10))
        #expect(JSONTest.error("\"a\rb\"")?.message.hasPrefix("found a line break inside a string") == true)
        let other = JSONTest.error("\"\u{1}\"")
        #expect(other?.message == #"found control character U+0001 inside a string; expected it escaped as \u0001"#)
        #expect(other?.location == TextPosition(line: 1, column: 2))
        #expect(JSONTest.error("\"\u{0}\"")?.message == #"found control character U+0000 inside a string; expected it escaped as \u0000"#)
        #expect(JSONTest.error("\"\u{1F}\"")?.message == #"found control character U+001F inside a string; expected it escaped as \u001F"#)
    }
}
