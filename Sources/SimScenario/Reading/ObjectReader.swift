/// Reads one JSON object field by field, remembering which keys were read so that every
/// other key is reported as unknown, with a "did you mean" when one is close.
struct ObjectReader {
    let path: String
    let node: JSONNode
    let members: [JSONMember]
    let log: IssueLog
    private var known: [String] = []

    /// A reader for `node`, or `nil` (with an issue logged) when it is not an object.
    init?(_ node: JSONNode, path: String, log: IssueLog) {
        guard let members = node.objectMembers else {
            log.wrong(path, expected: "an object", found: node)
            return nil
        }
        self.path = path
        self.node = node
        self.members = members
        self.log = log
    }

    /// The path of `key` inside this object.
    func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The value of `key`, or `nil` when absent.
    mutating func optional(_ key: String) -> JSONNode? {
        known.append(key)
        return members.first { $0.key == key }?.value
    }

    /// The value of `key`; logs `expected` as missing when absent.
    mutating func required(_ key: String, _ expected: String) -> JSONNode? {
        guard let value = optional(key) else {
            log.add(path(key), "is missing; expected \(expected)", at: node.location)
            return nil
        }
        return value
    }

    /// Declares keys that are allowed but read elsewhere.
    mutating func allow(_ keys: [String]) { known += keys.filter { !known.contains($0) } }

    /// Reports every key that was never asked for (every key, in an object that takes none).
    func rejectUnknownKeys() {
        for member in members where !known.contains(member.key) {
            guard !known.isEmpty else {
                log.add(path(member.key), "unknown field; expected an empty object (this one takes no fields)", at: member.keyLocation)
                continue
            }
            let hint = Suggestion.closest(to: member.key, among: known).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path(member.key), "unknown field\(hint); expected one of \(Describe.choices(known))", at: member.keyLocation)
        }
    }
}
