/// Turns byte offsets into lines and columns, remembering where it last stopped.
///
/// The parser asks for locations in increasing order, so each query only scans the bytes
/// since the previous one and a whole document costs O(n). A query behind the last one
/// (only ever for an error) rescans from the start.
struct LocationTracker {
    /// The document.
    let bytes: [UInt8]
    /// The offset of line 1, column 1 (3 after a byte order mark, else 0).
    let origin: Int
    private var offset: Int
    private var line = 1
    private var column = 1

    /// A tracker for `bytes`, whose first line and column start at `origin`.
    init(bytes: [UInt8], origin: Int) {
        self.bytes = bytes
        self.origin = origin
        self.offset = origin
    }

    /// The line and column of the byte at `target` (or of the end of the file, at `bytes.count`).
    /// - Complexity: O(distance from the previous query) when moving forward, else O(target).
    mutating func location(at target: Int) -> TextPosition {
        if target < offset {
            (offset, line, column) = (origin, 1, 1)
        }
        while offset < target {
            let byte = bytes[offset]
            if byte == 0x0A || (byte == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Every byte but a UTF-8 continuation byte starts a new scalar.
                column += 1
            }
            offset += 1
        }
        return TextPosition(line: line, column: column)
    }
}
