/// Text made safe for XML (SVG, HTML) content and attribute values.
enum XMLEscaping {
    /// `text` with `& < > " '` replaced by entities, and characters XML 1.0 forbids
    /// (control characters other than tab, line feed and carriage return; U+FFFE, U+FFFF)
    /// replaced by U+FFFD, so any `String` yields a well-formed document. With `isAttribute`,
    /// tabs and line breaks become character references, so they survive in an attribute value.
    /// - Complexity: O(n) in the length of `text`.
    static func escaped(_ text: String, isAttribute: Bool = false) -> String {
        // Most text (numbers, names) has nothing to replace: hand it back whole. A byte 0xEF
        // may start U+FFFE or U+FFFF, so it takes the long way.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF || Self.entityBytes.contains($0) }) { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r":
                if isAttribute || scalar == "\r" { out += "&#\(scalar.value);" } else { out.unicodeScalars.append(scalar) }
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The bytes of `& < > " '`, which are always replaced.
    static let entityBytes: [UInt8] = Array("&<>\"'".utf8)
}
