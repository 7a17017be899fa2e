@testable import SimScenario


/// Helpers shared by the JSON parser's tests.
enum JSONTest {
    /// Parses `text` as UTF-8.
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try JSONParser.parse(Array(text.utf8))
    }

    /// The error that parsing `bytes` throws, or `nil` if they parse.
    static func error(parsing bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    /// The error that parsing `text` throws, or `nil` if it parses.
    static func error(_ text: String) -> JSONSyntaxError? {
        error(parsing: Array(text.utf8))
    }

    /// The value in one line of plain ASCII that differs exactly when the structure differs:
    /// member order kept, number text kept, every non-ASCII or special scalar written as `\u{…}`.
    static func canonical(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return "#" + text
        case .string(let string): return canonical(string)
        case .array(let elements): return "[" + elements.map { canonical($0.value) }.joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { canonical($0.key) + ":" + canonical($0.value.value) }.joined(separator: ",") + "}"
        }
    }

    /// `string` quoted, with every scalar outside printable ASCII, and every quote and backslash, as `\u{…}`.
    static func canonical(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            if scalar.value >= 0x20, scalar.value < 0x7F, scalar != "\"", scalar != "\\" {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return result + "\""
    }

    /// The number of lines in `bytes`, by the parser's rule (LF, CRLF or a lone CR ends a line).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        for (index, byte) in bytes.enumerated()
        where byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
            lines += 1
        }
        return lines
    }
}
