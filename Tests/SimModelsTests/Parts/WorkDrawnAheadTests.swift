import Testing
import SimKernel
@testable import SimModels

/// Work drawn a batch ahead is the work drawn on time: for requests in order, overtaken,
/// skipped or sparse, and for any attempt number, every value is the attempt's own stream's draw.
struct WorkDrawnAheadTests {
    let work = Distribution.exponential(mean: 1e6)
    let draws = RequestDraws(seed: 5, name: "server/work")

    func drawnOnTime(_ request: UInt64, attempt: Int) -> Int64 {
        var random = draws.stream(request: request, attempt: attempt)
        return work.sample(&random)
    }

    @Test(arguments: [0, 1])
    func everyRequestGetsItsOwnDrawInAnyOrder(attempt: Int) {
        var ahead = WorkDrawnAhead()
        let order: [UInt64] = Array(0..<40) + [35, 17, 100, 101, 102, 99, 116, 117, 118, 500, 1_000, 2_000, 2_001]
        for request in order {
            let value = ahead.work(of: request, attempt: attempt, from: work, draws: draws)
            #expect(value == drawnOnTime(request, attempt: attempt), "request \(request)")
        }
    }

    /// A request asked for under another attempt number than its batch's gets that attempt's
    /// draw, never the batch's.
    @Test func anotherAttemptIsNeverServedFromTheBatch() {
        var ahead = WorkDrawnAhead()
        for request in 0..<4 as Range<UInt64> { _ = ahead.work(of: request, attempt: 1, from: work, draws: draws) }
        for attempt in [0, 1, 2] {
            #expect(ahead.work(of: 5, attempt: attempt, from: work, draws: draws) == drawnOnTime(5, attempt: attempt))
        }
    }

    /// Requests that follow one another are served from one batch; a request that does not
    /// follow the last leaves the batch alone, so a sparse service draws nothing in vain.
    @Test func onlyRequestsInOrderDrawABatch() {
        var ahead = WorkDrawnAhead()
        _ = ahead.work(of: 0, attempt: 0, from: work, draws: draws)
        #expect(ahead.first == 0 && ahead.drawn == 16)
        _ = ahead.work(of: 40, attempt: 0, from: work, draws: draws)
        #expect(ahead.first == 0, "a jump draws on its own")
        _ = ahead.work(of: 41, attempt: 0, from: work, draws: draws)
        #expect(ahead.first == 41)
    }
}
