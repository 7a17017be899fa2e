import Foundation
import Testing
import RippleCommands
import SimKernel
import SimMetrics
import SimReports
import SimRuns
@testable import SimScenario

/// Valid scenarios that ran out of memory: an overloaded service with an unbounded line for
/// 24 h (`overload-24h.json`), ten million keys times 64 consumers or a chain of 1 000, a
/// 9 999-way fan-out, and hundreds of thousands of services no architecture calls. A run
/// estimated past the memory budget is refused when the file is read; a line that grows past
/// its limit stops the run, which fails its checks and says where it stopped.
struct MemoryReproducerTests {
    /// `overload-24h.json` (1 000 requests a second at a service that serves 100) with a line
    /// limit of 10 000, so the line passes it after about 11 s instead of 3 h.
    static func overloaded(_ text: (String) -> String = { $0 }) throws -> (Scenario, RunReport, [ArchitectureOutcome]) {
        let original = try String(contentsOf: Reproducer.folder.appendingPathComponent("overload-24h.json"), encoding: .utf8)
        var scenario = try ScenarioLoader.parse(Array(text(original).utf8), file: "overload-24h.json")
        scenario.world.lineLimit = 10_000
        let outcomes = ScenarioRunner.run(scenario)
        var report = RunReport(scenario: scenario, outcomes: outcomes, version: "test")
        report.verdicts = scenario.verdicts(for: report.measurements)
        return (scenario, report, outcomes)
    }

    @Test func aLineThatPassesItsLimitStopsTheRunAndFailsItsCheck() throws {
        let (_, report, outcomes) = try Self.overloaded()
        #expect(outcomes.map(\.stop) == [.lineLimit])
        let failures = report.verdicts.filter { !$0.holds }.map(\.line)
        #expect(failures.count == 1, "\(failures)")
        #expect(failures.first?.hasPrefix("✗ sync stopped: the line at a passed 10000 waiting requests at t = ") == true, "\(failures)")
        let run = report.measurements.value(at: "run", in: "sync")
        #expect(run?.member("stop")?.textValue == "lineLimit")
        #expect(run?.member("overflowedLine")?.textValue == "a")
        // The line grows by 900 requests a second: it passes 10 000 after about 11 s.
        let stoppedMs = run?.member("stoppedAtMs")?.numberValue ?? 0
        #expect((9_000...14_000).contains(stoppedMs), "\(stoppedMs)")
        #expect(SummaryDocument.render(report).contains("**Stopped early:** sync stopped: the line at a passed 10000 waiting requests at t = "))
        #expect(ReportPage.render(report).contains("give it a bounded queue"))
    }

