import Testing
import SimKernel
import SimMetrics
@testable import SimReports

/// How traced requests are laid on a node's lanes.
struct TraceLayoutTests {
    /// A request's later slice goes back to its own lane when that lane is free, even when a
    /// lower lane is free too and another request used its lane in between.
    @Test func aRequestReturnsToItsLaneWhenItIsFree() {
        var trace = TraceRecorder(limit: 10, expectedRequests: 10)
        let node = TraceTrack(node: 0)
        func at(_ seconds: Int64) -> Instant { .zero + .seconds(seconds) }
        trace.span(.work, request: 1, track: node, from: at(0), to: at(20))  // lane 0
        trace.span(.work, request: 0, track: node, from: at(5), to: at(10))  // lane 1: lane 0 is busy
        trace.span(.work, request: 2, track: node, from: at(12), to: at(15))  // lane 1, free again
        trace.span(.waiting, request: 0, track: node, from: at(25), to: at(30))  // lanes 0 and 1 free: its own
        let layout = TraceLayout(trace, windows: [], runEnd: .seconds(30))
        let lanes = layout.slices.map { ($0.request!, $0.start, $0.lane) }
        #expect(lanes.filter { $0.0 == 0 }.map(\.2) == [1, 1], "\(lanes)")
        #expect(lanes.first { $0.0 == 2 }?.2 == 1 && lanes.first { $0.0 == 1 }?.2 == 0)
    }
}
