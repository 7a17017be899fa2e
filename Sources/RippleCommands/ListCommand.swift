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
        for path in try ScenarioFiles.expand([folder], console: console) {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                rows.append([path, scenario.name, firstSentence(scenario.description)])
            } catch {
                rows.append([path, "(invalid)", "run 'ripple validate \(path)'"])
                status = .badInput
            }
        }
        guard rows.count > 1 else { throw UsageError("no scenario files (*.json) in \(folder)") }
        console.write(Table(rows: rows).rendered)
        return status
    }

    func firstSentence(_ text: String) -> String {
        let end = text.firstIndex(where: { $0 == "." || $0 == "?" }) ?? text.endIndex
        let sentence = String(text[..<end]) + (end < text.endIndex ? String(text[end]) : "")
        return sentence.count > 90 ? String(sentence.prefix(89)) + "…" : sentence
    }
}
