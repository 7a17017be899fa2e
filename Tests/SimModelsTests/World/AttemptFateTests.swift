import Testing
import SimKernel
@testable import SimModels

/// Fault decisions belong to the attempt: the same attempt meets the same fate whenever it
/// is asked, and the fraction struck matches the fault's probability.
struct AttemptFateTests {
    let book = FaultBook([FaultConfig(kind: .errors(Probability(0.3)), service: 0, start: .zero, end: .zero + .seconds(10)),
                          FaultConfig(kind: .hang(Probability(0.5)), service: 1, start: .zero, end: .zero + .seconds(10))],
                         serviceCount: 2)
    let draws = FaultBook.faultDraws(serviceNames: ["a", "b"], seed: 9)

    @Test func theSameAttemptMeetsTheSameFateWhenever() {
        for request in 0..<1_000 as Range<UInt64> {
            let early = book.fate(of: 0, at: .zero + .seconds(1), draws: draws[0], request: request, word: RequestDraws.attemptWord(1))
            let late = book.fate(of: 0, at: .zero + .seconds(9), draws: draws[0], request: request, word: RequestDraws.attemptWord(1))
            #expect(early == late)
        }
        #expect(book.fate(of: 0, at: .zero + .seconds(10), draws: draws[0], request: 1, word: RequestDraws.attemptWord(1)) == .served, "after the fault")
    }

    /// n = 100 000 attempts; the struck fraction is p within 5 binomial standard errors.
    @Test func theStruckFractionIsTheFaultsProbability() {
        let n = 100_000
        var errors = 0, hangs = 0
        for request in 0..<UInt64(n) {
            if book.fate(of: 0, at: .zero, draws: draws[0], request: request, word: RequestDraws.attemptWord(1)) == .fails { errors += 1 }
            if book.fate(of: 1, at: .zero, draws: draws[1], request: request, word: RequestDraws.attemptWord(1)) == .hangs { hangs += 1 }
        }
        #expect(abs(Double(errors) / Double(n) - 0.3) < 5 * (0.21 / Double(n)).squareRoot())
        #expect(abs(Double(hangs) / Double(n) - 0.5) < 5 * (0.25 / Double(n)).squareRoot())
    }
}
