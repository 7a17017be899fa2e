/// A file that is not a single well-formed JSON value: what was expected, what was found, and where.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as in "expected ',' or '}' after an object member, found '\"'".
    public var message: String
    /// Where the problem was found.
    public var location: TextPosition
    /// The problems found after this one, in file order: the parser reads on past a duplicate
    /// key, so that every one is reported at once.
    public var later: [JSONSyntaxError] = []

    /// The error `message`, found at `location`.
    public init(message: String, location: TextPosition) {
        self.message = message
        self.location = location
    }

    /// This problem and those found after it, in file order.
    public var all: [JSONSyntaxError] {
        var first = self
        first.later = []
        return [first] + later
    }

    /// The location and the message, as in "line 3, column 7: expected a value, found ']'".
    public var description: String { "\(location): \(message)" }
}
