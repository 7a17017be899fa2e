import SimMetrics

/// A JSON value to write. Object keys are sorted when written, so output is stable
/// whatever order a writer builds it in; numbers are text from `Format`.
public indirect enum JSONOutput: Sendable {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    /// A number already formatted (integers as digits, decimals through `Format`).
    case number(String)
    case bool(Bool)
    case null

    /// An integer.
    public static func int(_ value: Int) -> JSONOutput { .number(String(value)) }
    /// A decimal with up to `decimals` places, trailing zeros removed.
    public static func decimal(_ value: Double, decimals: Int = 3) -> JSONOutput {
        guard value.isFinite else { return .null }
        return .number(Format.decimal(value, decimals: decimals))
    }

    /// The document, indented by two spaces, ending with a newline.
    public var rendered: String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    /// The value on one line, without spaces, keys sorted.
    public var compact: String {
        var out = ""
        writeCompact(to: &out)
        return out
    }

    /// Appends `compact` to `out`, without building each member's text apart.
    func writeCompact(to out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if i > 0 { out += "," }
                out += JSONString.literal(key)
                out += ":"
                value.writeCompact(to: &out)
            }
            out += "}"
        case .array(let elements):
            out += "["
            for (i, value) in elements.enumerated() {
                if i > 0 { out += "," }
                value.writeCompact(to: &out)
            }
            out += "]"
        case .string(let text): out += JSONString.literal(text)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.sorted(by: { $0.0 < $1.0 }).enumerated() {
                out += pad + JSONString.literal(key) + ": "
                value.write(to: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .array(let elements):
            guard !elements.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, value) in elements.enumerated() {
                out += pad
                value.write(to: &out, indent: indent + 1)
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .string(let text): out += JSONString.literal(text)
        case .number(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }
}
