import Testing
@testable import SimScenario

/// Malformed documents fail with a message saying what was expected and what was found, at the right place.
struct JSONParserErrorTests {
    /// Checks that `text` fails with exactly `message` at `line` and `column`.
    func expectError(_ text: String, _ message: String, line: Int = 1, column: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let error = JSONTest.error(text)
        #expect(error?.message == message, "\(text)", sourceLocation: sourceLocation)
        #expect(error?.location == TextPosition(line: line, column: column), "\(text)", sourceLocation: sourceLocation)
    }

    @Test func rejectsEmptyAndBlankFiles() {
        expectError("", "the file is empty; expected a JSON object", column: 1)
        expectError(" \n\t", "the file is empty; expected a JSON object", line: 2, column: 2)
        let bomOnly = JSONTest.error(parsing: [0xEF, 0xBB, 0xBF])
        #expect(bomOnly?.message == "the file is empty; expected a JSON object")
        #expect(bomOnly?.location == TextPosition(line: 1, column: 1))
    }

    @Test func rejectsAnythingAfterTheDocument() {
        expectError("{} x", "unexpected 'x' after the end of the document", column: 4)
        expectError("{}\n}", "unexpected '}' after the end of the document", line: 2, column: 1)
        expectError("{} {}", "unexpected '{' after the end of the document", column: 4)
        expectError("1 2", "unexpected '2' after the end of the document", column: 3)
        expectError("{} // note", "unexpected '/' after the end of the document", column: 4)
        expectError("{}\u{0}", "unexpected control character U+0000 after the end of the document", column: 3)
        expectError("{}\u{E9}", "unexpected 'é' after the end of the document", column: 3)
    }

