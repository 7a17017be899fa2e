import Testing
import SimKernel
@testable import SimModels

/// Per-request draws: one stream per (request, attempt), never shared, and no pattern
/// across neighbouring requests or attempts.
struct RequestDrawsTests {
    let draws = RequestDraws(seed: 42, name: "payment/work")

    func first(_ request: UInt64, _ attempt: Int) -> UInt64 {
        var stream = draws.stream(request: request, attempt: attempt)
        return stream.next()
    }

    /// The word written out for attempt 0 is the one every other attempt's is computed as.
    @Test func theFirstAttemptsWordIsTheMixOfItsAttempt() {
        #expect(RequestDraws.attemptWord(0) == SplitMix64.mix(0x9E37_79B9_7F4A_7C15))
        #expect(RequestDraws.attemptWord(3) == SplitMix64.mix(3 &+ 0x9E37_79B9_7F4A_7C15))
    }

    /// A request's late attempts do not reuse the next request's early ones (as a key of
    /// `request × 64 + attempt` did from attempt 64 on).
    @Test func lateAttemptsNeverReuseAnotherRequestsDraws() {
        #expect(first(1, 64) != first(2, 0))
        #expect(first(1, 128) != first(3, 0))
        var seen = Set<UInt64>()
        for request in 0..<200 as Range<UInt64> {
            for attempt in 0..<1_000 { seen.insert(first(request, attempt)) }
        }
        #expect(seen.count == 200 * 1_000, "every (request, attempt) has its own stream")
    }

    /// Requests in a row, and attempts in a row, give independent-looking uniforms: the
    /// mean of n of them is 1/2 within 5 standard errors (σ = 1/√12n).
    @Test func neighbouringStreamsLookIndependent() {
        let n = 100_000
        var byRequest = 0.0, byAttempt = 0.0
        for i in 0..<n {
            var a = draws.stream(request: UInt64(i), attempt: 0), b = draws.stream(request: 7, attempt: i)
            byRequest += a.nextUnit()
            byAttempt += b.nextUnit()
        }
        let tolerance = 5 / (12 * Double(n)).squareRoot()
        #expect(abs(byRequest / Double(n) - 0.5) < tolerance)
        #expect(abs(byAttempt / Double(n) - 0.5) < tolerance)
    }
}
