import Foundation
import Testing
import SimMetrics
import SimReports
@testable import SimScenario

/// The reproducer `metastable-flag.json`: at 900 requests/s a fivefold database slowdown
/// leaves eager retries feeding a line that grows to the end (metastable), while the same
/// chain without retries drains its line (slowly, so it does not recover within the run, but
/// it is not metastable).
struct MetastableReproducerTests {
    @Test func eagerRetriesAreMetastableAndNoRetriesDrain() throws {
        let scenario = try ScenarioLoader.load(path: Reproducer.folder.appendingPathComponent("metastable-flag.json").path)
        let report = RunReport(scenario: scenario, outcomes: ScenarioRunner.run(scenario), version: "0")
        let recoveries = Dictionary(uniqueKeysWithValues: report.architectures.map { ($0.name, $0.recovery(after: report.windows, arrivalsEnd: report.duration)) })
        let eager = try #require(recoveries["sync-eager"]), plain = try #require(recoveries["sync-no-retries"])
        #expect(eager.isMeasurable && eager.recoveredAfter == nil && eager.isMetastable)
        #expect(plain.isMeasurable && plain.recoveredAfter == nil && !plain.isMetastable)
        let eagerWork = try #require(eager.work), plainWork = try #require(plain.work)
        #expect(eagerWork.atEnd > 2 * eagerWork.afterFaults)
        #expect(plainWork.atEnd < 0.75 * plainWork.afterFaults)
    }
}
