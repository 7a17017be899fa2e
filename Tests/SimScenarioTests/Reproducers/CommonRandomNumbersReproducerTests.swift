import Testing
@testable import SimScenario

/// The same 30 % `errors` fault strikes the same requests in both designs: each decision is
/// drawn from the request, the attempt and the service, not from the order of processing.
struct CommonRandomNumbersReproducerTests {
    @Test func anErrorsFaultStrikesTheSameRequestsInBothDesigns() throws {
        let run = try Reproducer("crn-errors")
        let failed = try #require(run.value("sync", "requests.failedByKind.error"))
        let parked = try #require(run.value("events-dw", "consistency.b.deadLettered"))
        #expect(failed == parked)
        #expect(abs(failed / 6_003 - 0.3) < 0.05, "about 30 % of b's calls fail: \(failed)")
    }
}
