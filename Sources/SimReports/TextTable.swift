import SimMetrics

/// An aligned plain-text table for terminals: first row is the header, the leading text
/// columns left-aligned, every other column right-aligned (numbers line up). Cells print
/// `printable`, so text from a file cannot break a row.
public struct Table {
    /// The rows, header first.
    public var rows: [[String]]
    /// How many leading columns hold text and are left-aligned; the rest hold numbers.
    public var textColumns: Int

    /// A table of `rows`, header first; the header sets the columns (short rows are padded,
    /// extra cells dropped). The first `textColumns` columns are left-aligned.
    public init(rows: [[String]], textColumns: Int = 1) {
        self.rows = rows
        self.textColumns = textColumns
    }

    /// The table as lines of text, with a rule under the header.
    public var rendered: String {
        let rows = rows.map { $0.map(\.printable) }
        guard let header = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = Swift.max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, width) in widths.enumerated() {
                let cell = i < row.count ? row[i] : ""
                let padding = String(repeating: " ", count: width - cell.count)
                parts.append(i < textColumns ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var out = line(header)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows.dropFirst() { out += line(row) }
        return out
    }
}
