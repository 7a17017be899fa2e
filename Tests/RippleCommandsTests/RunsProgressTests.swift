import Testing
@testable import RippleCommands

/// `check` and `sweep` say on a terminal how many runs are done and about how long the rest
/// will take, and never write progress into their results.
struct RunsProgressTests {
    @Test func theLineCountsRunsAndEstimatesTheTimeLeftAtThePaceSoFar() {
        #expect(RunsProgress.line("check", done: 0, of: 4_000, afterSeconds: 0) == "check: 0 of 4 000 runs done")
        #expect(RunsProgress.line("check", done: 1_000, of: 4_000, afterSeconds: 50)
                == "check: 1 000 of 4 000 runs done, about 2.5 min left")
        #expect(RunsProgress.line("sweep", done: 3, of: 4, afterSeconds: 0.3) == "sweep: 3 of 4 runs done, about 100 ms left")
        #expect(RunsProgress.line("check", done: 4, of: 4, afterSeconds: 9).isEmpty, "the line is cleared once every run is done")
    }

    /// On a terminal, `check` draws the count on standard error and clears it before each
    /// result it prints; standard output is exactly what a run without a terminal prints.
    @Test func checkShowsItsRunsOnATerminalAndKeepsItsResultsClean() throws {
        let file = try TestScenarios.write("progress", expectations: TestScenarios.holding, in: TestScenarios.temporaryFolder())
        let capture = CapturingConsole()
        var terminal = capture.console
        terminal.isInteractive = true
        let status = Ripple.main(["check", file, "--seeds", "1..3", "--jobs", "1"], console: terminal)
        let plain = TestScenarios.ripple(["check", file, "--seeds", "1..3", "--jobs", "1"])
        #expect(status == plain.status)
        #expect(capture.output == plain.output)
        #expect(capture.errors.contains("\r\u{1B}[Kcheck: 1 of 3 runs done, about "), "\(capture.errors)")
        #expect(capture.errors.contains("\r\u{1B}[Kcheck: 2 of 3 runs done, about "))
        #expect(capture.errors.hasSuffix("\r\u{1B}[K"), "the line is cleared before the results and at the end")
        #expect(!TestScenarios.ripple(["check", file, "--seeds", "1..3", "--quiet"]).errors.contains("runs done"))
    }
}
