import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// Consumer settings read into exactly the configuration they name, with the documented
/// defaults when absent, and every bad value reported with its path and a suggestion.
struct ConsumerReadingTests {
    func read(_ events: String) throws(ScenarioError) -> EventsConfig? { try EventsReading.read(events) }
    func issues(_ events: String) -> [ScenarioIssue] { EventsReading.issues(events) }

    @Test func failureHandlingDefaultsToSpringKafkasTenAttemptsWithoutBackoff() throws {
        let consumer = try #require(try read("{\"consumers\": {\"email\": {}}}")?.consumers.first)
        #expect(consumer.maxAttempts == 10 && consumer.retryBackoff == .zero && consumer.onFailure == .retryInLine)
    }

    @Test func readsFailureHandling() throws {
        let consumer = try #require(try read("""
        {"consumers": {"email": {"maxAttempts": 3, "retryBackoff": "250ms", "onFailure": "retry-in-line"}}}
        """)?.consumers.first)
        #expect(consumer.maxAttempts == 3 && consumer.retryBackoff == .milliseconds(250) && consumer.onFailure == .retryInLine)
        let parked = try #require(try read("{\"consumers\": {\"email\": {\"onFailure\": \"park\"}}}")?.consumers.first)
        #expect(parked.onFailure == .park)
    }

    /// A parking consumer dead-letters at the first failure: the retry settings are errors
    /// naming `retry-in-line`, on a log and on a queue, never accepted and ignored.
    @Test func refusesRetrySettingsOfAParkingConsumer() {
        let onLog = issues("""
        {"consumers": {"email": {"maxAttempts": 3, "retryBackoff": "250ms", "onFailure": "park"}}}
        """)
        #expect(onLog.map(\.path) == ["architectures.events.consumers.email.maxAttempts", "architectures.events.consumers.email.retryBackoff"])
        #expect(onLog.allSatisfy { $0.message.contains("applies to \"onFailure\": \"retry-in-line\" only") }, "\(onLog.map(\.message))")
        let onQueue = issues("{\"broker\": \"queue\", \"consumers\": {\"email\": {\"retryBackoff\": \"1s\", \"onFailure\": \"park\"}}}")
        #expect(onQueue.map(\.path) == ["architectures.events.consumers.email.retryBackoff"])
    }

    @Test func rejectsBadFailureHandlingWithPathsAndSuggestions() {
        let found = issues("""
        {"consumers": {"email": {"maxAttempts": 0, "retryBackoff": 5, "onFailure": "parc"}}}
        """)
        #expect(found.map(\.path) == ["architectures.events.consumers.email.maxAttempts",
                                      "architectures.events.consumers.email.retryBackoff",
                                      "architectures.events.consumers.email.onFailure"])
        #expect(found[2].message.contains("did you mean \"park\"?"), "\(found[2].message)")
        #expect(found.allSatisfy { $0.position != nil })
    }

    @Test func rebalancingDefaultsToKafkasSessionTimeoutAndAnEagerRoundRobin() throws {
        let consumer = try #require(try read("{\"consumers\": {\"email\": {}}}")?.consumers.first)
        #expect(consumer.sessionTimeout == .seconds(45) && consumer.rebalancePause == .seconds(3))
        #expect(consumer.assignment == .roundRobin && consumer.rebalance == .eager)
    }

    @Test func readsRebalancing() throws {
        let consumer = try #require(try read("""
        {"consumers": {"email": {"sessionTimeout": "10s", "rebalancePause": "0s", "assignment": "range", "rebalance": "cooperative"}}}
        """)?.consumers.first)
        #expect(consumer.sessionTimeout == .seconds(10) && consumer.rebalancePause == .zero)
        #expect(consumer.assignment == .range && consumer.rebalance == .cooperative)
    }

    @Test func rejectsBadRebalancingWithPathsAndSuggestions() {
        let found = issues("""
        {"consumers": {"email": {"sessionTimeout": "0s", "rebalancePause": "1h", "assignment": "roundrobin", "rebalance": "cooperativ"}}}
        """)
        #expect(found.map(\.path) == ["architectures.events.consumers.email.sessionTimeout", "architectures.events.consumers.email.rebalancePause",
                                      "architectures.events.consumers.email.assignment", "architectures.events.consumers.email.rebalance"])
        #expect(found[2].message.contains("did you mean \"round-robin\"?"), "\(found[2].message)")
        #expect(found[3].message.contains("did you mean \"cooperative\"?"), "\(found[3].message)")
    }

    @Test func theFetchTimeoutDefaultsToKafkasRequestTimeout() throws {
        #expect(try #require(try read("{\"consumers\": {\"email\": {}}}")?.consumers.first).fetchTimeout == .seconds(30))
        #expect(try #require(try read("{\"consumers\": {\"email\": {\"fetchTimeout\": \"2s\"}}}")?.consumers.first).fetchTimeout == .seconds(2))
    }

    /// A queue has no fetches to time out: its visibility timeout covers a lost receive.
    @Test func rejectsAFetchTimeoutOutOfRangeOrOnAQueue() {
        #expect(issues("{\"consumers\": {\"email\": {\"fetchTimeout\": \"0s\"}}}").map(\.path) == ["architectures.events.consumers.email.fetchTimeout"])
        let onQueue = issues("{\"broker\": \"queue\", \"consumers\": {\"email\": {\"fetchTimeout\": \"2s\"}}}")
        #expect(onQueue.map(\.path) == ["architectures.events.consumers.email.fetchTimeout"])
        #expect(onQueue.first?.message.contains("log broker only") == true)
    }

    /// `offsetReset` says where a group resumes once retention has deleted its position: on a
    /// topic that keeps every event it would never apply, so it is an error there, on the
    /// entry's topic and on an onward one alike.
    @Test func offsetResetNeedsATopicThatDeletesEvents() throws {
        let kept = issues("{\"consumers\": {\"email\": {\"offsetReset\": \"earliest\"}}}")
        #expect(kept.map(\.path) == ["architectures.events.consumers.email.offsetReset"])
        #expect(kept.first?.message.contains("applies only to a topic with \"retention\" or \"retentionEvents\"") == true, "\(kept.map(\.message))")
        let retained = try #require(try read("""
        {"topic": {"retentionEvents": 100}, "consumers": {"email": {"offsetReset": "earliest"}}}
        """)?.consumers.first)
        #expect(retained.offsetReset == .earliest)
        let badRetention = issues("{\"topic\": {\"retention\": \"0s\"}, \"consumers\": {\"email\": {\"offsetReset\": \"earliest\"}}}")
        #expect(badRetention.map(\.path) == ["architectures.events.topic.retention"])
        let onward = issues("""
        {"consumers": {"email": {"publishes": "sent"}}, "topics": {"sent": {"consumers": {"pay": {"offsetReset": "latest"}}}}}
        """)
        #expect(onward.contains { $0.path == "architectures.events.topics.sent.consumers.pay.offsetReset" }, "\(onward.map(\.path))")
    }

    /// A limit on everything: an architecture has at most 64 consumers.
    @Test func rejectsMoreThanSixtyFourConsumers() throws {
        func scenario(consumers: Int) -> [UInt8] {
            let names = (1...consumers).map { "s\($0)" }
            let services = (["pay"] + names).map { "\"\($0)\": {\"work\": \"1ms\"}" }.joined(separator: ", ")
            let events = names.map { "\"\($0)\": {}" }.joined(separator: ", ")
            return Array("""
            {"name": "c", "duration": "1s", "workload": {"entry": "pay", "arrivals": {"poisson": "50/s"}},
             "services": {\(services)}, "architectures": {"events": {"consumers": {\(events)}}}}
            """.utf8)
        }
        _ = try ScenarioLoader.parse(scenario(consumers: 64), file: "c.json")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(scenario(consumers: 65), file: "c.json") }
        do { _ = try ScenarioLoader.parse(scenario(consumers: 65), file: "c.json") } catch {
            #expect(error.issues.map(\.path) == ["architectures.events.consumers"])
            #expect(error.issues.first?.message.contains("at most 64 consuming services") == true)
        }
    }
}
