import Testing
import RippleCommands
import SimMetrics
import SimReports
import SimRuns
@testable import SimScenario

/// A run cut short by the event budget passed its checks and its reports claimed the whole
/// duration (`event-budget.json`: 10 million requests a second for 24 h). Arrivals alone
/// past the budget are now refused when the file is read; a run that passes it through the
/// events of its calls (`event-budget-calls.json`, here with a budget of 200 000 events) fails
/// its check, and every output says where it stopped.
struct EventBudgetReproducerTests {
    /// The fixture with a budget of 200 000 events, so the cut comes at once.
    static func stoppedRun() throws -> (Scenario, RunReport) {
        var scenario = try ScenarioLoader.load(path: Reproducer.folder.appendingPathComponent("event-budget-calls.json").path)
        scenario.world.eventBudget = 200_000
        var report = RunReport(scenario: scenario, outcomes: ScenarioRunner.run(scenario), version: "test")
        report.verdicts = scenario.verdicts(for: report.measurements)
        return (scenario, report)
    }

    @Test func aStoppedRunFailsItsCheck() throws {
        let (_, report) = try Self.stoppedRun()
        let failures = report.verdicts.filter { !$0.holds }.map(\.line)
        #expect(failures.count == 1, "\(failures)")
        #expect(failures.first?.hasPrefix("✗ sync stopped at the event budget at t = ") == true, "\(failures)")
        #expect(failures.first?.contains(" of 24 h") == true, "\(failures)")
        // The scenario's own expectation holds only because the run was cut.
        #expect(report.verdicts.first?.holds == true)
    }

    /// The stop is judged against the run's planned end, not against "no data ()".
    @Test func aStoppedRunIsJudgedAgainstItsPlannedEnd() throws {
        let (_, report) = try Self.stoppedRun()
        let stopped = try #require(report.verdicts.last)
        #expect(stopped.status == .failed)
        #expect(stopped.judgement.hasSuffix(", limit 24 h"), "\(stopped.judgement)")
        #expect(stopped.limitText == "24 h")
    }

    @Test func everyOutputSaysWhereItStopped() throws {
        let (_, report) = try Self.stoppedRun()
        let stoppedMs = report.measurements.value(at: "run.stoppedAtMs", in: "sync")?.numberValue
        #expect(stoppedMs.map { $0 > 0 && $0 < 60_000 } == true, "\(String(describing: stoppedMs))")
        #expect(report.stoppedEarly.count == 1)
        #expect(SummaryDocument.render(report).contains("**Stopped early:** sync stopped at the event budget (200000 events) at t = "))
        #expect(ReportPage.render(report).contains("Stopped early: sync stopped at the event budget"))
    }

    @Test(arguments: ["event-budget", "event-budget-2arch"])
    func arrivalsPastTheBudgetAreRefused(name: String) {
        let issues = HostileInputReproducerTests.issues(name)
        #expect(issues.map(\.path) == ["workload.arrivals"], "\(issues)")
        #expect(issues.first?.message.contains("more than the event budget of 2000000000 events per architecture") == true, "\(issues)")
        #expect(issues.first?.message.hasSuffix("make duration at most 200s") == true, "\(issues)")  // in whole seconds, not 199999999.999us
    }

    @Test func aRunThatEndsHasNoStopTime() throws {
        let scenario = try ScenarioLoader.load(path: Reproducer.folder.appendingPathComponent("zombie-min.json").path)
        let report = RunReport(scenario: scenario, outcomes: ScenarioRunner.run(scenario), version: "test")
        #expect(report.stoppedEarly.isEmpty)
        #expect(scenario.verdicts(for: report.measurements).allSatisfy { !$0.text.contains("event budget") })
    }
}
