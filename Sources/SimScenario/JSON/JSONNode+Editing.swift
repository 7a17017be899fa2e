/// Changing a parsed document while keeping everything else as written: member order, the
/// exact text of numbers, and the places of untouched values.
extension JSONNode {
    /// The value of member `key`, if this is an object that has one.
    public func member(_ key: String) -> JSONNode? {
        objectMembers?.first { $0.key == key }?.value
    }

    /// This object with member `key` set to `value`: in its place when present, else after
    /// the member `after` (or at the end); `nil` removes it. Other values are returned unchanged.
    public func setting(_ key: String, to value: JSONNode?, after: String? = nil) -> JSONNode {
        guard var members = objectMembers else { return self }
        if let i = members.firstIndex(where: { $0.key == key }) {
            if let value { members[i].value = value } else { members.remove(at: i) }
        } else if let value {
            let member = JSONMember(key: key, keyLocation: location, value: value)
            let place = after.flatMap { key in members.firstIndex { $0.key == key } }.map { $0 + 1 } ?? members.count
            members.insert(member, at: place)
        }
        return JSONNode(value: .object(members), location: location)
    }

    /// This array with element `index` replaced by `value`, or removed when `value` is `nil`.
    public func settingElement(_ index: Int, to value: JSONNode?) -> JSONNode {
        guard var elements = arrayElements, elements.indices.contains(index) else { return self }
        if let value { elements[index] = value } else { elements.remove(at: index) }
        return JSONNode(value: .array(elements), location: location)
    }

    /// A string node at this node's place.
    public func string(_ text: String) -> JSONNode { JSONNode(value: .string(text), location: location) }
}
