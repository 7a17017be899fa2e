import Testing
@testable import SimScenario

/// Numbers follow the RFC 8259 grammar exactly and keep the text they were written with.
struct JSONParserNumberTests {
    @Test func keepsTheExactTextOfEveryValidForm() throws {
        let texts = ["0", "-0", "7", "42", "-0.5", "10.25", "1e3", "1E+3", "2.5e-10", "0e0", "-0.0E-00",
                     "123456789012345678901234567890", "1.00000000000000000000001"]
        for text in texts {
            #expect(try JSONTest.parse(text).numberText == text)
            #expect(try JSONTest.parse("[\(text)]").arrayElements?.first?.numberText == text)
        }
    }

    @Test func rejectsLeadingZerosAtTheNumber() {
        let cases: [(String, String, Int)] = [("01", "01", 1), ("-007.5", "-007.5", 1), ("[1, 00]", "00", 5)]
        for (text, found, column) in cases {
            let error = JSONTest.error(text)
            #expect(error?.message == "expected a number without leading zeros, found '\(found)'", "\(text)")
            #expect(error?.location == TextPosition(line: 1, column: column), "\(text)")
        }
    }

    @Test func rejectsMissingDigitsWhereTheyWereExpected() {
        let cases: [(String, String, Int)] = [
            ("1.", "expected a digit after '.' in a number, found the end of the file", 3),
            ("[1.]", "expected a digit after '.' in a number, found ']'", 4),
            ("1.e5", "expected a digit after '.' in a number, found 'e5'", 3),
            ("1e", "expected a digit in the exponent of a number, found the end of the file", 3),
            ("[1e+]", "expected a digit in the exponent of a number, found ']'", 5),
            ("-", "expected a digit after '-', found the end of the file", 2),
            ("- 1", "expected a digit after '-', found a space", 2),
            ("-Infinity", "expected a digit after '-', found 'Infinity' (JSON has no NaN or Infinity)", 2),
        ]
        for (text, message, column) in cases {
            let error = JSONTest.error(text)
            #expect(error?.message == message, "\(text)")
            #expect(error?.location == TextPosition(line: 1, column: column), "\(text)")
        }
    }

    @Test func rejectsFormsFromOtherLanguagesWithAHint() {
        #expect(JSONTest.error("+1")?.message == "expected a value, found '+' (JSON numbers have no '+' sign)")
        #expect(JSONTest.error(".5")?.message == "expected a value, found '.' (JSON numbers need a digit before the '.')")
        #expect(JSONTest.error("NaN")?.message == "expected a value, found 'NaN' (JSON has no NaN or Infinity)")
        #expect(JSONTest.error("[Infinity]")?.message == "expected a value or ']' after '[', found 'Infinity' (JSON has no NaN or Infinity)")
        #expect(JSONTest.error("0x1F")?.message == "unexpected 'x1F' after the end of the document")
        #expect(JSONTest.error("1_000")?.message == "unexpected '_' after the end of the document")
    }
}
