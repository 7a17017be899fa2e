/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable {
    /// The key, with its escapes decoded.
    public var key: String
    /// Where the key's opening quote is.
    public var keyLocation: TextPosition
    /// The member's value.
    public var value: JSONNode

    /// The member `key: value`, whose key starts at `keyLocation`.
    public init(key: String, keyLocation: TextPosition, value: JSONNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
