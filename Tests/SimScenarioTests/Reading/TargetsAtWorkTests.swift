import Testing
import SimModels
@testable import SimScenario

/// A fault on a service no architecture puts to work would change nothing, so it is refused
/// where it names the service, not accepted and then dropped.
struct FaultTargetsAtWorkTests {
    /// The problems of a scenario of `pay`, `email` and `emails` with `architectures` and `faults`.
    func issues(architectures: String, faults: String = "[]", more: String = "", workload: String = "") -> [ScenarioIssue] {
        let text = """
        {"name": "c", "duration": "10s", "workload": {"entry": "pay", "arrivals": {"poisson": "50/s"}\(workload.isEmpty ? "" : ", " + workload)},
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

    /// A swarm's candidates are checked as written faults are, network candidates too: drawn,
    /// they would change nothing.
    @Test func chaosTargetsAndSwarmCandidatesFollowTheSameRule() {
        let found = issues(architectures: "{\"events\": {\"consumers\": {\"emails\": {}}}}", more: """
            "chaos": {"kinds": ["crash"], "targets": ["pay", "email"], "every": "2s", "lasting": "1s"},
            "swarm": {"faults": [{"crash": "email", "at": "2s", "for": "1s"}, {"network": "pay->email", "at": "2s", "drop": 0.5},
                                 {"partition": ["email"], "at": ["1s", "3s"], "for": "1s"}, {"network": "pay->emails", "at": "2s", "drop": 0.5}]},
            """)
        #expect(found.map(\.path) == ["chaos.targets[1]", "swarm.faults[0].crash", "swarm.faults[1].network", "swarm.faults[2].partition"],
                "\(found)")
        #expect(found.allSatisfy { $0.message.hasSuffix("(did you mean \"emails\"?)") }, "\(found)")
    }
}

/// A network fault whose named node never sends or receives would touch no message.
struct NetworkFaultTargetsTests {
    let atWork = FaultTargetsAtWorkTests()

    @Test func aNetworkFaultOnNodesNoArchitectureUsesIsRefused() {
        let sync = "{\"sync\": {\"chain\": [\"pay\", \"email\"]}}"
        let faults = """
        [{"network": "emails", "at": "1s", "drop": 0.5}, {"network": "pay->emails", "at": "1s", "delay": "1ms"},
         {"partition": ["emails", "broker"], "at": "1s", "for": "1s"}, {"network": "broker", "at": "1s", "drop": 0.5},
         {"network": "*", "at": "1s", "delay": "1ms"}, {"network": "pay->email", "at": "2s", "drop": 0.1},
         {"partition": ["emails", "email"], "at": "3s", "for": "1s"}]
        """
        let found = atWork.issues(architectures: sync, faults: faults)
        #expect(found.map(\.path) == ["faults[0].network", "faults[1].network", "faults[2].partition", "faults[3].network"], "\(found)")
        #expect(found.allSatisfy { $0.position != nil })
        #expect(found.first?.message.hasSuffix("so a fault on it would change nothing (did you mean \"email\"?)") == true, "\(found)")
        let events = "{\"events\": {\"consumers\": {\"emails\": {}}}}"
        #expect(atWork.issues(architectures: events, faults: "[{\"network\": \"broker\", \"at\": \"1s\", \"drop\": 0.5}]").isEmpty)
    }

    /// No node sends to itself (call graphs have no cycles), so a fault or a latency on a link
    /// from a node to itself is refused, written or as a swarm's candidate.
    @Test func aLinkFromANodeToItselfIsRefused() {
        let sync = "{\"sync\": {\"chain\": [\"pay\", \"email\"]}, \"events\": {\"consumers\": {\"email\": {}}}}"
        let found = atWork.issues(architectures: sync, faults: "[{\"network\": \"pay->pay\", \"at\": \"1s\", \"drop\": 0.5}]", more: """
            "network": {"links": [{"from": "email", "to": "email", "latency": "2ms"}, {"from": "broker", "to": "broker", "latency": "1ms"},
                                  {"from": "pay", "to": "email", "latency": "1ms"}]},
            "swarm": {"faults": [{"network": "broker->broker", "at": "2s", "delay": "5ms"}]},
            """)
        #expect(found.map(\.path) == ["faults[0].network", "network.links[0].to", "network.links[1].to", "swarm.faults[0].network"], "\(found)")
        #expect(found.first?.message == "no message goes from \"pay\" to itself, so a fault on this link would change nothing")
        #expect(found[1].message == "no message goes from \"email\" to itself, so no message takes this link")
        #expect(found.allSatisfy { $0.position != nil })
    }

    /// A link's latency is refused the same way: no message would take it.
    @Test func aLinkBetweenNodesNoArchitectureUsesIsRefused() {
        let links = """
        "network": {"links": [{"from": "pay", "to": "emails", "latency": "2ms"}, {"from": "broker", "latency": "1ms"},
                              {"to": "email", "latency": "3ms"}]},
        """
        let found = atWork.issues(architectures: "{\"sync\": {\"chain\": [\"pay\", \"email\"]}}", more: links)
        #expect(found.map(\.path) == ["network.links[0].to", "network.links[1].from"], "\(found)")
        #expect(found.first?.message == "no architecture puts \"emails\" to work (none enters at, calls or consumes it), so no message takes this link (did you mean \"email\"?)")
        #expect(found.last?.message == "every architecture is synchronous and none has a broker, so no message takes this link")
    }
}

/// The broker is a target only where some architecture has one; the entry hangs only for users who give up.
struct BrokerAndEntryFaultTests {
    let atWork = FaultTargetsAtWorkTests()

    @Test func aBrokerFaultWithOnlySynchronousArchitecturesIsRefused() {
        let sync = "{\"sync\": {\"chain\": [\"pay\", \"email\"]}}"
        let found = atWork.issues(architectures: sync, faults: "[{\"crash\": \"broker\", \"at\": \"2s\"}]",
                                  more: "\"chaos\": {\"kinds\": [\"crash\"], \"targets\": [\"broker\"], \"every\": \"2s\", \"lasting\": \"1s\"},")
        #expect(found.map(\.path) == ["faults[0].crash", "chaos.targets[0]"], "\(found)")
        #expect(found.allSatisfy { $0.message == "every architecture is synchronous and none has a broker, so a fault on it would change nothing" })
        let mixed = "{\"sync\": {\"chain\": [\"pay\", \"email\"]}, \"events\": {\"consumers\": {\"email\": {}}}}"
        #expect(atWork.issues(architectures: mixed, faults: "[{\"crash\": \"broker\", \"at\": \"2s\"}]").isEmpty)
    }

    /// A hang on the entry needs users who give up: without a client timeout they would wait
    /// for ever, so it is refused, naming the timeout that would make it a fault; with one it
    /// is accepted, written or as a swarm's candidate.
    @Test func aHangOnTheEntryNeedsUsersWhoGiveUp() {
        let sync = "{\"sync\": {\"chain\": [\"pay\", \"email\"]}}"
        let hang = "[{\"errors\": \"pay\", \"at\": \"2s\", \"fraction\": 0.5, \"hang\": true}]"
        let swarm = "\"swarm\": {\"faults\": [{\"errors\": \"pay\", \"at\": [\"1s\", \"3s\"], \"fraction\": 0.5, \"hang\": true}]},"
        let waiting = atWork.issues(architectures: sync, faults: hang, more: swarm)
        #expect(waiting.map(\.path) == ["faults[0].errors", "swarm.faults[0].errors"], "\(waiting)")
        #expect(waiting.first?.message == "a hang needs a caller that gives up, and the users of the entry \"pay\" wait for ever; "
                + "give them a timeout (workload.client.timeout), or use \"errors\" or \"crash\" on the entry")
        let patient = atWork.issues(architectures: sync, faults: hang, more: swarm, workload: "\"client\": {\"timeout\": \"2s\"}")
        #expect(patient.isEmpty, "\(patient)")
        let wrong = atWork.issues(architectures: sync, faults: hang, workload: "\"client\": {\"timeout\": \"0s\"}")
        #expect(wrong.map(\.path) == ["workload.client.timeout"], "a wrong timeout is the one problem: \(wrong)")
    }
}
