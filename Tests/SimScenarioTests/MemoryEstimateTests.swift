import Foundation
import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// The memory estimate counts the messages in flight on the network, and what the budget leaves
/// after it bounds the lines and backlogs: a run stops at a named limit before the operating
/// system can abort it.
struct MemoryEstimateTests {
    static func fixture(_ name: String, budget: Int64 = MemoryEstimate.defaultBudget) throws -> Scenario {
        try ScenarioLoader.load(path: Reproducer.folder.appendingPathComponent(name + ".json").path, memoryBudget: budget)
    }

    /// One worker at 1 ms against a million requests a second: at the ten million waiting
    /// requests allowed before, the line alone held 2.5 GB and the process was aborted under a
    /// 3 GB limit; the budget's 2 GiB now leave it about 4.3 million.
    @Test func theLineLimitIsWhatTheBudgetLeavesAtTheBytesOfAWaitingRequest() throws {
        let scenario = try Self.fixture("line-limit-sync")
        let estimate = MemoryEstimate(scenario)
        let limit = scenario.world.lineLimit
        #expect(limit == Int(((Double(MemoryEstimate.defaultBudget) - estimate.bytes) / MemoryEstimate.pendingItemBytes).rounded(.down)))
        #expect((4_000_000...4_300_000).contains(limit), "\(limit)")
        #expect(estimate.bytes + Double(limit) * MemoryEstimate.pendingItemBytes <= Double(MemoryEstimate.defaultBudget))
    }

    @Test func architecturesShareWhatTheBudgetLeaves() throws {
        let one = try Self.fixture("line-limit-sync").world.lineLimit
        let text = try String(contentsOf: Reproducer.folder.appendingPathComponent("line-limit-sync.json"), encoding: .utf8)
            .replacingOccurrences(of: #""sync": { "chain": ["api"] }"#, with: #""sync": { "chain": ["api"] }, "sync-again": { "chain": ["api"] }"#)
        let two = try ScenarioLoader.parse(Array(text.utf8), file: "line-limit-twice.json")
        #expect(two.architectures.count == 2)
        #expect(abs(two.world.lineLimit - one / 2) <= 1_000, "\(two.world.lineLimit) against \(one)")
    }

    @Test func aLargerBudgetRaisesTheLimitUpToTenMillion() throws {
        #expect(try Self.fixture("line-limit-sync", budget: 3 << 30).world.lineLimit > Self.fixture("line-limit-sync").world.lineLimit)
        #expect(try Self.fixture("line-limit-sync", budget: 8 << 30).world.lineLimit == WorldConfig.defaultLineLimit)
    }

    /// An hour on the network at a million requests a second passed validation and then held
    /// 2.2 GB after 3 s; the messages in flight are now in the estimate, which refuses it.
    @Test func messagesInFlightPastTheBudgetAreRefused() throws {
        let issues = HostileInputReproducerTests.issues("in-flight-hour")
        #expect(issues.map(\.path) == ["network"], "\(issues)")
        let message = issues.first?.message ?? ""
        #expect(message.contains("more than the budget of 2 GiB"), "\(message)")
        #expect(message.contains("the messages in flight in \"sync\": 1000000 requests/s × 16.7 min on the network × 4 messages each"), "\(message)")
        #expect(message.contains("lower the network latency"), "\(message)")
        #expect(issues.first?.position != nil)
    }

    /// A million rows of 53 gauges in each of two architectures: estimated at 1.04 GiB, the run
    /// passed and was aborted by the operating system under a 3 GB limit while its
    /// `timeseries.csv` was written; the reports' text of each sample is now in the estimate,
    /// which refuses it, and a tenth of the rows is estimated above the 265 MB it holds at its
    /// peak (455 MB before the charts were thinned to `RunCharts.pointLimit` rows).
    @Test func theReportsOfTheTimeSeriesAreInTheEstimate() throws {
        func scenario(seconds: Int) -> String {
            let consumers = (0..<25).map { #""s\#($0)": { "instances": 1 }"# }.joined(separator: ", ")
            let services = (0..<25).map { #""s\#($0)": { "workers": 4, "work": { "constant": "1ms" } }"# }.joined(separator: ", ")
            let callees = (0..<25).map { #""s\#($0)""# }.joined(separator: ", ")
            return #"{ "name": "wide-series", "duration": "\#(seconds)s", "sampleEvery": "10ms", "#
                + #""workload": { "entry": "e", "arrivals": { "poisson": "1/s" }, "keys": { "count": 10 } }, "#
                + #""services": { "e": { "workers": 8, "work": { "constant": "1ms" } }, \#(services) }, "#
                + #""architectures": { "sync": { "calls": { "e": [\#(callees)] }, "timeout": "1s" }, "#
                + #""events": { "topic": { "partitions": 1 }, "consumers": { \#(consumers) } } } }"#
        }
        do {
            _ = try ScenarioLoader.parse(Array(scenario(seconds: 10_000).utf8), file: "wide-series.json")
            Issue.record("a million rows of 53 gauges in two architectures were accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["sampleEvery"], "\(error.issues)")
        }
        let tenth = try ScenarioLoader.parse(Array(scenario(seconds: 1_000).utf8), file: "wide-series.json")
        #expect(MemoryEstimate(tenth).bytes > 265e6)
    }

    /// A partition that holds messages until it heals keeps every one sent meanwhile.
    @Test func aHeldPartitionCountsItsMessagesInFlight() throws {
        let text = try String(contentsOf: Reproducer.folder.appendingPathComponent("in-flight-hour.json"), encoding: .utf8)
            .replacingOccurrences(of: #""network": { "latency": { "constant": "1h" } },"#,
                                  with: #""faults": [{ "partition": ["db"], "at": "10s", "for": "10m", "hold": true }],"#)
        do {
            _ = try ScenarioLoader.parse(Array(text.utf8), file: "held-partition.json")
            Issue.record("a partition holding 10 minutes of messages at a million requests a second was accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["faults"], "\(error.issues)")
        }
    }

    @Test func shortLatenciesCostLittle() throws {
        let scenario = try Self.fixture("line-limit-sync")
        let inFlight = MemoryEstimate(scenario).parts.filter { $0.driver.hasPrefix("the messages in flight") }
        #expect(inFlight.count == 1)
        // A million requests a second × 500 µs × 2 messages × 500 bytes.
        #expect(abs((inFlight.first?.bytes ?? 0) - 500_000) < 1, "\(inFlight.map(\.bytes))")
    }
}
