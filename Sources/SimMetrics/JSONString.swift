/// How Ripple writes text as a JSON string: quotes, backslashes and control characters
/// escaped, everything else as it is. One spelling for every JSON file Ripple writes
/// (metrics.json, trace.json, a shrunk scenario), so the same text is the same bytes everywhere.
public enum JSONString {
    /// `text` as a JSON string literal.
    public static func literal(_ text: String) -> String {
        // Most text (keys, names) needs no escape: quote it whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
