/// A strict RFC 8259 JSON parser that remembers where every value and key was written.
///
/// It accepts exactly one JSON value surrounded by optional whitespace (space, tab, CR,
/// LF), after an optional UTF-8 byte order mark. It rejects comments, trailing commas,
/// NaN and Infinity, leading zeros, unknown escapes, lone surrogates, raw control
/// characters in strings, duplicate keys and bytes that are not UTF-8, each with a
/// message that says what was expected and what was found, and where. It reads on past a
/// duplicate key, so every one is reported (in the error's `later`), with the first other
/// problem after them.
///
/// Whatever the bytes, it returns or throws: it never crashes, and it never recurses
/// deeper than `maximumDepth`.
public enum JSONParser {
    /// The most arrays and objects that may be nested inside one another: 64.
    public static let maximumDepth = 64

    /// The largest document accepted, in bytes: 8 MiB.
    public static let maximumBytes = 8 * 1024 * 1024

    /// Parses a whole document into its single value.
    ///
    /// - Throws: `JSONSyntaxError` when the bytes are not exactly one well-formed JSON
    ///   value, are not UTF-8, are empty, nest deeper than `maximumDepth` or are longer
    ///   than `limit` (`maximumBytes` unless a machine-written file needs more).
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: [UInt8], limit: Int = maximumBytes) throws(JSONSyntaxError) -> JSONNode {
        guard bytes.count <= limit else {
            throw JSONSyntaxError(
                message: "the file is larger than the \(limit / 1_048_576) MiB limit (\(limit) bytes)",
                location: TextPosition(line: 1, column: 1))
        }
        let origin = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var reader = JSONReader(bytes: bytes, origin: origin)
        if let invalid = UTF8Validation.firstInvalidOffset(in: bytes, from: origin) {
            throw reader.error("the file is not UTF-8 text", at: invalid)
        }
        reader.skipWhitespace()
        guard !reader.isAtEnd else {
            throw reader.error("the file is empty; expected a JSON object", at: reader.offset)
        }
        let document: JSONNode
        do throws(JSONSyntaxError) {
            document = try reader.parseValue(expected: "a value")
            reader.skipWhitespace()
            guard reader.isAtEnd else {
                throw reader.error("unexpected \(reader.describe(at: reader.offset)) after the end of the document", at: reader.offset)
            }
        } catch {
            throw Self.inFileOrder(reader.duplicateKeys + [error])
        }
        guard reader.duplicateKeys.isEmpty else { throw Self.inFileOrder(reader.duplicateKeys) }
        return document
    }

    /// The first of `errors` (not empty, in file order), with the rest as its `later`.
    static func inFileOrder(_ errors: [JSONSyntaxError]) -> JSONSyntaxError {
        var first = errors[0]
        first.later = Array(errors.dropFirst())
        return first
    }
}
