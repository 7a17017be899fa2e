import Testing
@testable import SimRuns
@testable import SimScenario

/// The one-step reductions a shrink tries, boldest first, each a valid edit of the document.
struct ScenarioShrinkerTests {
    @Test func candidatesRemoveThenHalve() throws {
        let root = try JSONParser.parse(Array("""
        {"name": "s", "duration": "3s", "drain": "2ms",
         "workload": {"entry": "a", "arrivals": {"constant": "0.003/s"}},
         "faults": [{"crash": "a", "at": "1s", "for": "1ms"}, {"slow": "a", "at": "2s", "for": "5s", "factor": 2}],
         "chaos": {}}
        """.utf8))
        let steps = ScenarioShrinker.candidates(of: root).map(\.step)
        #expect(steps == [
            "removed faults[0]: {\"crash\": \"a\", \"at\": \"1s\", \"for\": \"1ms\"}",
            "removed faults[1]: {\"slow\": \"a\", \"at\": \"2s\", \"for\": \"5s\", \"factor\": 2}",
            "removed chaos",
            "faults[1]: for 5s → 2.5s",  // 1ms would halve below the least window
            "arrival rate 0.003/s → 0.001/s",
            "duration 3s → 1.5s",
            "drain 2ms → none",
            "drain 2ms → 1ms",
        ])
        let halvedRate = ScenarioShrinker.candidates(of: root)[4].document
        #expect(halvedRate.member("workload")?.member("arrivals")?.member("constant")?.stringValue == "0.001/s")
        #expect(halvedRate.objectMembers?.map(\.key) == root.objectMembers?.map(\.key))
    }
}
