import Foundation
import Testing
@testable import RippleCommands
import SimChecks
import SimKernel
import SimReports
import SimRuns
import SimScenario

/// `ripple check` prints each scenario's lines as soon as its runs, and every earlier
/// scenario's, are done, in the order the scenarios were named, whatever order runs finish in.
struct ScenarioLinePrinterTests {
    @Test func eachScenarioIsPrintedWhenItsRunsAreDone() throws {
        let folder = TestScenarios.temporaryFolder()
        let files = [try TestScenarios.write("first", expectations: TestScenarios.holding, in: folder),
                     try TestScenarios.write("second", expectations: TestScenarios.holding, in: folder)]
        let scenarios = try ScenarioFiles.loadAll(files)
        let plan = CheckPlan(scenarios, files: files, sweep: [1, 2], checksDeterminism: false, swarms: false)
        let capture = CapturingConsole()
        let printer = ScenarioLinePrinter(plan: plan, jobs: plan.pairs.map(\.subject), isShard: false,
                                          output: try CheckOutput(ParsedArguments([], options: CheckOutput.options)), figures: nil,
                                          console: capture.console)
        func run(_ job: Int) -> CheckRun {
            var scenario = scenarios[plan.pairs[job].subject]
            scenario.setSeed(plan.pairs[job].seed)
            return ScenarioRunner.check(scenario, checksDeterminism: false)
        }
        printer.finished(0, run(0))
        #expect(capture.output.isEmpty, "first has a second seed still to run")
        printer.finished(1, run(1))
        #expect(capture.output.contains("PASS  first ") && !capture.output.contains("second"), "\(capture.output)")
        printer.finished(2, run(2))
        printer.finished(3, run(3))
        #expect(capture.output.contains("PASS  second"), "\(capture.output)")
    }
}

/// The progress line shows how far a run got by the nearer of its simulated time and its event budget.
struct ProgressMeterTests {
    @Test func aRunNearItsEventBudgetShowsItsShareOfTheBudget() {
        let capture = CapturingConsole()
        let meter = ProgressMeter(console: capture.console, length: .hours(24), eventBudget: 2_000_000_000)
        meter.report("sync", .zero + .seconds(86), 1_000_000_000)
        #expect(capture.errors.contains("sync: 50% (t = 1.43 min of 24h, 1000000000 of 2000000000 events)"), "\(capture.errors)")
        #expect(meter.done(at: .zero + .hours(12), events: 10) == 0.5)
        #expect(meter.done(at: .zero + .hours(48), events: 10) == 1)
    }
}