    @Test func theEntryLineOfAnEventsDesignStopsTheRunToo() throws {
        let (_, _, outcomes) = try Self.overloaded {
            $0.replacingOccurrences(of: #"{"sync": {"chain": ["a", "b"]}}"#, with: #"{"events": {"consumers": {"b": {}}}}"#)
        }
        #expect(outcomes.map(\.stop) == [.lineLimit])
        #expect(outcomes.first?.metrics.lineOverflow?.line == "a")
    }

    /// A consumer down for the hour at 5 000 requests a second, with a line limit of 10 000:
    /// the backlog of the entry's topic passes it after about 2 s, stopping the run, and every
    /// output says so, naming the topic.
    @Test(arguments: [#""topic": {"partitions": 12, "retention": "10m"}"#, #""broker": "queue""#])
    func aTopicsBacklogThatPassesTheLimitStopsTheRunAndFailsItsCheck(broker: String) throws {
        var scenario = try ScenarioLoader.parse(Array("""
        {"name": "outage-hour", "duration": "1h",
         "workload": {"entry": "orders", "arrivals": {"poisson": "5000/s"}},
         "services": {"orders": {"workers": 200, "work": "2ms"}, "billing": {"work": "5ms"}},
         "faults": [{"crash": "billing", "at": "0s", "for": "1h"}],
         "architectures": {"events": {\(broker), "consumers": {"billing": {"instances": 4, "concurrency": 3}}}}}
        """.utf8), file: "outage-hour.json")
        scenario.world.lineLimit = 10_000
        let outcomes = ScenarioRunner.run(scenario)
        var report = RunReport(scenario: scenario, outcomes: outcomes, version: "test")
        report.verdicts = scenario.verdicts(for: report.measurements)
        #expect(outcomes.map(\.stop) == [.lineLimit])
        let run = report.measurements.value(at: "run", in: "events")
        #expect(run?.member("overflowedLine")?.textValue == "topic of orders")
        let stoppedMs = run?.member("stoppedAtMs")?.numberValue ?? 0
        #expect((1_500...2_500).contains(stoppedMs), "\(stoppedMs)")
        let failures = report.verdicts.filter { !$0.holds }.map(\.line)
        #expect(failures.count == 1 && failures.first?.hasPrefix("✗ events stopped: the backlog of the topic of orders passed 10000 events at t = ") == true,
                "\(failures)")
        #expect(SummaryDocument.render(report).contains("**Stopped early:** events stopped: the backlog of the topic of orders passed 10000 events at t = "))
        #expect(ReportPage.render(report).contains("its consumers fell behind"))
    }

    /// A line or backlog that grows at about a million a second, with the limit a 64 MiB budget
    /// leaves: the run stops at that limit, named, instead of growing past the memory it has
    /// (at the 10 000 000 allowed before, the process was aborted under a 3 GB limit).
    @Test(arguments: [("line-limit-sync", "the line at api passed "), ("line-limit-retries", "the line at api passed "),
                      ("backlog-limit-events", "the backlog of the topic of api passed ")])
    func aLineGrowingPastWhatTheBudgetLeavesStopsTheRun(name: String, passed: String) throws {
        let path = Reproducer.folder.appendingPathComponent(name + ".json").path
        let scenario = try ScenarioLoader.load(path: path, memoryBudget: 64 << 20)
        let limit = scenario.world.lineLimit
        try #require((100_000...140_000).contains(limit), "\(limit)")
        let outcomes = ScenarioRunner.run(scenario)
        #expect(outcomes.map(\.stop) == [.lineLimit])
        #expect(outcomes.first?.metrics.lineOverflow?.limit == limit)
        var report = RunReport(scenario: scenario, outcomes: outcomes, version: "test")
        report.verdicts = scenario.verdicts(for: report.measurements)
        let failures = report.verdicts.filter { !$0.holds }.map(\.line)
        #expect(failures.count == 1 && failures.first?.contains(passed + "\(limit) ") == true, "\(failures)")
    }

    @Test func aBoundedLineNeverStopsTheRun() throws {
        let (_, report, outcomes) = try Self.overloaded { $0.replacingOccurrences(of: #""workers": 1, "work": "10ms""#, with: #""workers": 1, "queue": 100, "work": "10ms""#)
            .replacingOccurrences(of: #""duration": "24h""#, with: #""duration": "20s""#) }
        #expect(outcomes.map(\.stop) == [.timeLimit])
        #expect(report.stoppedEarly.isEmpty)
    }

    @Test(arguments: [("keys-1e7-64-consumers", "9.64 GiB", "10000000 keys × 64 effect targets", "10GiB"),
                      ("keys-1e7-chain-1000", "149 GiB", "10000000 keys × 999 effect targets", "150GiB")])
    func keysTimesEffectTargetsPastTheBudgetAreRefused(name: String, estimate: String, driver: String, budget: String) throws {
        let issues = HostileInputReproducerTests.issues(name)
        #expect(issues.map(\.path) == ["workload.keys.count"], "\(issues)")
        let message = issues.first?.message ?? ""
        #expect(message.contains("the run would hold about \(estimate) in memory, more than the budget of 2 GiB"), "\(message)")
        #expect(message.contains(driver) && message.contains("lower workload.keys.count"), "\(message)")
        #expect(message.contains("raise the budget with --memory-budget \(budget)"), "\(message)")
        #expect(issues.first?.position != nil)
    }

    /// `keys-1e7-64-consumers.json` with `edit` applied: the paths of its issues.
    static func issuePaths(editing edit: (String) -> String) throws -> [String] {
        let original = try String(contentsOf: Reproducer.folder.appendingPathComponent("keys-1e7-64-consumers.json"), encoding: .utf8)
        do {
            _ = try ScenarioLoader.parse(Array(edit(original).utf8), file: "keys-1e7-64-consumers.json")
            return []
        } catch {
            return error.issues.map(\.path)
        }
    }

    @Test func theBudgetIsReportedWithTheOtherIssues() throws {
        let paths = try Self.issuePaths { $0.replacingOccurrences(of: #""description": "#, with: #""descripton": "#)
            .replacingOccurrences(of: #""s1": {"workers": 4, "work": "1ms"}"#, with: #""s1": {"workers": 4, "wrk": "1ms"}"#) }
        #expect(paths == ["descripton", "workload.keys.count", "services.s1.work", "services.s1.wrk"], "\(paths)")
        // Keys that do not read would count as the default: the budget is left unjudged.
        let unread = try Self.issuePaths { $0.replacingOccurrences(of: #""count": 10000000"#, with: #""count": "10000000""#) }
        #expect(unread == ["workload.keys.count"], "\(unread)")
    }

    @Test func aRaisedBudgetAcceptsThem() throws {
        let path = Reproducer.folder.appendingPathComponent("keys-1e7-64-consumers.json").path
        let scenario = try ScenarioLoader.load(path: path, memoryBudget: 16 << 30)
        #expect(MemoryEstimate(scenario).bytes > Double(MemoryEstimate.defaultBudget))
    }

    /// A scenario of `count` services `s0` … named in `services`, with `architectures` as JSON.
    static func generated(services count: Int, duration: String, architectures: String) -> [UInt8] {
        let services = (0..<count).map { "\"s\($0)\": {\"work\": \"1ms\"}" }.joined(separator: ", ")
        return Array("""
        {"name": "big", "seed": 1, "duration": "\(duration)", "drain": "0s",
         "workload": {"entry": "s0", "arrivals": {"poisson": "100/s"}, "keys": {"count": 100}},
         "services": {\(services)}, "architectures": \(architectures)}
        """.utf8)
    }

    @Test func aFanOutOf9999IsRefused() {
        let callees = (1..<10_000).map { "\"s\($0)\"" }.joined(separator: ", ")
        let architectures = "{\"sync\": {\"calls\": {\"s0\": [{\"parallel\": [" + callees + "]}]}}}"
        let bytes = Self.generated(services: 10_000, duration: "10s", architectures: architectures)
        do {
            _ = try ScenarioLoader.parse(bytes, file: "fanout-9999.json")
            Issue.record("a 9 999-way fan-out was accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["architectures.sync"], "\(error.issues)")
            #expect(error.issues.first?.message.contains("10000 services at work and 9999 effect targets") == true, "\(error.issues)")
        }
    }

    /// Services no architecture calls cost a few hundred bytes each: no histograms, no gauges,
    /// no rows in `metrics.json`.
    @Test func servicesNoArchitectureCallsCostNothing() throws {
        let scenario = try ScenarioLoader.parse(Self.generated(services: 50_000, duration: "1ms", architectures: #"{"sync": {"chain": ["s0", "s1"]}}"#),
                                                file: "unused.json")
        #expect(MemoryEstimate(scenario).bytes < 64 * 1_048_576)
        let outcomes = ScenarioRunner.run(scenario)
        #expect(outcomes.first?.metrics.series.gaugeNames == ["s0 queue", "s1 queue", "s0 busy", "s1 busy"])
        let services = Measurements(scenario: scenario, outcomes: outcomes).value(at: "services", in: "sync")
        #expect(services?.member("s0") != nil && services?.member("s1") != nil && services?.member("s2") == nil)
    }
}
