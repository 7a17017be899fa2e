import SimMetrics

/// Text made safe for `summary.md`: it reads as the same words whatever it holds, and can
/// neither add markup, links, HTML nor break a table row or a list item.
enum MarkdownEscaping {
    /// Characters that start Markdown markup anywhere in a line, escaped with a backslash.
    static let inlineMarkup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "#", "!", "~"]

    /// `text` on one line (line breaks become spaces, other control characters escapes as
    /// `printable` writes them), with every `<` that could open a tag or an autolink (before a
    /// letter, `/`, `!` or `?`) and every `&` that could start an entity written as entities,
    /// so no HTML passes; inline markup escaped; and a leading `-`, `+`, `=` or `>`, or a
    /// number ending in `.` or `)`, escaped so the text cannot start a list, a quote or a
    /// heading underline. Only a number's `.` or `)` followed by a space or the end can start
    /// a list, so `7.6 s` stays as written. A comparison such as `p99 < 1ms` stays as written.
    /// - Complexity: O(n) in the length of `text`.
    static func escaped(_ text: String) -> String {
        plainEscaped(text) ?? escapedCharacterByCharacter(text)
    }

    /// `escaped(text)` for the common text of names and figures (`12.3 ms`, `sync (sync)`):
    /// printable ASCII with none of the characters that need an escape anywhere or at the start,
    /// found in one pass over its bytes. At most a number's `.` or `)` is escaped (`1\.`, so the
    /// text cannot start an ordered list). `nil` for any other text.
    /// - Complexity: O(n) in the length of `text`.
    static func plainEscaped(_ text: String) -> String? {
        let bytes = text.utf8
        guard let first = bytes.first, !"-+=>".utf8.contains(first) else { return bytes.isEmpty ? text : nil }
        guard bytes.allSatisfy({ (0x20...0x7E).contains($0) && !markupBytes.contains($0) }) else { return nil }
        let digits = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
        guard digits > 0, digits < bytes.count else { return text }
        let split = bytes.index(bytes.startIndex, offsetBy: digits)
        guard bytes[split] == UInt8(ascii: ".") || bytes[split] == UInt8(ascii: ")") else { return text }
        let after = bytes.index(after: split)
        guard after == bytes.endIndex || bytes[after] == UInt8(ascii: " ") else { return text }
        return String(text[..<split]) + "\\" + String(text[split...])
    }

    /// The bytes that make `plainEscaped` hand text to the character-by-character pass: inline
    /// markup, and `&` and `<`, which may start an entity or a tag.
    static let markupBytes: [UInt8] = Array("\\`*_[]|#!~&<".utf8)

    /// `escaped(text)`, character by character: for any text.
    /// - Complexity: O(n) in the length of `text`.
    static func escapedCharacterByCharacter(_ text: String) -> String {
        let oneLine = String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 })
        let characters = Array(oneLine.printable)
        var out = ""
        for (i, character) in characters.enumerated() {
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            switch character {
            case "&" where next.isLetter || next == "#": out += "&amp;"
            case "<" where next.isLetter || "/!?".contains(next): out += "&lt;"
            case ">" where i == 0: out += "&gt;"
            case _ where inlineMarkup.contains(character): out += "\\" + String(character)
            case _ where i == 0 && "-+=".contains(character): out += "\\" + String(character)
            case _ where ".)".contains(character) && next == " " && !out.isEmpty && out.allSatisfy(\.isNumber): out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
