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
        {"consumers": {"email": {"maxAttempts": 3, "retryBackoff": "250ms", "onFailure": "park"}}}
        """)?.consumers.first)
        #expect(consumer.maxAttempts == 3 && consumer.retryBackoff == .milliseconds(250) && consumer.onFailure == .park)
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
}
