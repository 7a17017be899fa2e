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
        var out: [UInt8] = []
        writeCompact(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `compact`'s UTF-8 bytes to `out`, without building each member's text apart.
    func writeCompact(to out: inout [UInt8]) {
        switch self {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in Self.sortedByKey(members).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: JSONString.literal(key).utf8)
                out.append(UInt8(ascii: ":"))
                value.writeCompact(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, value) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                value.writeCompact(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text): out.append(contentsOf: JSONString.literal(text).utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    /// `members` in key order; as they are when a writer built them in that order already.
    static func sortedByKey(_ members: [(String, JSONOutput)]) -> [(String, JSONOutput)] {
        let isSorted = members.indices.dropFirst().allSatisfy { members[$0 - 1].0 < members[$0].0 }
        return isSorted ? members : members.sorted(by: { $0.0 < $1.0 })
    }

    func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in Self.sortedByKey(members).enumerated() {
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
