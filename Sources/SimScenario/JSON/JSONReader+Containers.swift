/// Reading arrays and objects.
extension JSONReader {
    /// Reads the array whose '[' is at `offset`.
    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        skipWhitespace()
        var elements: [JSONNode] = []
        if current == UInt8(ascii: "]") { return .array(leaveContainer(with: elements)) }
        while true {
            elements.append(try parseValue(expected: elements.isEmpty ? "a value or ']' after '['" : "a value after ','"))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ",")?:
                offset += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") { throw unexpected(expected: "a value after ','", hint: Self.trailingCommaHint) }
            case UInt8(ascii: "]")?:
                return .array(leaveContainer(with: elements))
            default:
                throw unexpected(expected: "',' or ']' after an array element")
            }
        }
    }

    /// Reads the object whose '{' is at `offset`; its keys must be distinct. A duplicate is
    /// noted in `duplicateKeys` and left out, and reading goes on.
    ///
    /// Keys are compared as Swift strings, after decoding escapes: canonically equivalent
    /// spellings (a precomposed "é" and "e" with a combining accent) count as the same key,
    /// since a person reading the file could not tell them apart.
    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        skipWhitespace()
        var members: [JSONMember] = []
        // Only looked up, never iterated, so hashing order cannot leak into the result.
        var firstLocations: [String: TextPosition] = [:]
        if current == UInt8(ascii: "}") { return .object(leaveContainer(with: members)) }
        while true {
            let member = try parseMember(isFirst: members.isEmpty)
            if let first = firstLocations[member.key] {
                duplicateKeys.append(JSONSyntaxError(message: "duplicate key \(Self.quoted(member.key)) (first at \(first))", location: member.keyLocation))
            } else {
                firstLocations[member.key] = member.keyLocation
                members.append(member)
            }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ",")?:
                offset += 1
                skipWhitespace()
            case UInt8(ascii: "}")?:
                return .object(leaveContainer(with: members))
            default:
                throw unexpected(expected: "',' or '}' after an object member")
            }
        }
    }

    /// Reads one `"key": value` member at `offset`.
    private mutating func parseMember(isFirst: Bool) throws(JSONSyntaxError) -> JSONMember {
        guard current == UInt8(ascii: "\"") else {
            throw unexpected(expected: isFirst ? "a string key or '}' after '{'" : "a string key after ','", hint: keyHint())
        }
        let keyLocation = location(at: offset)
        let key = try parseString()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw unexpected(expected: "':' after the key \(Self.quoted(key))") }
        offset += 1
        skipWhitespace()
        let value = try parseValue(expected: "a value for the key \(Self.quoted(key))")
        return JSONMember(key: key, keyLocation: keyLocation, value: value)
    }

    /// A hint for the usual mistakes where a key should be, or "" when none applies.
    private func keyHint() -> String {
        switch current {
        case UInt8(ascii: "}")?: Self.trailingCommaHint
        case UInt8(ascii: "'")?: " (JSON strings use double quotes)"
        case UInt8(ascii: "/")?, UInt8(ascii: "#")?: " (JSON has no comments)"
        case let byte? where Self.isWordByte(byte): " (JSON object keys must be in double quotes)"
        default: ""
        }
    }

    private static let trailingCommaHint = " (JSON does not allow a trailing comma)"

    /// Moves past the '[' or '{' at `offset`, unless that would nest deeper than the limit.
    private mutating func enterContainer() throws(JSONSyntaxError) {
        guard depth < JSONParser.maximumDepth else {
            throw error("found more than \(JSONParser.maximumDepth) nested arrays and objects; expected at most \(JSONParser.maximumDepth)", at: offset)
        }
        depth += 1
        offset += 1
    }

    /// Moves past the ']' or '}' at `offset` and returns `contents`.
    private mutating func leaveContainer<Contents>(with contents: Contents) -> Contents {
        depth -= 1
        offset += 1
        return contents
    }
}
