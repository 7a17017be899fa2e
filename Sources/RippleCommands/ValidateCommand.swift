import SimScenario

/// `ripple validate`: checks scenario files without running them.
struct ValidateCommand: Command {
    static let name = "validate"
    static let summary = "Check scenario files without running them"
    static let usage = "ripple validate FILE|DIR..."
    static let options: [OptionSpec] = []

    let paths: [String]

    init(_ arguments: ParsedArguments) throws {
        paths = arguments.positionals
        guard !paths.isEmpty else { throw UsageError("validate needs at least one scenario file or folder") }
    }

    func run(_ console: Console) throws -> ExitStatus {
        var isValid = true
        for path in try ScenarioFiles.expand(paths, console: console) {
            do {
                let scenario = try ScenarioLoader.load(path: path)
                console.write("ok: \(path.printable) (\(scenario.name): \(scenario.architectures.map(\.name).joined(separator: ", ")))\n")
            } catch {
                console.writeError(error.description + "\n")
                isValid = false
            }
        }
        return isValid ? .success : .badInput
    }
}
