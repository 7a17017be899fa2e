import Testing
import SimModels
@testable import SimScenario

/// A fault chaos draws is described in the words of a written one: `slow email ×20 from …`,
/// not `slow ×20 email from …`.
struct ScenarioTests {
    @Test func aDrawnFaultReadsAsTheSameFaultWritten() throws {
        let text = """
        {"name": "d", "duration": "10s", "workload": {"entry": "pay", "arrivals": {"poisson": "50/s"}},
         "services": {"pay": {"work": "1ms"}, "email": {"work": "5ms"}},
         "faults": [{"crash": "email", "at": "1s", "for": "1s"}, {"pause": "email", "at": "2.5s", "for": "0.5s"},
                    {"slow": "email", "at": "3s", "for": "1s", "work": "9ms"}, {"slow": "email", "at": "4s", "factor": 20, "for": "1.5s"},
                    {"errors": "email", "at": "6s", "fraction": 0.25, "for": "1s"},
                    {"errors": "email", "at": "8s", "fraction": 0.5, "hang": true}],
         "architectures": {"sync": {"chain": ["pay", "email"], "timeout": "1s"}}}
        """
        let scenario = try ScenarioLoader.parse(Array(text.utf8), file: "d.json")
        let drawn = scenario.world.faults.map { Scenario.describe($0, names: ["pay", "email"]) }
        #expect(drawn == scenario.faultDescriptions)
        #expect(drawn[3] == "slow email ×20 from 4 s to 5.5 s", "\(drawn)")
    }
}
