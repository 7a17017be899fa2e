import SimMetrics
import SimScenario

/// `ripple validate`: checks scenario files without running them.
struct ValidateCommand: Command {
    static let name = "validate"
    static let summary = "Check scenario files without running them"
    static let usage = "ripple validate FILE|DIR... [--memory-budget SIZE]"
    static let options = [MemoryBudget.option]

    let paths: [String]
    let memoryBudget: Int64

    init(_ arguments: ParsedArguments) throws {
        paths = arguments.positionals
        guard !paths.isEmpty else { throw UsageError("validate needs at least one scenario file or folder") }
        memoryBudget = try MemoryBudget.parse(arguments)
    }

    func run(_ console: Console) throws -> ExitStatus {
        let files = try ScenarioFiles.expand(paths, console: console)
        guard !files.isEmpty else { throw UsageError("no scenario files (*.json) in \(paths.joined(separator: ", "))") }
        var isValid = true
        for path in files {
            do {
                let scenario = try ScenarioLoader.load(path: path, memoryBudget: memoryBudget)
                console.write("ok: \(path.printable) (\(scenario.name): \(scenario.architectures.map(\.name).joined(separator: ", ")))\n")
            } catch {
                console.writeError(error.description + "\n")
                isValid = false
            }
        }
        return isValid ? .success : .badInput
    }
}
