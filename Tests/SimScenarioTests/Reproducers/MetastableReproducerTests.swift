import Foundation
import Testing
import SimMetrics
import SimRuns
@testable import SimScenario

/// The reproducer `metastable-flag.json`: at 900 requests/s a fivefold database slowdown
/// leaves eager retries feeding a line that grows to the end (metastable), while the same
/// chain without retries drains its line (slowly, so it does not recover within the run, but
/// it is not metastable).
struct MetastableReproducerTests {
    @Test func eagerRetriesAreMetastableAndNoRetriesDrain() throws {
        let scenario = try ScenarioLoader.load(path: Reproducer.folder.appendingPathComponent("metastable-flag.json").path)
        let recoveries = Dictionary(uniqueKeysWithValues: ScenarioRunner.run(scenario).map {
            ($0.name, $0.report.recovery(after: scenario.faultWindows, arrivalsEnd: scenario.world.duration))
        })
        let eager = try #require(recoveries["sync-eager"]), plain = try #require(recoveries["sync-no-retries"])
        #expect(eager.isMeasurable && eager.recoveredAfter == nil && eager.isMetastable)
        #expect(plain.isMeasurable && plain.recoveredAfter == nil && !plain.isMetastable)
        let eagerWork = try #require(eager.work), plainWork = try #require(plain.work)
        #expect(eagerWork.atEnd > 2 * eagerWork.afterFaults)
        #expect(plainWork.atEnd < 0.75 * plainWork.afterFaults)
    }
}
