/// One cell of Ripple's CSV files (`timeseries.csv`, `sweep.csv`), safe to open in a
/// spreadsheet.
enum CSVCell {
    /// `text` as a CSV cell. A number (`-0.25`, `1e6`) stays as written, so it stays a number.
    /// Any other text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return) gets a leading `'` and quotes, OWASP's neutralisation:
    /// the cell then reads as text. A cell holding a comma, a quote or a line break is quoted,
    /// its quotes doubled.
    /// - Complexity: O(n) in the length of `text`.
    static func escaped(_ text: String) -> String {
        let isFormula = !isNumber(text) && text.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true
        guard isFormula || text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        let body = (isFormula ? "'" : "") + text
        return "\"" + body.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Whether `text` is a plain decimal number such as `-12`, `0.5` or `-1.5e-3`.
    static func isNumber(_ text: String) -> Bool {
        Double(text) != nil && text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
    }
}
