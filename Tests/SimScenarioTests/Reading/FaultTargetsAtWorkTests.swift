import Testing
import SimModels
@testable import SimScenario

/// A fault on a service no architecture puts to work would change nothing, so it is refused
/// where it names the service, not accepted and then dropped.
struct FaultTargetsAtWorkTests {
    /// The problems of a scenario of `pay`, `email` and `emails` with `architectures` and `faults`.
    func issues(architectures: String, faults: String = "[]", more: String = "") -> [ScenarioIssue] {
        let text = """
        {"name": "c", "duration": "10s", "workload": {"entry": "pay", "arrivals": {"poisson": "50/s"}},
         "services": {"pay": {"work": "1ms"}, "email": {"work": "5ms"}, "emails": {"work": "5ms"}},
         "faults": \(faults), \(more)
         "architectures": \(architectures)}
        """
        do { _ = try ScenarioLoader.parse(Array(text.utf8), file: "c.json"); return [] } catch { return error.issues }
    }

    /// `email` is at work only where an architecture calls or consumes it; `pay` is the entry everywhere.
    @Test func aFaultOnAServiceNoArchitectureUsesIsRefused() throws {
        let found = issues(architectures: "{\"sync\": {\"chain\": [\"pay\"]}}",
                           faults: "[{\"crash\": \"email\", \"at\": \"2s\"}, {\"slow\": \"pay\", \"at\": \"1s\", \"factor\": 2}]")
        #expect(found.map(\.path) == ["faults[0].crash"], "\(found)")
        #expect(found.first?.message == "no architecture puts \"email\" to work (none enters at, calls or consumes it), "
                + "so a fault on it would change nothing")
        #expect(found.allSatisfy { $0.position != nil })
        let used = ["{\"sync\": {\"chain\": [\"pay\", \"email\"]}}", "{\"events\": {\"consumers\": {\"email\": {}}}}",
                    "{\"sync\": {\"chain\": [\"pay\"]}, \"events\": {\"consumers\": {\"email\": {}}}}"]
        for architectures in used {
            #expect(issues(architectures: architectures, faults: "[{\"crash\": \"email\", \"at\": \"2s\"}]").isEmpty, "\(architectures)")
        }
    }

    @Test func chaosTargetsAndSwarmCandidatesFollowTheSameRule() {
        let found = issues(architectures: "{\"events\": {\"consumers\": {\"emails\": {}}}}", more: """
            "chaos": {"kinds": ["crash"], "targets": ["pay", "email"], "every": "2s", "lasting": "1s"},
            "swarm": {"faults": [{"crash": "email", "at": "2s", "for": "1s"}]},
            """)
        #expect(found.map(\.path) == ["chaos.targets[1]", "swarm.faults[0].crash"], "\(found)")
        #expect(found.allSatisfy { $0.message.hasSuffix("(did you mean \"emails\"?)") }, "\(found)")
    }
}
