/// How a command ended, as the process's exit status.
public enum ExitStatus: Int32 {
    /// Everything ran and every expectation held.
    case success = 0
    /// The run worked but an expectation failed.
    case expectationFailed = 1
    /// Bad input: a scenario file that does not validate, or a wrong command line.
    case badInput = 2
}

/// One `ripple` subcommand: a name, its options, and what it does.
protocol Command {
    static var name: String { get }
    static var summary: String { get }
    static var usage: String { get }
    static var options: [OptionSpec] { get }
    init(_ arguments: ParsedArguments) throws
    func run(_ console: Console) throws -> ExitStatus
}

extension Command {
    static var help: String {
        var text = "\(summary)\n\nUsage: \(usage)\n"
        if !options.isEmpty {
            text += "\nOptions:\n"
            let rows = options.map { ("--" + $0.name + ($0.valueName.map { " " + $0 } ?? ""), $0.help) }
            let width = rows.map(\.0.count).max() ?? 0
            for (flag, help) in rows { text += "  " + flag + String(repeating: " ", count: width - flag.count) + "  " + help + "\n" }
        }
        text += "  --help" + String(repeating: " ", count: max(0, (options.map { $0.name.count + ($0.valueName.map { $0.count + 1 } ?? 0) + 2 }.max() ?? 6) - 6)) + "  show this help\n"
        return text
    }
}
