import SimMetrics

/// One problem in a scenario file: where it is, what was expected and what was found.
public struct ScenarioIssue: Sendable, Equatable {
    /// The JSON path of the field, such as `services.email.work.constant` (empty for the file itself).
    public var path: String
    /// What is wrong, saying what was expected and what was found.
    public var message: String
    /// The line and column, where known.
    public var position: TextPosition?

    /// A problem at `path` (and at `position`, where known) that `message` describes.
    public init(path: String, message: String, position: TextPosition?) {
        self.path = path
        self.message = message
        self.position = position
    }
}

/// Every problem found in one scenario file. Reading never stops at the first problem, so
/// a user fixes them all in one go.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The problems, in file order.
    public var issues: [ScenarioIssue]

    /// The problems `issues` found in `file`, in file order.
    public init(file: String, issues: [ScenarioIssue]) {
        self.file = file
        self.issues = issues
    }

    /// The problems that keep `file` from being read as JSON: `syntax` and those after it.
    public init(file: String, syntax: JSONSyntaxError) {
        self.init(file: file, issues: syntax.all.map { ScenarioIssue(path: "", message: $0.message, position: $0.location) })
    }

    /// One line per problem: `file:line:column: path: message`, with control characters from
    /// the file (in a key, a value or the file's name) escaped so each problem stays one line.
    public var description: String {
        issues.map { issue in
            var location = file.printable
            if let position = issue.position { location += ":\(position.line):\(position.column)" }
            let path = issue.path.isEmpty ? "" : issue.path.printable + ": "
            return "\(location): error: \(path)\(issue.message.printable)"
        }.joined(separator: "\n")
    }
}

/// Collects issues while a scenario is read.
final class IssueLog {
    private(set) var issues: [ScenarioIssue] = []

    func add(_ path: String, _ message: String, at position: TextPosition?) {
        issues.append(ScenarioIssue(path: path, message: message, position: position))
    }

    /// Records that `node` at `path` is not what was expected.
    func wrong(_ path: String, expected: String, found node: JSONNode) {
        add(path, "expected \(expected), found \(Describe.found(node))", at: node.location)
    }
}

/// Short descriptions of values for error messages.
enum Describe {
    /// `"4s"` for a string, `42` for a number, `an object` for containers.
    static func found(_ node: JSONNode) -> String {
        switch node.value {
        case .string(let text): quoted(text)
        case .number(let text): text
        default: node.kindDescription
        }
    }

    /// `text` in quotes, cut after 40 characters with "…", so that an error line stays a line
    /// however long the value in the file.
    static func quoted(_ text: String) -> String {
        "\"" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "\""
    }

    /// `"a", "b" or "c"`, or what to do when there are no names to choose from.
    static func choices(_ names: [String]) -> String {
        guard !names.isEmpty else { return "the names defined in the file, and none is" }
        var seen: Set<String> = []
        let quoted = names.filter { seen.insert($0).inserted }.map { "\"\($0)\"" }  // a name asked for twice is listed once
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
