import Testing
import SimKernel
@testable import SimScenario

/// An empirical table's keys are `min`, `max` and `pX` with X a plain decimal number, each
/// percentile once; every problem in a table is reported at once, its values checked among
/// the keys that read.
struct EmpiricalReadingTests {
    /// The problems in a scenario whose entry's work is `{"empirical": table}`.
    func issues(_ table: String) -> [ScenarioIssue] {
        let text = """
        {"name": "e", "duration": "10s", "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}},
         "services": {"a": {"work": {"empirical": \(table)}}}, "architectures": {"sync": {"chain": ["a"]}}}
        """
        do { _ = try ScenarioLoader.parse(Array(text.utf8), file: "e.json"); return [] } catch { return error.issues }
    }

    @Test func readsPlainDecimalPercentiles() throws {
        let text = """
        {"name": "e", "duration": "10s", "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}},
         "services": {"a": {"work": {"empirical": {"p0.5": "1ms", "p50": "2ms", "p99.9": "3ms", "max": "4ms"}}}},
         "architectures": {"sync": {"chain": ["a"]}}}
        """
        let scenario = try ScenarioLoader.parse(Array(text.utf8), file: "e.json")
        guard case .empirical(let table) = scenario.world.services[0].work else { Issue.record("not empirical"); return }
        #expect(table.probabilities == [0, 0.5 / 100, 0.5, 99.9 / 100, 1] && table.values == [0, 1e6, 2e6, 3e6, 4e6])
    }

    /// `p1e1`, `p+50`, `p.5`, `p5.` and `p050` once read as 10, 50, 0.5, 5 and 50.
    @Test(arguments: [("p1e1", ""), ("p+50", ""), ("p.5", " (write \"p0.5\")"), ("p5.", " (write \"p5\")"),
                      ("p050", " (write \"p50\")"), ("p", ""), ("p-1", ""), ("pinf", "")])
    func refusesPercentileKeysThatAreNotPlainDecimals(key: String, hint: String) {
        let found = issues("{\"\(key)\": \"2ms\", \"max\": \"50ms\"}")
        #expect(found.map(\.path) == ["services.a.work.empirical.\(key)"])
        #expect(found.first?.message.contains("found \"\(key)\"\(hint);") == true, "\(found.map(\.message))")
    }

    @Test func refusesPercentilesAtOrBeyondTheEnds() {
        let found = issues("{\"p0\": \"1ms\", \"p100\": \"2ms\", \"p150\": \"3ms\", \"max\": \"50ms\"}")
        #expect(found.map(\.path) == ["services.a.work.empirical.p0", "services.a.work.empirical.p100", "services.a.work.empirical.p150"])
        #expect(found.first?.message.contains("write \"min\"") == true && found.dropFirst().first?.message.contains("write \"max\"") == true)
    }

    /// `p50` and `p50.0` name one percentile: the second is a duplicate, not a falling value.
    @Test func refusesAPercentileGivenTwice() {
        let found = issues("{\"p50\": \"10ms\", \"p50.0\": \"2ms\", \"max\": \"50ms\"}")
        #expect(found.map(\.path) == ["services.a.work.empirical.p50.0"])
        #expect(found.first?.message.contains("the same percentile as \"p50\"") == true, "\(found.map(\.message))")
    }

    /// The reproducer: a bad `p0` and a `max` below `p50`, both reported in one go.
    @Test func reportsFallingValuesAlongsideABadKey() {
        let found = issues("{\"p50\": \"10ms\", \"max\": \"5ms\", \"p0\": \"1ms\"}")
        #expect(found.map(\.path) == ["services.a.work.empirical.max", "services.a.work.empirical.p0"])
        #expect(found.first?.message.contains("expected at least 10ms (the value of \"p50\"") == true, "\(found.map(\.message))")
        #expect(found.first?.message.contains("found 5ms") == true)
    }
}
