import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// The producer's settings read with Kafka's defaults (`request.timeout.ms` 30 s,
/// `retry.backoff.ms` 100 ms, `delivery.timeout.ms` 120 s, `enable.idempotence` true);
/// settings that cannot apply to the architecture are refused, with paths and suggestions.
struct ProducerReadingTests {
    @Test func theProducerHasKafkasDefaults() throws {
        let config = try #require(try EventsReading.read("{\"publish\": \"dual-write\", \"consumers\": {\"email\": {}}}"))
        #expect(config.publishTimeout == .seconds(30))
        #expect(config.producer == ProducerSettings(retryBackoff: .milliseconds(100), deliveryTimeout: nil, isIdempotent: true))
        #expect(config.deliveryTimeout == .seconds(120) && config.isIdempotentPublish)
    }

    @Test func readsTheProducersSettings() throws {
        let config = try #require(try EventsReading.read("""
        {"publish": "dual-write", "publishTimeout": "2s",
         "producer": {"retryBackoff": "1s", "deliveryTimeout": "10s", "idempotent": false}, "consumers": {"email": {}}}
        """))
        #expect(config.producer == ProducerSettings(retryBackoff: .seconds(1), deliveryTimeout: .seconds(10), isIdempotent: false))
        #expect(config.deliveryTimeout == .seconds(10) && !config.isIdempotentPublish)
    }

    /// As Kafka's producer does, an unset delivery timeout grows to cover the first attempt.
    @Test func theDefaultDeliveryTimeoutCoversLingerAndOneAttempt() throws {
        let config = try #require(try EventsReading.read("""
        {"publish": "dual-write", "publishTimeout": "120s", "linger": "20ms", "consumers": {"email": {}}}
        """))
        #expect(config.deliveryTimeout == .seconds(120) + .milliseconds(20))
    }

    @Test func rejectsProducerSettingsThatCannotApply() {
        let short = EventsReading.issues("""
        {"publish": "dual-write", "publishTimeout": "5s", "producer": {"deliveryTimeout": "3s"}, "consumers": {"email": {}}}
        """)
        #expect(short.map(\.path) == ["architectures.events.producer.deliveryTimeout"] && short[0].message.contains("at least linger + publishTimeout"))
        let outbox = EventsReading.issues("{\"producer\": {\"deliveryTimeout\": \"60s\"}, \"consumers\": {\"email\": {}}}")
        #expect(outbox.map(\.path) == ["architectures.events.producer.deliveryTimeout"] && outbox[0].message.contains("\"publish\": \"dual-write\" only"))
        let queue = EventsReading.issues("{\"broker\": \"queue\", \"producer\": {\"idempotent\": true}, \"consumers\": {\"email\": {}}}")
        #expect(queue.map(\.path) == ["architectures.events.producer.idempotent"])
        let typo = EventsReading.issues("{\"producer\": {\"idempotant\": false, \"retryBackoff\": \"11m\"}, \"consumers\": {\"email\": {}}}")
        #expect(typo.map(\.path) == ["architectures.events.producer.idempotant", "architectures.events.producer.retryBackoff"])
        #expect(typo.first?.message.contains("did you mean \"idempotent\"?") == true, "\(typo.first?.message ?? "")")
    }

    /// `linger` and `waitForAck` shape the dual write's producer and `relayEvery` the outbox's
    /// relay: in the other mode each is an error naming its mode, never accepted and ignored.
    @Test func refusesTheOtherPublishModesFields() {
        let outbox = EventsReading.issues("""
        {"publish": "outbox", "linger": "1m", "waitForAck": false, "relayEvery": "5ms", "consumers": {"email": {}}}
        """)
        #expect(outbox.map(\.path) == ["architectures.events.linger", "architectures.events.waitForAck"])
        #expect(outbox.allSatisfy { $0.message.contains("applies to \"publish\": \"dual-write\" only") }, "\(outbox.map(\.message))")
        let byDefault = EventsReading.issues("{\"linger\": \"1m\", \"consumers\": {\"email\": {}}}")
        #expect(byDefault.map(\.path) == ["architectures.events.linger"])
        let dualWrite = EventsReading.issues("""
        {"publish": "dual-write", "relayEvery": "1us", "linger": "0s", "waitForAck": true, "consumers": {"email": {}}}
        """)
        #expect(dualWrite.map(\.path) == ["architectures.events.relayEvery"])
        #expect(dualWrite.first?.message.contains("applies to \"publish\": \"outbox\" only") == true, "\(dualWrite.map(\.message))")
    }
}
