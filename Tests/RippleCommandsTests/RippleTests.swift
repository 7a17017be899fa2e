import Foundation
import SimMetrics
import Testing
@testable import RippleCommands

/// The command line's conventions: help, version, exit statuses, option parsing.
struct RippleTests {
    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let capture = CapturingConsole()
        let status = Ripple.main(arguments, console: capture.console)
        return (status, capture.output, capture.errors)
    }

    @Test func helpAndVersionSucceed() {
        #expect(run(["--help"]).status == 0)
        let bare = run([])
        #expect(bare.status == 2 && bare.output.isEmpty && bare.errors.contains("ripple help COMMAND"), "no command is a usage error")
        #expect(run(["--version"]).output == "ripple \(Ripple.version)\n")
        #expect(run(["help", "bench"]).output.contains("Usage: ripple bench"))
        #expect(run(["bench", "--help"]).status == 0)
    }

    /// A file name with a control character is escaped in every error about it (`list`,
    /// `merge`, `--baseline`): each problem stays one line and nothing reaches the terminal raw;
    /// a command suggested in the message is quoted for the shell.
    @Test func fileNamesWithControlCharactersAreEscapedInErrors() throws {
        let folder = TestScenarios.temporaryFolder()
        let scenario = try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let named = folder + "/nl\nesc\u{1B}[31m.json"
        try FileManager.default.copyItem(atPath: scenario, toPath: named)
        let escaped = folder + "/nl\\nesc\\u{1B}[31m.json"
        let cases: [([String], String)] = [
            (["list", folder + "/x\u{1B}[31m"], "ripple: \(folder)/x\\u{1B}[31m: No such file or directory\n"),
            (["merge", named], "ripple: \(escaped): name: unknown field"),
            (["check", scenario, "--baseline", named + ".base"],
             "ripple: \(escaped).base: no such baseline file; write one with --baseline $'\(folder)/nl\\nesc\\x1B[31m.json.base' --update-baseline\n"),
            (["run", folder + "/\u{1B}[2J.json"], "\\u{1B}[2J.json"),
        ]
        for (arguments, expected) in cases {
            let result = run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.errors.contains(expected), "\(arguments): \(result.errors)")
            #expect(!result.errors.unicodeScalars.contains { $0 != "\n" && String.isControl($0) }, "\(arguments): \(result.errors)")
        }
    }

    @Test func unknownCommandsAndOptionsAreUsageErrors() {
        let unknown = run(["bnch"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("did you mean 'bench'"))
        let badOption = run(["bench", "--quik"])
        #expect(badOption.status == 2)
        #expect(badOption.errors.contains("did you mean --quick"))
    }

    @Test func optionsTakeValuesInEitherSpelling() throws {
        let specs = [OptionSpec("seed", value: "N", isRepeatable: true, help: ""), OptionSpec("quiet", help: "")]
        let parsed = try ParsedArguments(["a.json", "--seed", "7", "--quiet", "--seed=9", "--", "--b"], options: specs)
        #expect(parsed.positionals == ["a.json", "--b"])
        #expect(parsed.allValues("seed") == ["7", "9"])
        #expect(parsed.has("quiet"))
        #expect(throws: UsageError.self) { try ParsedArguments(["--seed"], options: specs) }
        #expect(throws: UsageError.self) { try ParsedArguments(["--quiet=1"], options: specs) }
    }

    @Test func quickBenchRuns() {
        let result = run(["bench", "--quick"])
        #expect(result.status == 0)
        #expect(result.output.contains("hold, 1000000 pending"))
    }
}
