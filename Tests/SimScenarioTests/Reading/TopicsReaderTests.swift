import Testing
import SimModels
@testable import SimScenario

/// Onward topics read into chains of consumers, and every way a chain can be wrong is
/// reported at once, with its path.
struct TopicsReaderTests {
    /// order → inventory → shipping (and audit), with `events` as the one architecture.
    func scenario(_ events: String) -> String {
        """
        {"name": "t", "duration": "10s", "workload": {"entry": "order", "arrivals": {"poisson": "50/s"}},
         "services": {"order": {"work": "1ms"}, "inventory": {"work": "5ms"}, "shipping": {"work": "5ms"}, "audit": {"work": "1ms"}},
         "architectures": {"events": \(events)}}
        """
    }

    func read(_ events: String) throws(ScenarioError) -> EventsConfig? {
        let scenario = try ScenarioLoader.parse(Array(scenario(events).utf8), file: "t.json")
        guard case .events(let config) = scenario.architectures[0].design else { return nil }
        return config
    }

    func issues(_ events: String) -> [ScenarioIssue] {
        do { _ = try read(events); return [] } catch { return error.issues }
    }

    @Test func aChainReadsIntoTopicsAndConsumers() throws {
        let config = try #require(try read("""
            {"topic": {"partitions": 6},
             "consumers": {"inventory": {"publishes": "reserved"}, "audit": {}},
             "topics": {"reserved": {"partitions": 3, "keyed": false, "retention": "1h", "consumers": {"shipping": {"instances": 2}}}}}
            """))
        #expect(config.onwardTopics == [TopicConfig(name: "reserved", partitions: 3, isKeyed: false, retention: .hours(1))])
        #expect(config.consumers.map(\.service) == [1, 3, 2])
        #expect(config.consumers.map(\.topic) == [0, 0, 1])
        #expect(config.consumers.map(\.publishesTo) == [1, nil, nil])
        #expect(config.consumers[2].instances == 2)
    }

    /// An onward topic's partitions and keying default to the entry's topic's.
    @Test func anOnwardTopicInheritsTheEntrysTopicSettings() throws {
        let config = try #require(try read("""
            {"topic": {"partitions": 6, "keyed": false},
             "consumers": {"inventory": {"publishes": "reserved"}}, "topics": {"reserved": {"consumers": {"shipping": {}}}}}
            """))
        #expect(config.onwardTopics[0].partitions == 6 && !config.onwardTopics[0].isKeyed)
    }

    @Test func anUnknownTopicIsNamedWithTheClosestOne() {
        let found = issues("""
            {"consumers": {"inventory": {"publishes": "reserve"}}, "topics": {"reserved": {"consumers": {"shipping": {}}}}}
            """)
        #expect(found.map(\.path) == ["architectures.events.consumers.inventory.publishes", "architectures.events.topics.reserved"])
        #expect(found[0].message.contains("unknown topic \"reserve\" (did you mean \"reserved\"?)"))
        #expect(found[1].message.contains("nobody publishes to it"))
    }

    @Test func aCycleOfTopicsIsRefusedWithItsPath() {
        let found = issues("""
            {"consumers": {"inventory": {}},
             "topics": {"a": {"consumers": {"shipping": {"publishes": "b"}}}, "b": {"consumers": {"audit": {"publishes": "a"}}}}}
            """)
        #expect(found.contains { $0.message.contains("the topics form a cycle, \"a\" → \"b\" → \"a\"") }, "\(found)")
    }

    @Test func aTopicHasOnePublisherAndAServiceReadsOneTopic() {
        let found = issues("""
            {"consumers": {"inventory": {"publishes": "reserved"}, "audit": {"publishes": "reserved"}},
             "topics": {"reserved": {"consumers": {"shipping": {}, "audit": {}}}}}
            """)
        #expect(found.contains { $0.message.contains("\"audit\" consumes the entry's topic and \"reserved\"; a service consumes one topic") }, "\(found)")
        #expect(found.contains { $0.message.contains("has 2 publishers, \"inventory\" and \"audit\"") }, "\(found)")
    }

    /// On a queue broker a topic fans out to one queue per consumer: chains read, and the
    /// log's topic settings are refused.
    @Test func onAQueueATopicHasNoPartitions() throws {
        let config = try #require(try read("""
            {"broker": "queue", "consumers": {"inventory": {"publishes": "reserved"}}, "topics": {"reserved": {"consumers": {"shipping": {}}}}}
            """))
        #expect(config.consumers.map(\.publishesTo) == [1, nil] && config.consumers.map(\.topic) == [0, 1])
        let found = issues("""
            {"broker": "queue", "consumers": {"inventory": {"publishes": "reserved"}},
             "topics": {"reserved": {"partitions": 3, "consumers": {"shipping": {}}}}}
            """)
        #expect(found.map(\.path) == ["architectures.events.topics.reserved.partitions"])
        #expect(found.first?.message.contains("applies to a log topic only") == true)
    }

    /// A topic names its own broker, or takes the architecture's: here the entry's topic is a
    /// log and "reserved" a queue per consumer (with its own settings), whose consumers are
    /// read with the queue's rules.
    @Test func aTopicNamesItsOwnBroker() throws {
        let config = try #require(try read("""
            {"consumers": {"inventory": {"publishes": "reserved"}},
             "topics": {"reserved": {"broker": {"queue": {"visibilityTimeout": "5s"}}, "consumers": {"shipping": {"instances": 2}}}}}
            """))
        #expect(config.broker == .log)
        #expect(config.onwardTopics[0].broker == .queue(QueueSettings(visibilityTimeout: .seconds(5))))
        let queueFirst = try #require(try read("""
            {"broker": "queue", "consumers": {"inventory": {"publishes": "reserved"}},
             "topics": {"reserved": {"broker": "log", "partitions": 3, "consumers": {"shipping": {"commit": "before-processing"}}}}}
            """))
        #expect(queueFirst.onwardTopics[0].broker == .log && queueFirst.onwardTopics[0].partitions == 3)
        let found = issues("""
            {"consumers": {"inventory": {"publishes": "reserved"}},
             "topics": {"reserved": {"broker": "queu", "consumers": {"shipping": {}}},
                        "shipped": {"broker": "queue", "retention": "1h", "consumers": {"audit": {"commit": "before-processing"}}}}}
            """)
        #expect(found.map(\.path) == ["architectures.events.topics.shipped", "architectures.events.topics.reserved.broker",
                                      "architectures.events.topics.shipped.retention", "architectures.events.topics.shipped.consumers.audit.commit"])
        #expect(found.dropFirst().first?.message.contains("did you mean \"queue\"") == true, "\(found)")
        #expect(found.first?.message.contains("nobody publishes to it") == true)
        #expect(found.last?.message.hasSuffix("the topic \"shipped\" is on a queue") == true, "\(found)")
    }

    @Test func aTopicsUnknownFieldIsRefused() {
        let found = issues("""
            {"consumers": {"inventory": {"publishes": "reserved"}}, "topics": {"reserved": {"partition": 3, "consumers": {"shipping": {}}}}}
            """)
        #expect(found.map(\.path) == ["architectures.events.topics.reserved.partition"])
    }

    /// `publishes` names a topic (a dual write) or says how: `{"topic": …, "via": "outbox"}`.
    @Test func aConsumerPublishesThroughAnOutboxOrADualWrite() throws {
        let config = try #require(try read("""
            {"consumers": {"inventory": {"publishes": {"topic": "reserved", "via": "outbox"}}},
             "topics": {"reserved": {"consumers": {"shipping": {"publishes": {"topic": "shipped"}}}},
                        "shipped": {"consumers": {"audit": {}}}}}
            """))
        #expect(config.consumers.map(\.publishesTo) == [1, 2, nil])
        #expect(config.consumers.map(\.publishesVia) == [.outbox, .dualWrite, .dualWrite])
        let found = issues("""
            {"consumers": {"inventory": {"publishes": {"topic": "reserved", "via": "outbx", "linger": "5ms"}}},
             "topics": {"reserved": {"consumers": {"shipping": {"publishes": 3}}}}}
            """)
        #expect(found.map(\.path) == ["architectures.events.consumers.inventory.publishes.via", "architectures.events.consumers.inventory.publishes.linger",
                                      "architectures.events.topics.reserved.consumers.shipping.publishes"], "\(found)")
        #expect(found.first?.message.contains("did you mean \"outbox\"") == true, "\(found)")
    }

    /// `maxAttempts` on a queue topic's consumer points at where that topic's queue settings are written.
    @Test func aQueueTopicsMaxAttemptsPointsAtItsOwnSettings() {
        let found = issues("""
            {"consumers": {"inventory": {"publishes": "reserved"}},
             "topics": {"reserved": {"broker": "queue", "consumers": {"shipping": {"maxAttempts": 3}}}}}
            """)
        #expect(found.map(\.path) == ["architectures.events.topics.reserved.consumers.shipping.maxAttempts"])
        #expect(found.first?.message.contains("set topics.reserved.broker.queue.maxReceiveCount") == true, "\(found)")
    }
}
