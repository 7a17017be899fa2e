import Testing
import SimModels
@testable import SimScenario

/// Publish steps in `calls`: a service's last step may publish to an onward topic, in an
/// event-driven design, once its required calls have succeeded; every misuse is reported
/// at once, with its path.
struct CallsReaderTests {
    /// checkout → payment → bank, email on checkout's topic, ledger on "payments"; `architecture` is the one design.
    func scenario(_ name: String, _ architecture: String) -> String {
        """
        {"name": "t", "duration": "10s", "workload": {"entry": "checkout", "arrivals": {"poisson": "50/s"}},
         "services": {"checkout": {"work": "1ms"}, "payment": {"work": "5ms"}, "bank": {"work": "5ms"}, "email": {"work": "1ms"},
                      "ledger": {"work": "1ms"}},
         "architectures": {"\(name)": \(architecture)}}
        """
    }

    func issues(_ architecture: String, in name: String = "events") -> [ScenarioIssue] {
        do { _ = try ScenarioLoader.parse(Array(scenario(name, architecture).utf8), file: "t.json"); return [] } catch { return error.issues }
    }

    @Test func aCalledServicePublishesToATopic() throws {
        let loaded = try ScenarioLoader.parse(Array(scenario("events", """
            {"calls": {"checkout": ["payment"], "payment": ["bank", {"publish": "payments", "via": "outbox"}]},
             "consumers": {"email": {}}, "topics": {"payments": {"consumers": {"ledger": {}}}}}
            """).utf8), file: "t.json")
        guard case .events(let config) = loaded.architectures[0].design else { Issue.record("not events"); return }
        let nodes = try #require(config.calls?.graph.nodes)
        #expect(nodes.map(\.service) == [0, 1, 2])
        #expect(nodes.map(\.publish) == [nil, CallPublish(topic: 1, via: .outbox), nil])
        #expect(config.calls?.publishedTopics(below: 0) == [1])
    }

    @Test func aPublishIsAServicesLastStep() {
        let found = issues("""
            {"calls": {"checkout": ["payment"], "payment": [{"publish": "payments"}, "bank"]},
             "consumers": {"email": {}}, "topics": {"payments": {"consumers": {"ledger": {}}}}}
            """)
        #expect(found.map(\.path).contains("architectures.events.calls.payment[0]"), "\(found)")
        #expect(found.first { $0.path == "architectures.events.calls.payment[0]" }?.message.contains("last step") == true)
    }

    @Test func aSynchronousDesignCannotPublish() {
        let found = issues("""
            {"calls": {"checkout": ["payment"], "payment": [{"publish": "payments"}]}}
            """, in: "sync")
        #expect(found.map(\.path) == ["architectures.sync.calls.payment[0].publish"], "\(found)")
        #expect(found.first?.message.contains("a synchronous design has no broker") == true)
    }

    @Test func anUnknownTopicOrWayIsNamedWithTheClosestOne() {
        let found = issues("""
            {"calls": {"checkout": ["payment"], "payment": [{"publish": "payment", "via": "outbx"}]},
             "consumers": {"email": {}}, "topics": {"payments": {"consumers": {"ledger": {}}}}}
            """)
        #expect(found.map(\.path).contains("architectures.events.calls.payment[0].publish"), "\(found)")
        #expect(found.map(\.path).contains("architectures.events.calls.payment[0].via"), "\(found)")
        #expect(found.contains { $0.message.contains("did you mean \"payments\"") })
        #expect(found.contains { $0.message.contains("did you mean \"outbox\"") })
    }

    /// A best-effort call may fail without failing its caller, so a publish under it could
    /// silently not happen: refused, with the path to it.
    @Test func aPublishUnderABestEffortCallIsRefused() {
        let found = issues("""
            {"calls": {"checkout": [{"call": "payment", "bestEffort": true}], "payment": [{"publish": "payments"}]},
             "consumers": {"email": {}}, "topics": {"payments": {"consumers": {"ledger": {}}}}}
            """)
        #expect(found.contains { $0.message.contains("publishes under a best-effort call (checkout → payment)") }, "\(found)")
    }

    /// A topic has one publishing service: a consumer and a called service both publishing to
    /// it are refused; a consumer whose calls publish back to the topic it reads is a cycle.
    @Test func publishStepsJoinTheChecksOfChains() {
        let twice = issues("""
            {"calls": {"checkout": ["payment"], "payment": [{"publish": "payments"}]},
             "consumers": {"email": {"publishes": "payments"}}, "topics": {"payments": {"consumers": {"ledger": {}}}}}
            """)
        #expect(twice.contains { $0.path == "architectures.events.topics.payments" && $0.message.contains("has 2 publishers") }, "\(twice)")
        let cycle = issues("""
            {"calls": {"ledger": ["bank"], "bank": [{"publish": "payments"}]},
             "consumers": {"email": {"publishes": "payments"}}, "topics": {"payments": {"consumers": {"ledger": {}}}}}
            """)
        #expect(cycle.contains { $0.message.contains("has 2 publishers") }, "\(cycle)")
        #expect(cycle.contains { $0.message.contains("the topics form a cycle") }, "\(cycle)")
    }

    /// A refused publish step is reported once: its topic is not also reported as having no publisher.
    @Test func aRefusedPublishStepIsReportedOnce() {
        let found = issues("""
            {"calls": {"checkout": ["payment"], "payment": [{"publish": "payments"}, "bank"]},
             "consumers": {"email": {}}, "topics": {"payments": {"consumers": {"ledger": {}}}}}
            """)
        #expect(found.map(\.path) == ["architectures.events.calls.payment[0]"], "\(found)")
    }
}