    @Test func rejectsMissingSeparatorsInObjects() {
        expectError(#"{"a": 1 "b": 2}"#, #"expected ',' or '}' after an object member, found '"'"#, column: 9)
        expectError(#"{"a" 1}"#, #"expected ':' after the key "a", found '1'"#, column: 6)
        expectError(#"{"a":}"#, #"expected a value for the key "a", found '}'"#, column: 6)
        expectError(#"{"a": 1"#, "expected ',' or '}' after an object member, found the end of the file", column: 8)
        expectError(#"{"a": [1, 2}"#, "expected ',' or ']' after an array element, found '}'", column: 12)
        expectError(#"{"a": 1,,}"#, #"expected a string key after ',', found ','"#, column: 9)
    }

    @Test func rejectsMissingSeparatorsInArrays() {
        expectError("[1 2]", "expected ',' or ']' after an array element, found '2'", column: 4)
        expectError("[,]", "expected a value or ']' after '[', found ','", column: 2)
        expectError("[", "expected a value or ']' after '[', found the end of the file", column: 2)
        expectError("[1,\n", "expected a value after ',', found the end of the file", line: 2, column: 1)
        expectError("[1;2]", "expected ',' or ']' after an array element, found ';'", column: 3)
    }

    @Test func rejectsTrailingCommas() {
        expectError("{\"a\": 1,\n}", "expected a string key after ',', found '}' (JSON does not allow a trailing comma)", line: 2, column: 1)
        expectError("[1, 2,]", "expected a value after ',', found ']' (JSON does not allow a trailing comma)", column: 7)
    }

    @Test func rejectsKeysThatAreNotDoubleQuotedStrings() {
        expectError("{seed: 1}", "expected a string key or '}' after '{', found 'seed' (JSON object keys must be in double quotes)", column: 2)
        expectError("{'seed': 1}", "expected a string key or '}' after '{', found ''' (JSON strings use double quotes)", column: 2)
        expectError(#"{"a": 1, 2: 3}"#, "expected a string key after ',', found '2' (JSON object keys must be in double quotes)", column: 10)
        expectError("{\"a\": 1, # note\n}", "expected a string key after ',', found '#' (JSON has no comments)", column: 10)
    }

    @Test func rejectsCommentsAndForeignLiterals() {
        expectError("[1, /* two */ 2]", "expected a value after ',', found '/' (JSON has no comments)", column: 5)
        expectError("['a']", "expected a value or ']' after '[', found ''' (JSON strings use double quotes)", column: 2)
        expectError("True", "expected a value, found 'True' (JSON writes it 'true')", column: 1)
        expectError("[NULL]", "expected a value or ']' after '[', found 'NULL' (JSON writes it 'null')", column: 2)
        expectError("nul", "expected a value, found 'nul'", column: 1)
        expectError("[truex]", "expected a value or ']' after '[', found 'truex'", column: 2)
        expectError("undefined", "expected a value, found 'undefined'", column: 1)
        expectError("abcdefghijklmnopqrstuvwxyz", "expected a value, found 'abcdefghijklmnopqrst…'", column: 1)
    }

    @Test func acceptsOnlyTheFourWhitespaceCharacters() {
        expectError("[1,\u{C}2]", "expected a value after ',', found control character U+000C", column: 4)
        expectError("\u{B}1", "expected a value, found control character U+000B", column: 1)
        expectError("[1,\u{A0}2]", "expected a value after ',', found '\u{A0}'", column: 4)
        expectError("[1,\u{FEFF}2]", "expected a value after ',', found '\u{FEFF}'", column: 4)
    }

    @Test func rejectsDuplicateKeysAtTheSecondOne() {
        expectError("{\n  \"seed\": 1,\n  \"seed\": 2\n}", #"duplicate key "seed" (first at line 2, column 3)"#, line: 3, column: 3)
        // Keys are compared after decoding escapes.
        expectError(#"{"a": 1, "\u0061": 2}"#, #"duplicate key "a" (first at line 1, column 2)"#, column: 10)
        // Keys are compared as Swift strings, so canonically equivalent spellings of "é" clash.
        expectError("{\"\u{E9}\": 1, \"e\u{301}\": 2}", "duplicate key \"e\u{301}\" (first at line 1, column 2)", column: 10)
        // Nested objects have their own keys; a duplicate inside one is found there.
        expectError(#"{"a": {"a": 1, "b": {"a": 2, "a": 3}}}"#, #"duplicate key "a" (first at line 1, column 22)"#, column: 30)
        // The key is quoted with its special characters escaped.
        expectError(#"{"q\"\n": 1, "q\"\n": 2}"#, #"duplicate key "q\"\n" (first at line 1, column 2)"#, column: 14)
    }

    /// The parser reads on past a duplicate key: every one is reported, in file order, with
    /// the first other problem after them, and a file scenario reading reports them all.
    @Test func reportsEveryDuplicateKeyAndTheNextOtherProblem() throws {
        let text = "{\"a\": 1, \"a\": 2, \"b\": {\"c\": 1, \"c\": 2, \"c\": 3}, \"a\": 4}"
        let all = JSONTest.error(text)?.all ?? []
        #expect(all.map(\.message) == [#"duplicate key "a" (first at line 1, column 2)"#, #"duplicate key "c" (first at line 1, column 24)"#,
                                        #"duplicate key "c" (first at line 1, column 24)"#, #"duplicate key "a" (first at line 1, column 2)"#])
        #expect(all.map(\.location.column) == [10, 32, 40, 49])
        let broken = JSONTest.error(#"{"a": 1, "a": 2, "b": [1,}"#)?.all ?? []
        #expect(broken.map(\.message) == [#"duplicate key "a" (first at line 1, column 2)"#, "expected a value after ',', found '}'"])
        do {
            _ = try ScenarioLoader.parse(Array(text.utf8), file: "d.json")
            Issue.record("read a file with duplicate keys")
        } catch {
            #expect(error.issues.count == 4)
        }
    }

    @Test func acceptsTheSameKeyInDifferentObjects() throws {
        let root = try JSONTest.parse(#"{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}"#)
        #expect(root.objectMembers?.count == 2)
    }

    @Test func rejectsBytesThatAreNotUTF8AtTheFirstBadByte() {
        let cases: [([UInt8], TextPosition)] = [
            ([0x7B, 0xFF, 0x7D], TextPosition(line: 1, column: 2)),             // never valid
            ([0x22, 0x80, 0x22], TextPosition(line: 1, column: 2)),             // lone continuation byte
            ([0x22, 0xC0, 0x80, 0x22], TextPosition(line: 1, column: 2)),       // overlong NUL
            ([0x22, 0xE0, 0x80, 0xAF, 0x22], TextPosition(line: 1, column: 2)), // overlong '/'
            ([0x22, 0xED, 0xA0, 0x80, 0x22], TextPosition(line: 1, column: 2)), // encoded surrogate U+D800
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], TextPosition(line: 1, column: 2)), // above U+10FFFF
            ([0x22, 0xC3, 0xA9, 0xE2, 0x82], TextPosition(line: 1, column: 3)),  // truncated at the end
            ([0x22, 0xE2, 0x41, 0x22], TextPosition(line: 1, column: 2)),       // sequence cut short
            (Array("{\n\"\u{E9}\": ".utf8) + [0xFE], TextPosition(line: 2, column: 6)),
            // Even when a syntax error comes first: the encoding is checked before the grammar.
            (Array("x".utf8) + [0xFF], TextPosition(line: 1, column: 2)),
        ]
        for (bytes, location) in cases {
            let error = JSONTest.error(parsing: bytes)
            #expect(error?.message == "the file is not UTF-8 text", "\(bytes)")
            #expect(error?.location == location, "\(bytes)")
        }
    }

    @Test func acceptsTheExtremesOfValidUTF8() throws {
        let bytes: [UInt8] = [0x22, 0xC2, 0x80, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80,
                              0xEF, 0xBF, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]
        let string = try #require(try JSONParser.parse(bytes).stringValue)
        #expect(string.unicodeScalars.map(\.value) == [0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF])
    }
}
