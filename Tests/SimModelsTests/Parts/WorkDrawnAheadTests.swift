import Testing
import SimKernel
@testable import SimModels

/// Work drawn a batch ahead is the work drawn on time: for requests in order, overtaken,
/// skipped or sparse, every value is the request's own stream's draw.
struct WorkDrawnAheadTests {
    let work = Distribution.exponential(mean: 1e6)
    let draws = RequestDraws(seed: 5, name: "server/work")

    func drawnOnTime(_ request: UInt64) -> Int64 {
        var random = draws.stream(request: request)
        return work.sample(&random)
    }

    @Test func everyRequestGetsItsOwnDrawInAnyOrder() {
        var ahead = WorkDrawnAhead()
        let order: [UInt64] = Array(0..<40) + [35, 17, 100, 101, 102, 99, 116, 117, 118, 500, 1_000, 2_000, 2_001]
        for request in order {
            let value = ahead.work(of: request, from: work, draws: draws)
            #expect(value == drawnOnTime(request), "request \(request)")
        }
    }

    /// Requests that follow one another are served from one batch; a request that does not
    /// follow the last leaves the batch alone, so a sparse service draws nothing in vain.
    @Test func onlyRequestsInOrderDrawABatch() {
        var ahead = WorkDrawnAhead()
        _ = ahead.work(of: 0, from: work, draws: draws)
        #expect(ahead.first == 0)
        _ = ahead.work(of: 40, from: work, draws: draws)
        #expect(ahead.first == 0, "a jump draws on its own")
        _ = ahead.work(of: 41, from: work, draws: draws)
        #expect(ahead.first == 41)
    }
}
