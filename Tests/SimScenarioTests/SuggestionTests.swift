import Testing
@testable import SimScenario

/// Typos get a "did you mean"; unrelated words get none.
struct SuggestionTests {
    @Test func suggestsTheNearestKnownWord() {
        #expect(Suggestion.closest(to: "duraton", among: ["name", "seed", "duration", "drain"]) == "duration")
        #expect(Suggestion.closest(to: "wokers", among: ["workers", "work", "queue"]) == "workers")
        #expect(Suggestion.closest(to: "emial", among: ["email", "payment"]) == "email")
        #expect(Suggestion.closest(to: "zzzzzz", among: ["email", "payment"]) == nil)
    }

    @Test func editDistanceCountsTranspositionsOnce() {
        #expect(Suggestion.editDistance("ab", "ba") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
    }
}
