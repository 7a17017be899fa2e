import SimMetrics

/// Writing a document people edit (a scenario) rather than one machines compare: members in
/// the order they were read or set, numbers exactly as written, and small containers on one line.
extension JSONNode {
    /// The document with a container on one line when it fits within `width` columns at its
    /// place, else one member or element per line indented by two spaces; ending with a newline.
    public func renderedInOrder(width: Int = 100) -> String {
        var out = ""
        writeInOrder(to: &out, indent: 0, column: 0, width: width)
        return out + "\n"
    }

    /// `{"a": 1, "b": [2, 3]}`: the value on one line.
    public var inline: String {
        switch value {
        case .object(let members): "{" + members.map { JSONString.literal($0.key) + ": " + $0.value.inline }.joined(separator: ", ") + "}"
        case .array(let elements): "[" + elements.map(\.inline).joined(separator: ", ") + "]"
        case .string(let text): JSONString.literal(text)
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    /// Writes the value starting at `column` (where the line already holds that much).
    func writeInOrder(to out: inout String, indent: Int, column: Int, width: Int) {
        let line = inline
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch value {
        case .object(let members) where !members.isEmpty && column + line.count > width:
            out += "{\n"
            for (i, member) in members.enumerated() {
                let start = pad + JSONString.literal(member.key) + ": "
                out += start
                member.value.writeInOrder(to: &out, indent: indent + 1, column: start.count, width: width)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .array(let elements) where !elements.isEmpty && column + line.count > width:
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += pad
                element.writeInOrder(to: &out, indent: indent + 1, column: pad.count, width: width)
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        default:
            out += line
        }
    }
}
