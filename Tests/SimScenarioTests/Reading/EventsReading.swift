import SimModels
@testable import SimScenario

/// A scenario of two services, `pay` → `email`, with one events architecture, for tests
/// of how the events settings read.
enum EventsReading {
    static func scenario(events: String, faults: String) -> String {
        """
        {"name": "c", "duration": "10s", "workload": {"entry": "pay", "arrivals": {"poisson": "50/s"}},
         "services": {"pay": {"work": "1ms"}, "email": {"work": "5ms"}},
         "faults": \(faults),
         "architectures": {"events": \(events)}}
        """
    }

    /// The scenario with `events` as its architecture (and `faults`), read.
    static func scenario(_ events: String, faults: String = "[]") throws(ScenarioError) -> Scenario {
        try ScenarioLoader.parse(Array(scenario(events: events, faults: faults).utf8), file: "c.json")
    }

    /// The events architecture `events`, read.
    static func read(_ events: String, faults: String = "[]") throws(ScenarioError) -> EventsConfig? {
        guard case .events(let config) = try scenario(events, faults: faults).architectures[0].design else { return nil }
        return config
    }

    /// The problems found in the scenario, in file order (none when it reads).
    static func issues(_ events: String, faults: String = "[]") -> [ScenarioIssue] {
        do { _ = try read(events, faults: faults); return [] } catch { return error.issues }
    }
}
