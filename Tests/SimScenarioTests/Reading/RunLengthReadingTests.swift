import Testing
import SimKernel
import SimModels
import SimRuns
@testable import SimScenario

/// Runs may last up to ten years of simulated time; the time series bounds how finely such a
/// run is sampled.
struct RunLengthReadingTests {
    func scenario(duration: String, sampleEvery: String?, faults: String = "[]") -> String {
        let sampling = sampleEvery.map { ", \"sampleEvery\": \"\($0)\"" } ?? ""
        return """
        {"name": "long", "duration": "\(duration)", "drain": "1h"\(sampling), "faults": \(faults),
         "workload": {"entry": "a", "arrivals": {"poisson": "1/h"}},
         "services": {"a": {"work": "1ms"}}, "architectures": {"sync": {"chain": ["a"]}}}
        """
    }

    func issues(_ text: String) -> [ScenarioIssue] {
        do { _ = try ScenarioLoader.parse(Array(text.utf8), file: "long.json"); return [] } catch { return error.issues }
    }

    @Test func tenYearsRead() throws {
        let tenYears = try ScenarioLoader.parse(Array(scenario(duration: "87600h", sampleEvery: "1h").utf8), file: "long.json")
        #expect(tenYears.world.duration == .hours(87_600) && tenYears.world.end == .zero + .hours(87_601))
        let late = try ScenarioLoader.parse(Array(scenario(duration: "87600h", sampleEvery: "1h",
                                                           faults: "[{\"crash\": \"a\", \"at\": \"80000h\", \"for\": \"8760h\"}]").utf8), file: "long.json")
        #expect(late.world.faults.map { $0.start } == [.zero + .hours(80_000)])
    }

    /// A year at one request an hour: the count of arrivals is Poisson with mean 8 760, within
    /// 4√8 760 ≈ 374 of it; one sample an hour keeps 8 761 rows, the drain's included.
    @Test func aYearRuns() throws {
        let scenario = try ScenarioLoader.parse(Array(scenario(duration: "8760h", sampleEvery: "1h").utf8), file: "long.json")
        let outcome = ScenarioRunner.run(scenario)[0]
        #expect(abs(Double(outcome.metrics.requests) - 8_760) <= 4 * 8_760.0.squareRoot())
        #expect(outcome.stop != .eventBudget && outcome.metrics.series.rows.count == 8_761)
    }

    @Test func aLongRunNeedsALongerSampleInterval() {
        let found = issues(scenario(duration: "87600h", sampleEvery: nil))
        #expect(found.map(\.path) == ["sampleEvery"])
        #expect(found.first?.message == "a run of 87601h sampled every 1s keeps 315363600 samples, more than 1000000; sample every 315.364s or more", "\(found)")
        #expect(issues(scenario(duration: "87601h", sampleEvery: "1h")).map(\.path) == ["duration"])
    }

    /// A run that ends between two samples keeps a row for its last, shorter interval, so it
    /// counts as a sample: a million whole seconds and half a second more is one too many.
    @Test func aShorterLastIntervalCountsAsASample() {
        #expect(issues(scenario(duration: "996400s", sampleEvery: "1s")) == [], "1 000 000 s with the drain")
        let found = issues(scenario(duration: "996400500ms", sampleEvery: "1s"))
        #expect(found.first?.message == "a run of 16666.675m sampled every 1s keeps 1000001 samples, more than 1000000; sample every 1.001s or more",
                "\(found)")
    }
}
