import SimMetrics
import SimScenario

/// `ripple validate`: checks scenario files without running them.
struct ValidateCommand: Command {
    static let name = "validate"
    static let summary = "Check scenario files without running them"
    static let usage = "ripple validate FILE|DIR... [--swarm] [--memory-budget SIZE]"
    static let options = [MemoryBudget.option,
                          OptionSpec("swarm", help: "check the files as --swarm runs them: each has a \"swarm\", whose largest draw fits the memory budget")]

    let paths: [String]
    let memoryBudget: Int64
    /// Whether the files are checked as `--swarm` loads them.
    let swarms: Bool

    init(_ arguments: ParsedArguments) throws {
        paths = arguments.positionals
        guard !paths.isEmpty else { throw UsageError("validate needs at least one scenario file or folder") }
        memoryBudget = try MemoryBudget.parse(arguments)
        swarms = arguments.has("swarm")
    }

    func run(_ console: Console) throws -> ExitStatus {
        let files = try ScenarioFiles.expand(paths, console: console)
        guard !files.isEmpty else { throw UsageError("no scenario files (*.json) in \(paths.joined(separator: ", "))") }
        var isValid = true
        for path in files {
            do {
                let scenario = try ScenarioLoader.load(path: path, memoryBudget: memoryBudget, swarming: swarms)
                if swarms, scenario.swarm == nil {
                    console.writeError(ScenarioFiles.noSwarm(path) + "\n")
                    isValid = false
                    continue
                }
                console.write("ok: \(path.printable) (\(scenario.name): \(scenario.architectures.map(\.name).joined(separator: ", ")))\n")
            } catch {
                console.writeError(error.description + "\n")
                isValid = false
            }
        }
        return isValid ? .success : .badInput
    }
}
