/// Writing a document people edit (a scenario) rather than one machines compare: members in
/// the order they were built, and small containers on one line.
extension JSONOutput {
    /// The document with object members in built order (not sorted), a container on one line
    /// when it fits within `width` columns at its place, else one member or element per line
    /// indented by two spaces; ending with a newline.
    public func renderedInOrder(width: Int = 100) -> String {
        var out = ""
        writeInOrder(to: &out, indent: 0, column: 0, width: width)
        return out + "\n"
    }

    /// `{"a": 1, "b": [2, 3]}`: the value on one line.
    public var inline: String {
        switch self {
        case .object(let members):
            "{" + members.map { JSONOutput.quote($0.0) + ": " + $0.1.inline }.joined(separator: ", ") + "}"
        case .array(let elements):
            "[" + elements.map(\.inline).joined(separator: ", ") + "]"
        case .string(let text): JSONOutput.quote(text)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    /// Writes the value starting at `column` (where the line already holds that much).
    func writeInOrder(to out: inout String, indent: Int, column: Int, width: Int) {
        let line = inline
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members) where !members.isEmpty && column + line.count > width:
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                let start = pad + JSONOutput.quote(key) + ": "
                out += start
                value.writeInOrder(to: &out, indent: indent + 1, column: start.count, width: width)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .array(let elements) where !elements.isEmpty && column + line.count > width:
            out += "[\n"
            for (i, value) in elements.enumerated() {
                out += pad
                value.writeInOrder(to: &out, indent: indent + 1, column: pad.count, width: width)
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        default:
            out += line
        }
    }
}
