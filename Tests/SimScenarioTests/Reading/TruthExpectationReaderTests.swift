import Testing
import SimChecks
@testable import SimScenario

/// A truth value of `metrics.json` (`recovery.metastable`, `recovered`, `converged`) is an
/// expectation's metric like a number, compared only with `"equals": true` or `false`; every
/// other way of comparing it is refused at its JSON path with what to write instead.
struct TruthExpectationReaderTests {
    let reader = ExpectationReaderTests()

    @Test func readsEqualsTrueAndFalse() throws {
        let read = try reader.read("""
        {"metric": "recovery.metastable", "architecture": "sync", "equals": true},
        {"metric": "recovery.recovered", "architecture": "events", "equals": false},
        {"metric": "recovery.converged", "equals": true}
        """)
        #expect(read == [
            Expectation(metric: "recovery.metastable", architecture: "sync", comparison: .equals, bounds: [.value(1, written: "true")], isTruth: true),
            Expectation(metric: "recovery.recovered", architecture: "events", comparison: .equals, bounds: [.value(0, written: "false")], isTruth: true),
            Expectation(metric: "recovery.converged", architecture: "sync", comparison: .equals, bounds: [.value(1, written: "true")], isTruth: true),
            Expectation(metric: "recovery.converged", architecture: "events", comparison: .equals, bounds: [.value(1, written: "true")], isTruth: true),
        ])
        #expect(read.map(\.text)[0] == "sync recovery.metastable = true")
        #expect(read[1].statement.reading(1) == "true" && read[1].statement.isTruth)
    }

    @Test func refusesOrderingsOfATruthValue() {
        #expect(reader.problems("{\"metric\": \"recovery.metastable\", \"architecture\": \"sync\", \"below\": 1}") == [
            "expectations[0].below: \"below\" compares numbers, but \"recovery.metastable\" is true or false; expected \"equals\": true or \"equals\": false",
        ])
        #expect(reader.problems("{\"metric\": \"recovery.recovered\", \"between\": [0, 1]}").count == 1)
    }

    @Test func refusesANumberOrRatioForATruthValue() {
        #expect(reader.problems("{\"metric\": \"recovery.metastable\", \"equals\": 1}") == [
            "expectations[0].equals: expected true or false (\"recovery.metastable\" is a truth value), found 1",
        ])
        #expect(reader.problems("{\"metric\": \"recovery.metastable\", \"architecture\": \"events\", \"equals\": {\"ratioOf\": \"sync\", \"times\": 1}}").count == 1)
    }

    @Test func refusesATruthValueForANumber() {
        #expect(reader.problems("{\"metric\": \"requests.failed\", \"equals\": true}") == [
            "expectations[0].equals: true is a truth value, but \"requests.failed\" is a number; expected a number",
        ])
    }

    @Test func refusesAMeanOfATruthValue() {
        #expect(reader.problems("{\"metric\": \"recovery.metastable\", \"mean\": {\"equals\": true}}") == [
            "expectations[0].mean: \"recovery.metastable\" is true or false, which has no mean over seeds; drop \"mean\" and use \"equals\": true or \"equals\": false, which every seed must show",
        ])
    }

    @Test func suggestsTheClosestTruthValue() {
        #expect(reader.problems("{\"metric\": \"recovery.metastabel\", \"equals\": true}") == [
            "expectations[0].metric: unknown metric \"recovery.metastabel\" (did you mean \"recovery.metastable\"?)",
        ])
    }
}
