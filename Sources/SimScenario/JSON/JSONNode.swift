/// A JSON value together with where it starts in the file.
public struct JSONNode: Sendable {
    /// The value.
    public var value: JSONValue
    /// Where the value's first character is.
    public var location: TextPosition

    /// The node holding `value`, which starts at `location`.
    public init(value: JSONValue, location: TextPosition) {
        self.value = value
        self.location = location
    }

    /// What kind of value this is, for error messages: "an object", "an array", "a string",
    /// "a number", "true", "false" or "null".
    public var kindDescription: String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
