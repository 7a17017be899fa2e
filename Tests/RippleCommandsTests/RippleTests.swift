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
        #expect(run(["--version"]).output == "ripple \(Ripple.version)\n")
        #expect(run(["help", "bench"]).output.contains("Usage: ripple bench"))
        #expect(run(["bench", "--help"]).status == 0)
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
