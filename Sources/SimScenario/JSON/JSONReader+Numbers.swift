/// Reading numbers: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
extension JSONReader {
    /// Reads the number at `offset` and returns its exact text.
    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = offset
        if current == UInt8(ascii: "-") { offset += 1 }
        guard let first = current, Self.isDigit(first) else {
            throw unexpected(expected: "a digit after '-'", hint: valueHint())
        }
        offset += 1
        if first == UInt8(ascii: "0"), let next = current, Self.isDigit(next) {
            throw error("expected a number without leading zeros, found '\(numberLikeText(from: start))'", at: start)
        }
        skipDigits()
        if current == UInt8(ascii: ".") {
            offset += 1
            try readDigits(expected: "a digit after '.' in a number")
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            try readDigits(expected: "a digit in the exponent of a number")
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// Reads one or more digits.
    private mutating func readDigits(expected: String) throws(JSONSyntaxError) {
        guard let byte = current, Self.isDigit(byte) else { throw unexpected(expected: expected) }
        skipDigits()
    }

    /// Moves past any digits.
    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { offset += 1 }
    }

    /// The run of characters that could belong to a number from `start`, for a message.
    private func numberLikeText(from start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 40, "0123456789+-.eE".utf8.contains(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
