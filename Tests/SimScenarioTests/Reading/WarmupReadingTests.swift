import Testing
import RippleCommands
import SimKernel
import SimModels
import SimReports
import SimRuns
@testable import SimScenario

/// `warmup` reads as a duration shorter than `duration` or as a number of requests, and the
/// report shows it and measures utilisation over the rest of the run.
struct WarmupReadingTests {
    func scenario(warmup: String) -> String {
        """
        {"name": "w", "duration": "4s", "drain": "1s", "warmup": \(warmup),
         "workload": {"entry": "a", "arrivals": {"poisson": "100/s"}},
         "services": {"a": {"workers": 2, "work": {"exponential": "5ms"}}}, "architectures": {"sync": {"chain": ["a"]}}}
        """
    }

    func read(_ text: String) throws(ScenarioError) -> Scenario { try ScenarioLoader.parse(Array(text.utf8), file: "w.json") }

    func issues(_ text: String) -> [ScenarioIssue] {
        do { _ = try read(text); return [] } catch { return error.issues }
    }

    @Test func readsBothForms() throws {
        #expect(try read(scenario(warmup: "\"1.5s\"")).world.warmup == .time(.milliseconds(1_500)))
        #expect(try read(scenario(warmup: "{\"requests\": 250}")).world.warmup == .requests(250))
    }

    @Test func refusesAWarmupAsLongAsTheArrivals() {
        #expect(issues(scenario(warmup: "\"4s\"")).map(\.path) == ["warmup"])
        #expect(issues(scenario(warmup: "\"5s\"")).first?.message == "expected a warm-up shorter than duration (4s), found \"5s\"")
        #expect(issues(scenario(warmup: "{\"requests\": 0}")).map(\.path) == ["warmup.requests"])
        #expect(issues(scenario(warmup: "{\"request\": 5}")).map(\.path) == ["warmup.requests", "warmup.request"])
        #expect(issues(scenario(warmup: "7")).map(\.path) == ["warmup"])
    }

    /// Utilisation divides the worker time measured after the warm-up by the workers' time
    /// after it (4 s of the 5 s run); the page and the summary say when the figures start.
    @Test func theReportMeasuresAfterTheWarmup() throws {
        let scenario = try read(scenario(warmup: "\"1s\""))
        let report = RunReport(scenario: scenario, outcomes: ScenarioRunner.run(scenario), version: "test")
        let a = report.architectures[0]
        let service = a.metrics.services[0]
        #expect(a.metrics.warmupEnded == .zero + .seconds(1))
        #expect(a.utilisation(of: service, over: report.length) == service.busyNanoseconds / (2 * 4e9))
        #expect(SummaryDocument.render(report).contains("arrivals for 4 s · drain 1 s · figures from 1 s, after the warm-up ·"))
        #expect(MetricsDocument.render(report).contains("\"warmupEndMs\": 1000"))
    }

    /// Runs a limit stops within their warm-up end it where each stops, so the page and the
    /// summary name each architecture's start of the figures.
    @Test func runsStoppedWithinTheWarmupSayWhereEachEndedIt() throws {
        let text = """
        {"name": "w", "duration": "10s", "warmup": "5s", "workload": {"entry": "a", "arrivals": {"poisson": "1000/s"}},
         "services": {"a": {"workers": 4, "work": "1ms"}, "b": {"workers": 1, "work": "10ms"}},
         "architectures": {"sync": {"chain": ["a", "b"]}, "events": {"consumers": {"b": {"concurrency": 2}}}}}
        """
        let scenario = try ScenarioLoader.parse(Array(text.utf8), file: "w.json", memoryBudget: 5 << 20)
        let report = RunReport(scenario: scenario, outcomes: ScenarioRunner.run(scenario), version: "test")
        let ends = report.architectures.map { $0.metrics.warmupEnded }
        #expect(ends.allSatisfy { $0 != nil } && ends == report.architectures.map(\.metrics.stoppedAt), "\(ends)")
        let text2 = try #require(report.warmupText)
        #expect(ends[0] != ends[1] && text2.contains(" in sync, ") && text2.hasSuffix(" in events"), "\(text2)")
    }
}
