/// A place in a source file: a line and a column, both counted from 1.
///
/// Columns count Unicode scalars, not bytes, so they match what an editor shows for
/// text without tabs or combining marks; a tab counts as one column. A line ends at
/// LF, at CRLF, or at a CR not followed by LF. A UTF-8 byte order mark at the start
/// of the file takes no column.
public struct TextPosition: Hashable, Sendable, CustomStringConvertible {
    /// The line, counted from 1.
    public var line: Int
    /// The column in Unicode scalars, counted from 1.
    public var column: Int

    /// The location at `line` and `column`, both counted from 1.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The location, as in "line 3, column 7".
    public var description: String { "line \(line), column \(column)" }
}
