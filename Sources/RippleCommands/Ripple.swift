import SimReports
import SimScenario

/// The `ripple` command line: finds the subcommand, parses its options, runs it, and turns
/// every error into a message and an exit status in exactly one place.
public enum Ripple {
    /// Ripple's version, printed by `--version` and written into every report.
    public static let version = "0.1.0"

    static var commands: [any Command.Type] {
        [RunCommand.self, CheckCommand.self, SweepCommand.self, MergeCommand.self, ShrinkCommand.self,
         ValidateCommand.self, ListCommand.self, BenchCommand.self, HelpCommand.self]
    }

    /// Runs `ripple` with `arguments` (without the program name) and returns the exit status.
    public static func main(_ arguments: [String], console: Console = .standard) -> Int32 {
        var status: ExitStatus
        do {
            status = try dispatch(arguments, console: console)
        } catch let error as UsageError {
            console.writeError("ripple: \(printableLines(error.description))\nRun 'ripple help' for usage.\n")
            status = .badInput
        } catch let error as ReportedError {
            let message = printableLines(error.message)
            console.writeError(message.hasSuffix("\n") ? message : message + "\n")
            status = .badInput
        } catch {
            console.writeError("ripple: \(printableLines("\(error)"))\n")
            status = .badInput
        }
        if let code = console.outputFailure() {
            console.writeError("ripple: cannot write to standard output: \(OutputFile.reason(code)); the results are lost\n")
            status = .badInput
        }
        return status.rawValue
    }

    /// `message` with every control character but its line breaks escaped (`String.printable`):
    /// a file name that slipped into it unescaped can then neither recolour the terminal nor
    /// forge a line of its own beyond the break it holds.
    static func printableLines(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).printable }.joined(separator: "\n")
    }

    static func dispatch(_ arguments: [String], console: Console) throws -> ExitStatus {
        guard let first = arguments.first else {
            // No command is a usage error (a script that lost its arguments must not pass): the overview goes to the errors.
            console.writeError(overview)
            return .badInput
        }
        switch first {
        case "--help", "-h": console.write(overview); return .success
        case "--version": console.write("ripple \(version)\n"); return .success
        default: break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let suggestion = Suggestion.closest(to: first, among: commands.map { $0.name }).map { " (did you mean '\($0)'?)" } ?? ""
            throw UsageError("unknown command '\(first)'\(suggestion)")
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.write(command.help)
            return .success
        }
        return try command.init(ParsedArguments(rest, options: command.options)).run(console)
    }

    static var overview: String {
        var text = """
        ripple \(version) — a deterministic simulator that runs one workload through a synchronous
        call chain and an event-driven design, under the same faults and seed, side by side.

        Usage: ripple COMMAND [OPTIONS]

        Commands:

        """
        let width = commands.map { $0.name.count }.max() ?? 0
        for command in commands {
            text += "  " + command.name + String(repeating: " ", count: width - command.name.count) + "  " + command.summary + "\n"
        }
        text += """

        Exit status: 0 success, 1 an expectation failed, 2 bad input or usage.
        'ripple help COMMAND' or 'ripple COMMAND --help' describes one command.

        """
        return text
    }
}

/// An error whose message is already written for the user (for example every problem in a
/// scenario file, with paths); it exits with status 2.
public struct ReportedError: Error {
    /// The text written to standard error as it stands (a final line break is added if missing).
    public var message: String
    /// An error whose `message` is written to standard error as it stands.
    public init(_ message: String) { self.message = message }
}

/// `ripple help [COMMAND]`.
struct HelpCommand: Command {
    static let name = "help"
    static let summary = "Describe ripple or one command"
    static let usage = "ripple help [COMMAND]"
    static let options: [OptionSpec] = []

    let topic: String?

    init(_ arguments: ParsedArguments) throws {
        guard arguments.positionals.count <= 1 else { throw UsageError("help takes at most one command name") }
        topic = arguments.positionals.first
    }

    func run(_ console: Console) throws -> ExitStatus {
        guard let topic else { console.write(Ripple.overview); return .success }
        guard let command = Ripple.commands.first(where: { $0.name == topic }) else {
            throw UsageError("no command named '\(topic)'")
        }
        console.write(command.help)
        return .success
    }
}
