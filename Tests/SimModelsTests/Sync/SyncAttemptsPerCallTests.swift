import Foundation
import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Attempts per call as a distribution: with a callee failing a fraction p of attempts
/// independently and n attempts allowed, a call makes k < n attempts with probability
/// p^(k−1)(1 − p), and n with probability p^(n−1).
struct SyncAttemptsPerCallTests {
    @Test func callsByAttemptsFollowTheGeometricLaw() {
        let p = 0.5, attempts = 4
        let world = Worlds.payments(seconds: 60, faults: [Worlds.fault(.errors(Probability(p)), on: 1, at: 0, for: 1_000)])
        let config = SyncConfig(chain: [0, 1, 2], timeout: .seconds(20),
                                retries: RetryPolicy(attempts: attempts, backoff: .constant, base: .milliseconds(10), jitter: .none))
        var model = SyncModel(world: world, config: config)
        let m = model.run().metrics
        let toEmail = m.callsByAttempts
        #expect(toEmail.count == attempts + 1 && toEmail[0] == 0)
        // Calls to notification always succeed at once; they are the calls of email's successes.
        let total = Double(toEmail.reduce(0, +))
        let emailCalls = total - Double(m.services[2].callAttempts)
        for k in 1...attempts {
            let expected = k < attempts ? pow(p, Double(k - 1)) * (1 - p) : pow(p, Double(attempts - 1))
            let observed = Double(toEmail[k] - (k == 1 ? m.services[2].callAttempts : 0)) / emailCalls
            let sigma = (expected * (1 - expected) / emailCalls).squareRoot()
            #expect(abs(observed - expected) < 5 * sigma, "k = \(k): \(observed) vs \(expected)")
        }
    }
}
