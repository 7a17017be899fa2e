/// Reading strings: escapes, `\uXXXX` with surrogate pairs, and no raw control characters.
extension JSONReader {
    /// Reads the string whose opening '"' is at `offset` and returns it with escapes decoded.
    ///
    /// An unterminated string is reported at its opening quote, where the reader can fix it.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = offset
        offset += 1
        // Bytes up to `runStart` are already in `decoded`; escapes are rare, so a string
        // without any is made straight from the document's bytes.
        var runStart = offset
        var decoded: [UInt8] = []
        var hasEscapes = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                defer { offset += 1 }
                guard hasEscapes else { return String(decoding: bytes[runStart..<offset], as: UTF8.self) }
                decoded.append(contentsOf: bytes[runStart..<offset])
                return String(decoding: decoded, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                decoded.append(contentsOf: bytes[runStart..<offset])
                try readEscape(into: &decoded, stringStart: open)
                runStart = offset
            } else if byte < 0x20 {
                throw controlCharacterError(byte)
            } else {
                offset += 1
            }
        }
        throw error("unexpected end of file inside a string", at: open)
    }

    /// Reads the escape whose '\' is at `offset` and appends its UTF-8 bytes to `decoded`.
    private mutating func readEscape(into decoded: inout [UInt8], stringStart: Int) throws(JSONSyntaxError) {
        let backslash = offset
        offset += 1
        guard let letter = current else { throw error("unexpected end of file inside a string", at: stringStart) }
        offset += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try readUnicodeEscape(backslash: backslash, stringStart: stringStart)
            UTF8.encode(scalar) { decoded.append($0) }
        default:
            offset -= 1
            let found = (0x21..<0x7F).contains(letter) ? "'\(Character(Unicode.Scalar(letter)))'" : describe(at: offset)
            throw error("expected an escape character after '\\' (one of \" \\ / b f n r t u), found \(found)", at: offset)
        }
    }

    /// Reads the four hex digits after `\u` at `offset`, and a second `\uXXXX` when the
    /// first is a high surrogate, and returns the scalar they encode.
    private mutating func readUnicodeEscape(backslash: Int, stringStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try readHexQuad(stringStart: stringStart)
        var value = first
        switch first {
        case 0xDC00...0xDFFF:
            throw loneSurrogateError(at: backslash)
        case 0xD800...0xDBFF:
            // The file may end where the low surrogate's `\u` should be.
            if isAtEnd || (bytes[offset] == UInt8(ascii: "\\") && offset + 1 == bytes.count) {
                throw error("unexpected end of file inside a string", at: stringStart)
            }
            guard bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw loneSurrogateError(at: backslash)
            }
            offset += 2
            let second = try readHexQuad(stringStart: stringStart)
            guard (0xDC00...0xDFFF).contains(second) else { throw loneSurrogateError(at: backslash) }
            value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        default:
            break
        }
        // Every value left is a scalar: surrogates are either paired above or rejected.
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Reads exactly four hex digits at `offset`.
    private mutating func readHexQuad(stringStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw error("unexpected end of file inside a string", at: stringStart) }
            guard let digit = Self.hexDigitValue(byte) else {
                let found = (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : describe(at: offset)
                throw error("expected four hex digits after '\\u', found \(found)", at: offset)
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    /// The error for a `\uXXXX` surrogate, at `backslash`, that is not half of a proper pair.
    private mutating func loneSurrogateError(at backslash: Int) -> JSONSyntaxError {
        let written = String(decoding: bytes[backslash..<backslash + 6], as: UTF8.self)
        return error(
            "found a lone surrogate \(written); expected a high surrogate (\\uD800–\\uDBFF) followed by a low surrogate (\\uDC00–\\uDFFF)",
            at: backslash)
    }

    /// The error for a raw control character at `offset` inside a string.
    private mutating func controlCharacterError(_ byte: UInt8) -> JSONSyntaxError {
        let escape: String
        switch byte {
        case 0x0A, 0x0D:
            return error("found a line break inside a string; expected the closing '\"' (or \\n for a line break in the string)", at: offset)
        case 0x09: escape = "\\t"
        case 0x08: escape = "\\b"
        case 0x0C: escape = "\\f"
        default: escape = "\\u" + Self.hex(UInt32(byte)).dropFirst(2)
        }
        return error("found \(describe(at: offset)) inside a string; expected it escaped as \(escape)", at: offset)
    }

    /// The value of the hex digit `byte`, or `nil` if it is not one.
    private static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
