import SimMetrics

/// Writes compact JSON (no spaces) straight into UTF-8 bytes, member by member, for documents
/// too long to build as a `JSONOutput` tree first (`trace.json`, one event per line).
///
/// It writes the bytes `JSONOutput.compact` writes for the same values, provided the caller
/// gives each object's members in key order (`JSONOutput` sorts them; this writer cannot).
struct CompactJSONWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []
    /// Whether the object open innermost has no member yet.
    private var isObjectEmpty = false
    /// Whether the array of lines open has no element yet.
    private var isLinesEmpty = false

    /// Appends `text` as it is: punctuation between values, or text that is JSON already.
    mutating func append(raw text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Makes room for `count` more bytes, so a long document is not copied as it grows.
    mutating func reserveCapacity(more count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Writes `{`.
    mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        isObjectEmpty = true
    }

    /// Writes `}`; the object is a member's value, or a whole value, either way written.
    mutating func closeObject() {
        bytes.append(UInt8(ascii: "}"))
        isObjectEmpty = false
    }

    /// Writes `[` and a line break: an array whose elements each get a line of their own.
    mutating func openLines() {
        bytes.append(contentsOf: "[\n".utf8)
        isLinesEmpty = true
    }

    /// Starts an element of the array of lines: after a comma and a line break, unless it is the first.
    mutating func startLine() {
        if !isLinesEmpty { bytes.append(contentsOf: ",\n".utf8) }
        isLinesEmpty = false
    }

    /// Writes a line break and `]`, ending the array of lines.
    mutating func closeLines() {
        bytes.append(contentsOf: "\n]".utf8)
    }

    /// Writes a member's key (after a comma unless it is the object's first), for its value to
    /// follow. Keys are written into Ripple, in plain ASCII that needs no escape.
    mutating func key(_ key: StaticString) {
        if !isObjectEmpty { bytes.append(UInt8(ascii: ",")) }
        isObjectEmpty = false
        literal(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes `text`, a string written into Ripple in plain ASCII that needs no escape, as a
    /// JSON string literal.
    mutating func literal(_ text: StaticString) {
        let utf8 = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        assert(!utf8.contains { $0 < 0x20 || $0 >= 0x80 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }, "\(text) needs an escape")
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `text` as a JSON string literal, escaped as `JSONString.literal` escapes it.
    mutating func string(_ text: String) {
        // Most text (keys, names) needs no escape: quote it whole.
        guard !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: JSONString.literal(text).utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `value` in decimal digits, as `String(value)` does.
    mutating func integer(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(of: UInt64(value.magnitude))
    }

    /// Writes `value` in decimal digits, as `String(value)` does.
    mutating func integer(_ value: UInt64) {
        digits(of: value)
    }

    /// Writes `thousandths / 1000` exactly: the whole part and up to three decimals, without
    /// trailing zeros or a point left last, and `-` before a negative value (`-1500` → `-1.5`).
    mutating func decimal(thousandths: Int64) {
        if thousandths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = thousandths.magnitude
        digits(of: magnitude / 1_000)
        var fraction = magnitude % 1_000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var places = 3
        while fraction % 10 == 0 { fraction /= 10; places -= 1 }
        let end = bytes.count + places
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: places))
        for i in stride(from: end - 1, to: end - places - 1, by: -1) where fraction > 0 {
            bytes[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
    }

    /// Writes `value`'s decimal digits, most significant first.
    private mutating func digits(of value: UInt64) {
        var count = 1, rest = value
        while rest >= 10 { rest /= 10; count += 1 }
        let end = bytes.count + count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        rest = value
        for i in stride(from: end - 1, through: end - count, by: -1) {
            bytes[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}
