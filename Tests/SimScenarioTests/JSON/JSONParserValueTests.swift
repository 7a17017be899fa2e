import Testing
@testable import SimScenario

/// Every kind of value parses to the right case, in file order, at the right line and column.
struct JSONParserValueTests {
    static let document = """
        {
          "name": "demo",
          "seed": 42,
          "ratio": -0.5e+3,
          "on": true,
          "off": false,
          "none": null,
          "list": [1, [2], {"deep": "x"}]
        }
        """

    @Test func readsEveryKindOfValueInFileOrder() throws {
        let root = try JSONTest.parse(Self.document)
        let members = try #require(root.objectMembers)
        #expect(members.map(\.key) == ["name", "seed", "ratio", "on", "off", "none", "list"])
        #expect(members[0].value.stringValue == "demo")
        #expect(members[1].value.numberText == "42")
        #expect(members[2].value.numberText == "-0.5e+3")
        #expect(members[3].value.boolValue == true)
        #expect(members[4].value.boolValue == false)
        guard case .null = members[5].value.value else { Issue.record("expected null"); return }
        #expect(JSONTest.canonical(members[6].value.value) == #"[#1,[#2],{"deep":"x"}]"#)
    }

    @Test func locatesKeysAndValuesByLineAndColumn() throws {
        let root = try JSONTest.parse(Self.document)
        #expect(root.location == TextPosition(line: 1, column: 1))
        let members = try #require(root.objectMembers)
        #expect(members[0].keyLocation == TextPosition(line: 2, column: 3))
        #expect(members[0].value.location == TextPosition(line: 2, column: 11))
        #expect(members[5].keyLocation == TextPosition(line: 7, column: 3))
        #expect(members[5].value.location == TextPosition(line: 7, column: 11))
        // "  \"list\": [1, [2], {\"deep\": \"x\"}]"
        let list = try #require(members[6].value.arrayElements)
        #expect(members[6].value.location == TextPosition(line: 8, column: 11))
        #expect(list.map(\.location.column) == [12, 15, 20])
        #expect(list[1].arrayElements?.first?.location == TextPosition(line: 8, column: 16))
        let deep = try #require(list[2].objectMembers?.first)
        #expect(deep.keyLocation == TextPosition(line: 8, column: 21))
        #expect(deep.value.location == TextPosition(line: 8, column: 29))
    }

    @Test func countsColumnsInUnicodeScalarsNotBytes() throws {
        // é (2 bytes) and 😀 (4 bytes) each take one column.
        let root = try JSONTest.parse("{\"\u{E9}\": \"\u{1F600}\", \"k\": 1}")
        let members = try #require(root.objectMembers)
        #expect(members[0].key == "\u{E9}")
        #expect(members[1].keyLocation == TextPosition(line: 1, column: 12))
        #expect(members[1].value.location == TextPosition(line: 1, column: 17))
    }

    @Test func endsLinesAtLineFeedCarriageReturnAndBoth() throws {
        let elements = try #require(try JSONTest.parse("[1,\r\n2,\r3,\n\n4,\t5]").arrayElements)
        #expect(elements.map(\.location) == [
            TextPosition(line: 1, column: 2), TextPosition(line: 2, column: 1), TextPosition(line: 3, column: 1),
            TextPosition(line: 5, column: 1), TextPosition(line: 5, column: 4),
        ])
    }

    @Test func skipsAByteOrderMarkWithoutGivingItAColumn() throws {
        let root = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(root.location == TextPosition(line: 1, column: 1))
        #expect(root.objectMembers?.first?.keyLocation == TextPosition(line: 1, column: 2))
    }

    @Test func acceptsAnyValueAtTheTopAndSurroundingWhitespace() throws {
        #expect(try JSONTest.parse(" \t\r\n\"top\" \n").stringValue == "top")
        #expect(try JSONTest.parse("7").numberText == "7")
        #expect(try JSONTest.parse("[]").arrayElements?.isEmpty == true)
        #expect(try JSONTest.parse("{ }").objectMembers?.isEmpty == true)
        #expect(try JSONTest.parse("null").location == TextPosition(line: 1, column: 1))
    }

    @Test func accessorsAnswerNilForOtherKinds() throws {
        let number = try JSONTest.parse("1")
        #expect(number.stringValue == nil && number.objectMembers == nil && number.arrayElements == nil)
        #expect(number.boolValue == nil)
        #expect(try JSONTest.parse("\"1\"").numberText == nil)
    }

    @Test func describesEachKindForMessages() throws {
        let kinds = try JSONTest.parse(#"[{}, [], "s", 1, true, false, null]"#).arrayElements?.map(\.kindDescription)
        #expect(kinds == ["an object", "an array", "a string", "a number", "true", "false", "null"])
    }

    @Test func describesLocationsAndErrorsForPeople() {
        #expect(TextPosition(line: 3, column: 7).description == "line 3, column 7")
        let error = JSONSyntaxError(message: "expected a value, found ']'", location: TextPosition(line: 2, column: 5))
        #expect(error.description == "line 2, column 5: expected a value, found ']'")
    }
}
