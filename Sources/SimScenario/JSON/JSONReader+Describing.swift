/// How error messages name what the parser found.
extension JSONReader {
    /// What is at `target`, for a message: "the end of the file", "'x'", "'NaN'" (a whole
    /// word when it starts with a letter), "a space", "a line break" or "control character U+0001".
    func describe(at target: Int) -> String {
        guard target < bytes.count else { return "the end of the file" }
        let byte = bytes[target]
        switch byte {
        case 0x20: return "a space"
        case 0x09: return "a tab"
        case 0x0A, 0x0D: return "a line break"
        case 0x00..<0x20, 0x7F: return "control character \(Self.hex(UInt32(byte)))"
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return "'\(word(at: target))'"
        case 0x21..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "'\(scalar(at: target))'"
        }
    }

    /// The run of ASCII letters, digits and underscores at `target`, cut at 20 characters.
    func word(at target: Int) -> String {
        var end = target
        while end < bytes.count, end - target < 20, Self.isWordByte(bytes[end]) { end += 1 }
        let text = String(decoding: bytes[target..<end], as: UTF8.self)
        return end < bytes.count && Self.isWordByte(bytes[end]) ? text + "…" : text
    }

    /// The Unicode scalar whose UTF-8 encoding starts at `target` (the document is valid UTF-8).
    private func scalar(at target: Int) -> String {
        let lead = bytes[target]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        return String(decoding: bytes[target..<min(target + length, bytes.count)], as: UTF8.self)
    }

    /// Whether `byte` can be part of a bare word such as `true`, `NaN` or `seed`.
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// `value` as "U+" and at least four uppercase hex digits.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `text` in double quotes, with quotes, backslashes and control characters escaped,
    /// so a key always reads unambiguously in a message.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{0}"..."\u{1F}", "\u{7F}": result += "\\u" + hex(scalar.value).dropFirst(2)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
