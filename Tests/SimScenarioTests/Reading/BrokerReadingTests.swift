import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// The broker reads as a log by default, as a queue with SQS's defaults from `"queue"`,
/// or with its settings spelled out; settings of the other broker are refused.
struct BrokerReadingTests {
    @Test func theBrokerIsALogByDefault() throws {
        #expect(try EventsReading.read("{\"consumers\": {\"email\": {}}}")?.broker == .log)
        #expect(try EventsReading.read("{\"broker\": \"log\", \"consumers\": {\"email\": {}}}")?.broker == .log)
        #expect(try EventsReading.read("{\"broker\": {\"log\": {}}, \"consumers\": {\"email\": {}}}")?.broker == .log)
    }

    @Test func aQueueHasSQSDefaults() throws {
        let broker = try EventsReading.read("{\"broker\": \"queue\", \"consumers\": {\"email\": {}}}")?.broker
        #expect(broker == .queue(QueueSettings(visibilityTimeout: .seconds(30), maxReceiveCount: nil, prefetch: 10, retention: .hours(96))))
    }

    @Test func readsQueueSettings() throws {
        let broker = try EventsReading.read("""
        {"broker": {"queue": {"visibilityTimeout": "5s", "maxReceiveCount": 20, "prefetch": 1, "retention": "14h"}},
         "consumers": {"email": {"retryBackoff": "1s", "onFailure": "retry-in-line"}}}
        """)?.broker
        #expect(broker == .queue(QueueSettings(visibilityTimeout: .seconds(5), maxReceiveCount: 20, prefetch: 1, retention: .hours(14))))
    }

    @Test func rejectsBadBrokersWithPathsAndSuggestions() {
        let kind = EventsReading.issues("{\"broker\": \"queu\", \"consumers\": {\"email\": {}}}")
        #expect(kind.map(\.path) == ["architectures.events.broker"] && kind[0].message.contains("did you mean \"queue\"?"))
        let key = EventsReading.issues("{\"broker\": {\"qeue\": {}}, \"consumers\": {\"email\": {}}}")
        #expect(key.map(\.path) == ["architectures.events.broker.qeue"] && key[0].message.contains("did you mean \"queue\"?"))
        let settings = EventsReading.issues("""
        {"broker": {"queue": {"visibilityTimeout": "13h", "maxReceiveCount": 0, "prefetch": 0, "visibilityTimout": "1s"}},
         "consumers": {"email": {}}}
        """)
        #expect(settings.map(\.path) == ["architectures.events.broker.queue.visibilityTimeout", "architectures.events.broker.queue.maxReceiveCount",
                                         "architectures.events.broker.queue.prefetch", "architectures.events.broker.queue.visibilityTimout"])
        #expect(settings[3].message.contains("did you mean \"visibilityTimeout\"?"), "\(settings[3].message)")
        #expect((kind + key + settings).allSatisfy { $0.position != nil })
    }

    /// The log broker takes no settings: a key under it says so instead of listing nothing.
    @Test func rejectsSettingsOfTheLogBroker() {
        let found = EventsReading.issues("{\"broker\": {\"log\": {\"retention\": \"1h\"}}, \"consumers\": {\"email\": {}}}")
        #expect(found.map(\.path) == ["architectures.events.broker.log.retention"])
        #expect(found.first?.message == "unknown field; expected an empty object (this one takes no fields)", "\(found)")
    }

    /// A topic keeps at most `retentionEvents` events per partition.
    @Test func readsTheTopicsRetentionInEvents() throws {
        #expect(try EventsReading.read("{\"topic\": {\"retentionEvents\": 500}, \"consumers\": {\"email\": {}}}")?.retentionEvents == 500)
        let found = EventsReading.issues("{\"topic\": {\"retentionEvents\": 0}, \"consumers\": {\"email\": {}}}")
        #expect(found.map(\.path) == ["architectures.events.topic.retentionEvents"])
    }

    /// A queue has no partitions, offsets or per-event attempts: settings of the log are
    /// errors there, not silently ignored.
    @Test func rejectsLogSettingsOnAQueue() {
        let found = EventsReading.issues("""
        {"broker": "queue", "topic": {"partitions": 4},
         "consumers": {"email": {"commit": "periodic", "offsetReset": "latest", "maxAttempts": 3}}}
        """)
        #expect(found.map(\.path) == ["architectures.events.topic", "architectures.events.consumers.email.commit",
                                      "architectures.events.consumers.email.offsetReset", "architectures.events.consumers.email.maxAttempts"])
        #expect(found[3].message.contains("maxReceiveCount"))
    }
}
