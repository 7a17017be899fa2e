extension String {
    /// The text with every character that moves a terminal's cursor, changes its colours or
    /// reorders what it shows written out as an escape, so text from a scenario file prints as
    /// one visible run of characters: `\n`, `\r`, `\t`, and `\u{1B}` for the rest of the
    /// C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional
    /// overrides and isolates. A file can then neither break "one problem per line" nor forge
    /// a log line, nor recolour a terminal. Every place that prints text from a file uses it.
    /// - Complexity: O(n) in the length of the text.
    public var printable: String {
        guard unicodeScalars.contains(where: Self.isControl) else { return self }
        var out = ""
        out.unicodeScalars.reserveCapacity(unicodeScalars.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Self.isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` is one that `printable` writes as an escape.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
