import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// `"crash": "email#1"` crashes instance 1 of email's consumer; the instance must exist in
/// every events architecture consuming email, and only a crash can hit one instance.
struct InstanceFaultReadingTests {
    let twoInstances = "{\"consumers\": {\"email\": {\"instances\": 2}}}"

    @Test func readsAnInstanceCrash() throws {
        let s = try EventsReading.scenario(twoInstances, faults: "[{\"crash\": \"email#1\", \"at\": \"2s\", \"for\": \"3s\"}]")
        let fault = try #require(s.world.faults.first)
        #expect(fault.kind == .crash && fault.service == 1 && fault.instance == 1)
        #expect(fault.start == .zero + .seconds(2) && fault.end == .zero + .seconds(5))
        #expect(s.faultDescriptions == ["crash email#1 from 2 s to 5 s"])
        #expect(try EventsReading.scenario(twoInstances, faults: "[{\"crash\": \"email\", \"at\": \"2s\"}]").world.faults[0].instance == nil)
    }

    @Test func rejectsBadInstancesWithPathsAndSuggestions() {
        let cases: [(String, String)] = [
            ("{\"crash\": \"emial#1\", \"at\": \"2s\"}", "did you mean \"email#1\"?"),
            ("{\"crash\": \"email#x\", \"at\": \"2s\"}", "expected an instance number from 0 to 999"),
            ("{\"crash\": \"email#\", \"at\": \"2s\"}", "expected an instance number from 0 to 999"),
            ("{\"crash\": \"email#2\", \"at\": \"2s\"}", "\"email\" has 2 instances in architecture \"events\", numbered from 0: there is no instance 2"),
            ("{\"slow\": \"email#0\", \"at\": \"2s\", \"factor\": 3}", "only a crash can hit one instance"),
            ("{\"crash\": \"pay#0\", \"at\": \"2s\"}", "no events architecture consumes \"pay\""),
        ]
        for (fault, message) in cases {
            let found = EventsReading.issues(twoInstances, faults: "[\(fault)]")
            #expect(found.count == 1 && found[0].path.hasPrefix("faults[0].") && found[0].message.contains(message), "\(fault): \(found)")
            #expect(found.allSatisfy { $0.position != nil })
        }
    }

    /// Two instances may be down at once; the same instance twice, or an instance while its
    /// whole service is down, may not.
    @Test func instanceCrashesMayOverlapOnlyOnDifferentInstances() {
        func issues(_ a: String, _ b: String) -> [ScenarioIssue] {
            EventsReading.issues(twoInstances, faults: "[{\"crash\": \"\(a)\", \"at\": \"2s\", \"for\": \"5s\"}, {\"crash\": \"\(b)\", \"at\": \"4s\"}]")
        }
        #expect(issues("email#0", "email#1").isEmpty)
        #expect(issues("email#1", "email#1").map(\.path) == ["faults[1]"])
        #expect(issues("email", "email#1").map(\.path) == ["faults[1]"])
    }
}
