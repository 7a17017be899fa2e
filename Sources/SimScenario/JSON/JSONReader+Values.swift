/// Reading any value, and the literals `true`, `false` and `null`.
extension JSONReader {
    /// Reads the value at `offset`.
    ///
    /// - Parameter expected: what to call the missing value in an error, as in "a value after ','".
    mutating func parseValue(expected: String) throws(JSONSyntaxError) -> JSONNode {
        // Take the location before reading nested values, so the tracker only moves forward.
        let start = location(at: offset)
        guard let byte = current else { throw unexpected(expected: expected) }
        let value: JSONValue
        switch byte {
        case UInt8(ascii: "{"): value = try parseObject()
        case UInt8(ascii: "["): value = try parseArray()
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): value = try parseLiteral(expected: expected)
        default: throw unexpected(expected: expected, hint: valueHint())
        }
        return JSONNode(value: value, location: start)
    }

    /// Reads `true`, `false` or `null`, which must not run on into further letters or digits.
    private mutating func parseLiteral(expected: String) throws(JSONSyntaxError) -> JSONValue {
        let value: JSONValue
        switch word(at: offset) {
        case "true": value = .bool(true)
        case "false": value = .bool(false)
        case "null": value = .null
        default: throw unexpected(expected: expected, hint: valueHint())
        }
        offset += value.literalLength
        return value
    }

    /// A hint for the usual mistakes where a value should be, or "" when none applies.
    func valueHint() -> String {
        guard let byte = current else { return "" }
        switch byte {
        case UInt8(ascii: "'"): return " (JSON strings use double quotes)"
        case UInt8(ascii: "/"), UInt8(ascii: "#"): return " (JSON has no comments)"
        case UInt8(ascii: "+"): return " (JSON numbers have no '+' sign)"
        case UInt8(ascii: "."): return " (JSON numbers need a digit before the '.')"
        default: break
        }
        guard Self.isWordByte(byte) else { return "" }
        let word = word(at: offset)
        if ["nan", "infinity", "inf"].contains(word.lowercased()) { return " (JSON has no NaN or Infinity)" }
        if ["true", "false", "null"].contains(word.lowercased()) { return " (JSON writes it '\(word.lowercased())')" }
        return ""
    }
}

extension JSONValue {
    /// How many bytes the literal `true`, `false` or `null` takes; 0 for other values.
    fileprivate var literalLength: Int {
        switch self {
        case .bool(let flag): flag ? 4 : 5
        case .null: 4
        default: 0
        }
    }
}
