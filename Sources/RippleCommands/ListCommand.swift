import SimChecks
import SimReports
import SimScenario

/// `ripple list`: the scenarios in a folder, with their one-line descriptions.
struct ListCommand: Command {
    static let name = "list"
    static let summary = "List scenarios in a folder with their descriptions"
    static let usage = "ripple list [DIR]"
    static let options: [OptionSpec] = []

    let folder: String

    init(_ arguments: ParsedArguments) throws {
        guard arguments.positionals.count <= 1 else { throw UsageError("list takes at most one folder") }
        folder = arguments.positionals.first ?? "scenarios"
    }

    func run(_ console: Console) throws -> ExitStatus {
        var rows: [[String]] = [["file", "name", "what it shows"]]
        var status = ExitStatus.success
        if let reason = ScenarioFiles.unreachable(folder) { throw ReportedError("ripple: \(folder.printable): \(reason)") }
        for path in try ScenarioFiles.expand([folder], console: console) {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                rows.append([path, scenario.name, Self.firstSentence(scenario.description)])
            } catch {
                rows.append([path, "(invalid)", "run ripple validate \(Shell.quote(path))"])
                status = .badInput
            }
        }
        guard rows.count > 1 else { throw UsageError("no scenario files (*.json) in \(folder.printable)") }
        console.write(Table(rows: rows, textColumns: 3).rendered)
        return status
    }

    /// The first sentence of `text`: up to a `.` or `?` followed by a space or the end, so a
    /// decimal point ("2.5 times") does not end it; longer than 90 characters, it is cut and
    /// the cut shows "…".
    static func firstSentence(_ text: String) -> String {
        let characters = Array(text)
        var end = characters.count
        for i in characters.indices where characters[i] == "." || characters[i] == "?" {
            if i + 1 == characters.count || characters[i + 1].isWhitespace {
                end = i + 1
                break
            }
        }
        let sentence = String(characters[..<end])
        return sentence.count > 90 ? String(sentence.prefix(89)) + "…" : sentence
    }
}
