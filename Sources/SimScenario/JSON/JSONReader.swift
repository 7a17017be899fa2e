/// The parser's state while it reads one document: the bytes, the offset of the next byte,
/// and how many arrays and objects enclose that offset.
///
/// Its methods each read one piece of the grammar, starting at `offset` and leaving
/// `offset` just past what they read.
struct JSONReader {
    /// The whole document.
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var offset: Int
    /// How many arrays and objects are open around `offset`.
    var depth = 0
    /// Turns offsets into lines and columns for nodes and errors.
    var locations: LocationTracker
    /// The duplicate keys met so far, in file order: each is an error, but reading goes on.
    var duplicateKeys: [JSONSyntaxError] = []

    /// A reader at the start of `bytes`, whose first line and column start at `origin`.
    init(bytes: [UInt8], origin: Int) {
        self.bytes = bytes
        self.offset = origin
        self.locations = LocationTracker(bytes: bytes, origin: origin)
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset >= bytes.count }

    /// The next byte, or `nil` at the end of the file.
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Moves past spaces, tabs, carriage returns and line feeds: the only whitespace JSON allows.
    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// The line and column of the byte at `target`.
    mutating func location(at target: Int) -> TextPosition {
        locations.location(at: target)
    }

    /// An error with `message`, located at the byte at `target`.
    mutating func error(_ message: String, at target: Int) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: location(at: target))
    }

    /// An "expected …, found …" error at `offset`, describing whatever is there.
    mutating func unexpected(expected: String, hint: String = "") -> JSONSyntaxError {
        error("expected \(expected), found \(describe(at: offset))\(hint)", at: offset)
    }
}
