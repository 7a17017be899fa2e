import SimReports
import SimScenario

/// Reads machine-written JSON files (shard results, baselines) field by field, failing with
/// the file, the field's path and what was expected.
struct JSONFields {
    /// The file as the user named it.
    let file: String

    /// The parsed document at `file`, at most `limit` bytes.
    func document(limit: Int = JSONParser.maximumBytes) throws -> JSONNode {
        // One byte past the limit, so that the parser refuses an oversized file without it being read whole.
        guard let data = FileBytes.contents(of: file, upTo: limit + 1) else {
            throw ReportedError("ripple: \(file.printable): no such file, or it cannot be read")
        }
        do {
            return try JSONParser.parse(data, limit: limit)
        } catch {
            throw ReportedError(error.all.map { "ripple: \(file.printable):\($0.location.line):\($0.location.column): \($0.message)" }.joined(separator: "\n"))
        }
    }

    func fail(_ path: String, _ message: String) -> ReportedError {
        ReportedError("ripple: \(file.printable): \(path.isEmpty ? "" : path + ": ")\(message)")
    }

    /// A number is shown as written: "found a number" would not say what is wrong with 2.5 or 1e999.
    func wrong(_ path: String, expected: String, found node: JSONNode) -> ReportedError {
        fail(path, "expected \(expected), found \(node.numberText ?? node.kindDescription)")
    }

    func members(_ node: JSONNode, _ path: String) throws -> [JSONMember] {
        guard let members = node.objectMembers else { throw wrong(path, expected: "an object", found: node) }
        return members
    }

    /// Refuses a field of the object `node` that is not one of `keys`: the format has no such
    /// field, and read past, it would be dropped without a word.
    func only(_ keys: [String], in node: JSONNode, _ path: String) throws {
        for member in try members(node, path) where !keys.contains(member.key) {
            let hint = Suggestion.closest(to: member.key, among: keys).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw fail(path.isEmpty ? member.key : path + "." + member.key,
                       "unknown field\(hint); expected one of " + keys.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }

    func member(_ node: JSONNode, _ key: String, _ path: String) throws -> JSONNode {
        guard let value = try members(node, path).first(where: { $0.key == key })?.value else {
            throw ReportedError("ripple: \(file.printable): the field \"\(path.isEmpty ? key : path + "." + key)\" is missing")
        }
        return value
    }

    func elements(_ node: JSONNode, _ path: String) throws -> [JSONNode] {
        guard let elements = node.arrayElements else { throw wrong(path, expected: "an array", found: node) }
        return elements
    }

    func string(_ node: JSONNode, _ path: String) throws -> String {
        guard let text = node.stringValue else { throw wrong(path, expected: "a string", found: node) }
        return text
    }

    func optionalString(_ node: JSONNode, _ path: String) throws -> String? {
        if case .null = node.value { return nil }
        return try string(node, path)
    }

    func bool(_ node: JSONNode, _ path: String) throws -> Bool {
        guard let flag = node.boolValue else { throw wrong(path, expected: "true or false", found: node) }
        return flag
    }

    func integer(_ node: JSONNode, _ path: String) throws -> Int {
        guard let value = node.numberText.flatMap({ Int($0) }) else { throw wrong(path, expected: "a whole number", found: node) }
        return value
    }

    func seed(_ node: JSONNode, _ path: String) throws -> UInt64 {
        guard let value = node.numberText.flatMap({ UInt64($0) }) else { throw wrong(path, expected: "a seed", found: node) }
        return value
    }

    func number(_ node: JSONNode, _ path: String) throws -> Double {
        guard let value = node.numberText.flatMap({ Double($0) }), value.isFinite else { throw wrong(path, expected: "a finite number", found: node) }
        return value
    }

    func optionalNumber(_ node: JSONNode, _ path: String) throws -> Double? {
        if case .null = node.value { return nil }
        return try number(node, path)
    }

    /// A number written so it reads back as exactly the same `Double` (Swift's shortest
    /// round-trip digits); `null` for a missing or non-finite value.
    static func exact(_ value: Double?) -> JSONOutput {
        guard let value, value.isFinite else { return .null }
        return .number(value.description)
    }
}
