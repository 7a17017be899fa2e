import Testing
import SimKernel
@testable import SimMetrics

/// The trace samples every `stride`-th request up to its limit: the division-free test picks
/// exactly the ids that `id % stride == 0 && id / stride < limit` picks.
struct TraceRecorderTests {
    func expectSamplingByDivision(_ trace: TraceRecorder, ids: some Sequence<UInt64>) {
        for id in ids {
            let expected = id % trace.stride == 0 && id / trace.stride < trace.limit
            #expect(trace.isSampled(id) == expected, "id \(id), stride \(trace.stride), limit \(trace.limit)")
        }
    }

    @Test func everyStrideUpTo300PicksItsMultiplesBelowTheLimit() {
        for expected in 1...300 {
            for limit in [0, 1, 3, 7] {
                let trace = TraceRecorder(limit: limit, expectedRequests: expected * Swift.max(1, limit))
                expectSamplingByDivision(trace, ids: 0..<UInt64(expected * 9))
            }
        }
    }

    @Test func largeIdsAndStridesAreSampledExactly() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        for _ in 0..<200 {
            let trace = TraceRecorder(limit: Int(next() >> 40) + 1, expectedRequests: Int(next() >> 2))
            let multiples = (0..<50).map { _ in (next() >> 30) &* trace.stride }
            let neighbours = multiples.flatMap { [$0 &- 1, $0 &+ 1] }
            expectSamplingByDivision(trace, ids: multiples + neighbours + [0, .max, .max - 1])
        }
    }

    /// A request redelivered without end keeps only its first `recordsPerRequest` messages
    /// and spans, still counting every message, and leaves the other requests' records alone.
    @Test func aTracedRequestKeepsAtMostItsRecordLimit() {
        var trace = TraceRecorder(limit: 2, expectedRequests: 20)
        let track = TraceTrack(node: 0)
        let extra = 500
        for k in 0..<(TraceRecorder.recordsPerRequest + extra) {
            let at = Instant(nanoseconds: Int64(k))
            trace.message(.delivery, request: 0, from: track, to: track, sent: at, received: at)
            trace.span(.process, request: 0, track: track, from: at, to: at)
        }
        trace.message(.delivery, request: trace.stride, from: track, to: track, sent: .zero, received: .zero)
        trace.span(.process, request: trace.stride, track: track, from: .zero, to: .zero)
        #expect(trace.messages.count == TraceRecorder.recordsPerRequest + 1)
        #expect(trace.spans.count == TraceRecorder.recordsPerRequest + 1)
        #expect(trace.messageCount(request: 0) == TraceRecorder.recordsPerRequest + extra)
        #expect(trace.messageCount(request: trace.stride) == 1)
        #expect(trace.messages.last?.request == trace.stride)
        #expect(trace.omissions == [TraceOmission(request: 0, messages: extra, spans: extra,
                                                  first: Instant(nanoseconds: Int64(TraceRecorder.recordsPerRequest)))])
    }

    /// A call retried without end keeps its first `recordsPerRequest` timeouts, counting the rest.
    @Test func timeoutsPastTheLimitAreCountedNotKept() {
        var trace = TraceRecorder(limit: 1, expectedRequests: 1)
        let limit = TraceRecorder.recordsPerRequest
        for k in 0..<(limit + 3) {
            trace.timeout(request: 0, caller: TraceTrack(node: 0), callee: TraceTrack(node: 1), attempt: k + 1,
                          at: Instant(nanoseconds: Int64(10 * k)), after: .nanoseconds(10))
        }
        #expect(trace.timeouts.count == limit)
        #expect(trace.omissions == [TraceOmission(request: 0, timeouts: 3, first: Instant(nanoseconds: Int64(10 * limit)))])
    }
}
