/// Typed views of a node's value: each is `nil` when the value is of another kind.
extension JSONNode {
    /// The string, if the value is a string.
    public var stringValue: String? {
        if case .string(let string) = value { string } else { nil }
    }

    /// The members in file order, if the value is an object.
    public var objectMembers: [JSONMember]? {
        if case .object(let members) = value { members } else { nil }
    }

    /// The elements in file order, if the value is an array.
    public var arrayElements: [JSONNode]? {
        if case .array(let elements) = value { elements } else { nil }
    }

    /// The flag, if the value is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let flag) = value { flag } else { nil }
    }

    /// The number's exact text, as written in the file, if the value is a number.
    public var numberText: String? {
        if case .number(let text) = value { text } else { nil }
    }
}
