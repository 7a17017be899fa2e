/// Finding and replacing a value inside a document by its path, written as issues name
/// fields: keys joined by dots, array elements by index, as in `services.email.work.constant`
/// or `faults[0].for`.
///
/// A key may itself hold a dot (a service named `mail.v2`): every key that could start the
/// rest of the path is tried, in file order.
extension JSONNode {
    /// The value at `path`.
    /// - Throws: `JSONPathError` saying where the path leaves the document, with the keys
    ///   found there and a "did you mean" when one is close.
    /// - Complexity: O(depth × width) for keys without dots.
    public func node(at path: String) throws(JSONPathError) -> JSONNode {
        let steps = try route(to: path)
        var node = self
        for step in steps { node = node.child(step) }
        return node
    }

    /// This document with the value at `path` replaced by `value`. The new value keeps the
    /// old one's location, so problems found in it point at the line the path names.
    /// - Throws: `JSONPathError` as `node(at:)` does.
    public func replacing(at path: String, with value: JSONValue) throws(JSONPathError) -> JSONNode {
        replacing(along: try route(to: path)[...], with: value)
    }

    /// One step down a document: the member at an index of an object, or an array's element.
    enum PathStep {
        case member(Int)
        case element(Int)
    }

    func child(_ step: PathStep) -> JSONNode {
        switch (step, value) {
        case (.member(let i), .object(let members)): members[i].value
        case (.element(let i), .array(let elements)): elements[i]
        default: preconditionFailure("a route only takes steps that exist")
        }
    }

    func replacing(along steps: ArraySlice<PathStep>, with newValue: JSONValue) -> JSONNode {
        guard let step = steps.first else { return JSONNode(value: newValue, location: location) }
        var copy = self
        switch (step, value) {
        case (.member(let i), .object(var members)):
            members[i].value = members[i].value.replacing(along: steps.dropFirst(), with: newValue)
            copy.value = .object(members)
        case (.element(let i), .array(var elements)):
            elements[i] = elements[i].replacing(along: steps.dropFirst(), with: newValue)
            copy.value = .array(elements)
        default: preconditionFailure("a route only takes steps that exist")
        }
        return copy
    }

    /// The steps from this node to the value at `path`.
    func route(to path: String) throws(JSONPathError) -> [PathStep] {
        guard !path.isEmpty else { throw JSONPathError(path: path, message: "the path is empty; name a field such as \"duration\"") }
        var deepest: JSONPathError?
        if let steps = route(to: path[...], at: "", in: path, deepest: &deepest) { return steps }
        throw deepest ?? JSONPathError(path: path, message: "no such field")
    }

    /// The steps from this node, reached by `walked`, to `rest`; `nil` after recording in
    /// `deepest` why not, unless a problem further along the path is already recorded.
    private func route(to rest: Substring, at walked: String, in path: String, deepest: inout JSONPathError?) -> [PathStep]? {
        func fail(_ message: String) -> [PathStep]? {
            if walked.count >= deepest?.resolvedLength ?? 0 {
                deepest = JSONPathError(path: path, message: message, resolvedLength: walked.count)
            }
            return nil
        }
        let place = walked.isEmpty ? "at the top level" : "in " + walked
        let name = walked.isEmpty ? "the document" : walked
        switch value {
        case .object(let members):
            if rest.first == "[" { return fail("\(name) is an object, not an array; it has \(Self.keys(members))") }
            for (i, member) in members.enumerated() where rest.hasPrefix(member.key) {
                let after = rest.dropFirst(member.key.count)
                let reached = walked.isEmpty ? member.key : walked + "." + member.key
                if after.isEmpty { return [.member(i)] }
                let next: Substring
                if after.first == "." { next = after.dropFirst() } else if after.first == "[" { next = after } else { continue }
                if let steps = member.value.route(to: next, at: reached, in: path, deepest: &deepest) {
                    return [.member(i)] + steps
                }
            }
            let key = String(rest.prefix { $0 != "." && $0 != "[" })
            let hint = Suggestion.closest(to: key, among: members.map(\.key)).map { " (did you mean \"\($0)\"?)" } ?? ""
            let has = members.isEmpty ? "it is empty" : "it has \(Self.keys(members))"
            return fail("no field \"\(key)\" \(place)\(hint); \(has)")
        case .array(let elements):
            guard rest.first == "[", let close = rest.firstIndex(of: "]") else {
                return fail("\(name) is an array; name an element by its index, as in \(walked)[0]")
            }
            guard let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else {
                return fail("expected an index such as [0] after \(walked), found \(rest[...close])")
            }
            guard index < elements.count else {
                return fail("\(walked) has \(elements.count) element\(elements.count == 1 ? "" : "s"), so [\(index)] is out of range")
            }
            let after = rest[rest.index(after: close)...]
            let reached = walked + "[\(index)]"
            if after.isEmpty { return [.element(index)] }
            let next: Substring
            if after.first == "." { next = after.dropFirst() } else if after.first == "[" { next = after } else {
                return fail("expected '.' or '[' after \(reached), found \(after)")
            }
            guard let steps = elements[index].route(to: next, at: reached, in: path, deepest: &deepest) else { return nil }
            return [.element(index)] + steps
        default:
            return fail("\(name) is \(kindDescription), which has no fields")
        }
    }

    /// `"a", "b" and "c"`: an object's keys in file order.
    private static func keys(_ members: [JSONMember]) -> String {
        let quoted = members.map { "\"\($0.key)\"" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}

/// A path that does not lead to a value in a document.
public struct JSONPathError: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// Where and why the path leaves the document, as in `no field "timout" in
    /// architectures.sync (did you mean "timeout"?); it has "chain" and "timeout"`.
    public var message: String
    /// How much of the path was found before the problem, to keep the deepest problem.
    var resolvedLength = 0

    /// The problem `message` with `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    init(path: String, message: String, resolvedLength: Int) {
        self.init(path: path, message: message)
        self.resolvedLength = resolvedLength
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
