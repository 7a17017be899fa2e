import Testing
import SimChecks
import SimReports
import SimRuns
@testable import RippleCommands
@testable import SimScenario

/// A run a limit stopped early measured only part of the scenario. `ripple run` failed it, but
/// `ripple check` dropped the stop after the expectations' verdicts: a scenario whose line
/// passed the line limit held every expectation and exited 0, its JUnit file all green, and a
/// sharded check could not be merged. Here a budget of 200 events stops both designs.
struct StoppedRunCheckTests {
    /// `TestScenarios`' scenario holding its expectations, cut short by a small event budget.
    static func stoppedRun() throws -> (Scenario, CheckRun) {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("cut", expectations: TestScenarios.holding, in: folder)
        var scenario = try ScenarioLoader.load(path: file)
        scenario.world.eventBudget = 200
        return (scenario, ScenarioRunner.check(scenario, checksDeterminism: false))
    }

    static func report(_ scenario: Scenario, _ run: CheckRun) -> CheckReport {
        CheckReport(sweep: nil, scenarios: [CheckedScenario(name: scenario.name, file: "cut.json",
                                                            statements: scenario.expectations.map(\.statement), runs: [run],
                                                            checksDeterminism: false)])
    }

    @Test func aStoppedRunFailsTheCheckThoughItsExpectationsHold() throws {
        let (scenario, run) = try Self.stoppedRun()
        #expect(run.verdicts.count == scenario.expectations.count && run.verdicts.allSatisfy(\.holds))
        #expect(run.stops.map(\.architecture) == ["sync", "events"], "\(run.stops.map(\.line))")
        let report = Self.report(scenario, run)
        #expect(!report.holds)
        let text = report.rendered(isQuiet: true)
        #expect(text.contains("FAIL  cut  sync stopped at the event budget at t = "), "\(text)")
        #expect(text.contains("  stopped with seed 7\n"), "\(text)")
        #expect(text.contains("reproduce: ripple run cut.json --seed 7\n"), "\(text)")
        #expect(report.total.hasSuffix(": 2 held, 0 failed; 2 runs stopped early"), "\(report.total)")
    }

    @Test func theJUnitFileFailsEachStoppedRun() throws {
        let (scenario, run) = try Self.stoppedRun()
        let junit = JUnitDocument.render(Self.report(scenario, run))
        #expect(junit.contains("<testsuites name=\"ripple check\" tests=\"4\" failures=\"2\" "), "\(junit)")
        #expect(junit.contains("<failure message=\"stopped with seed 7\">why: the run ended after 200 events"), "\(junit)")
    }

    /// A JUnit reader takes the cases of one name in a suite for one test: each stopped run's
    /// case names its seed, so runs stopped alike under several seeds stay apart.
    @Test func eachStoppedRunIsATestCaseOfItsOwnName() throws {
        var (scenario, run) = try Self.stoppedRun()
        scenario.setSeed(8)
        let other = ScenarioRunner.check(scenario, checksDeterminism: false)
        let report = CheckReport(sweep: [7, 8], scenarios: [CheckedScenario(name: scenario.name, file: "cut.json",
                                                                             statements: scenario.expectations.map(\.statement),
                                                                             runs: [run, other], checksDeterminism: false)])
        let names = JUnitDocument.render(report).components(separatedBy: "<testcase ").dropFirst()
            .map { $0.components(separatedBy: " name=\"")[1].components(separatedBy: "\"")[0] }
        let stopped = names.filter { $0.contains(" stopped ") }
        #expect(stopped.count == 4 && Set(names).count == names.count, "\(names)")
        #expect(stopped.filter { $0.hasSuffix(" with seed 7") }.count == 2 && stopped.filter { $0.hasSuffix(" with seed 8") }.count == 2, "\(stopped)")
    }

    @Test func aShardFileCarriesTheStopsToTheMerge() throws {
        let (scenario, run) = try Self.stoppedRun()
        let plan = CheckPlan(sweep: nil, checksDeterminism: false, swarms: false,
                             subjects: [.init(name: scenario.name, file: "cut.json", statements: scenario.expectations.map(\.statement), seeds: [7])])
        let path = TestScenarios.temporaryFolder() + "/shard.json"
        try ShardFile(plan: plan, shard: ShardSpec(index: 1, count: 1), version: "test", runs: [[run]]).write(to: path)
        let read = try ShardFile(reading: path)
        #expect(read.runs == [[run]])
    }
}
