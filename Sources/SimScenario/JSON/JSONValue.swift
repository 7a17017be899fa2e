/// A JSON value as written in the file.
///
/// Object members stay in file order (never a `Dictionary`), so whatever reads the
/// value sees the same order in every process, and numbers keep their exact text,
/// so no precision is lost before the reader decides which type it wants.
public indirect enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number's exact text, as in "42", "-0.5" or "1e3".
    case number(String)
    /// A string, with its escapes decoded.
    case string(String)
    /// An array's elements, in file order.
    case array([JSONNode])
    /// An object's members, in file order; the parser guarantees the keys are distinct.
    case object([JSONMember])
}
