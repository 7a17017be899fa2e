import Foundation
import Testing
import SimKernel
import SimMetrics
@testable import SimReports

/// Perfetto keeps `trace.json` whole: on every track slices nest strictly, and both ends of
/// every message bind to a slice of their own request that encloses them, in the runs whose
/// fault windows are the lesson (see `TraceImportChecker` for the importer's rules).
struct TraceDocumentImportTests {
    /// The payment slowdown (sync with retries; events with an outbox and lagging consumers),
    /// the retry storm (timeouts, four attempts, abandoned queries, a growing database line),
    /// the hybrid checkout (calls before the publish, a consumer's calls) and the choreography
    /// (events through two topics).
    @Test(arguments: ["payment-email-slowdown", "retry-storm", "hybrid-checkout", "order-choreography", "payment-publishes"])
    func everySliceAndEveryFlowSurvivesImport(_ name: String) throws {
        let report = try #require(ShippedRuns.named(name))
        let checker = try TraceImportChecker(TraceDocument.render(report))
        #expect(checker.problems.isEmpty, "\(checker.problems.prefix(5))")

        for (p, architecture) in report.architectures.enumerated() {
            let trace = architecture.metrics.trace
            #expect(!trace.spans.isEmpty && !trace.messages.isEmpty, "\(architecture.name) traced nothing")
            // Every recorded span is kept, at its own time to the nanosecond.
            let kept = checker.slices.filter { $0.pid == p + 1 }
            let recorded = trace.spans.map { "\($0.kind.rawValue) \($0.request) \($0.start.sinceStart.nanoseconds) \($0.end.sinceStart.nanoseconds)" }
            let spans = kept.filter { $0.name != "holding" && $0.name != "relay" && $0.request != nil }
            let keptText = Set(spans.map { "\($0.name) \($0.request!) \($0.start) \($0.end)" })
            let lost = recorded.filter { !keptText.contains($0) }
            #expect(lost.isEmpty, "\(architecture.name): \(lost.count) recorded spans dropped or moved, such as \(lost.prefix(3))")
            #expect(kept.filter { $0.request == nil }.count == report.windows.count, "every fault window is kept")
        }
        let messages = report.architectures.map(\.metrics.trace.messages.count).reduce(0, +)
        #expect(checker.boundFlows.count == messages, "every message is an arrow between two slices")
    }

    /// Each architecture's slices are spread over several lanes of a node when requests
    /// overlap there, and the broker holds the events the slowed consumer has not yet taken.
    @Test func concurrentRequestsGetLanesAndTheBrokerHoldsEvents() throws {
        let text = TraceDocument.render(try #require(ShippedRuns.paymentSlowdown))
        #expect(text.contains("\"name\":\"payment · lane 2\""))
        #expect(text.contains("\"name\":\"broker · lane 2\""))
        let checker = try TraceImportChecker(text)
        let holdings = checker.slices.filter { $0.name == "holding" }
        #expect(holdings.contains { $0.end - $0.start > 1_000_000_000 }, "an event waits seconds in the broker during the slowdown")
    }

    /// A request redelivered past the trace's limit keeps its first records, and `trace.json`
    /// says what it left out: a mark on the `not traced` lane where the first record left out
    /// begins, named with the counts, which the importer keeps with everything else.
    @Test func aRequestCutShortSaysWhatTheTraceLeftOut() throws {
        var report = TraceDocumentTests.report()
        var trace = TraceRecorder(limit: 10, expectedRequests: 10)
        let (broker, consumer) = (TraceTrack(node: 2), TraceTrack(node: 1))
        let extra = 7
        for k in 0..<Int64(TraceRecorder.recordsPerRequest + extra) {
            let at = Instant.zero + .milliseconds(2 * k)
            trace.message(.delivery, request: 0, from: broker, to: consumer, sent: at, received: at + .microseconds(100))
            trace.span(.process, request: 0, track: consumer, from: at + .microseconds(100), to: at + .milliseconds(1))
        }
        report.architectures[0].metrics.trace = trace
        let text = TraceDocument.render(report)
        let checker = try TraceImportChecker(text)
        #expect(checker.problems.isEmpty, "\(checker.problems.prefix(5))")
        #expect(text.contains("\"name\":\"not traced\""))
        let notes = checker.slices.filter { $0.name.hasSuffix("not traced") }
        let first = Int64(2 * TraceRecorder.recordsPerRequest) * 1_000_000
        #expect(notes == [TraceImportChecker.Slice(pid: 1, tid: notes.first?.tid ?? -1, name: "request 0: 7 messages, 7 spans not traced",
                                                   request: 0, start: first, end: first)])
        #expect(checker.boundFlows.count == TraceRecorder.recordsPerRequest)
    }

    /// The checker itself finds what the importer drops: a slice that starts inside another
    /// and ends after it, a flow with no slice around it, and one bound to another request.
    @Test func theCheckerFindsPartialOverlapsAndUnboundFlows() throws {
        let text = """
        {"traceEvents":[
        {"ph":"X","pid":1,"tid":1,"name":"a","ts":0,"dur":10,"args":{"request":1}},
        {"ph":"X","pid":1,"tid":1,"name":"b","ts":5,"dur":10,"args":{"request":2}},
        {"ph":"s","pid":1,"tid":1,"name":"call","id":1,"ts":12,"args":{"request":1}},
        {"ph":"f","bp":"e","pid":1,"tid":2,"name":"call","id":1,"ts":13,"args":{"request":1}},
        {"ph":"s","pid":1,"tid":1,"name":"call","id":2,"ts":1.5,"args":{"request":2}}
        ]}
        """
        let problems = try TraceImportChecker(text).problems
        #expect(problems.count == 4, "\(problems)")
        #expect(problems.contains { $0.contains("partly overlaps a") })
        #expect(problems.contains { $0.contains("has no enclosing slice") })
        #expect(problems.contains { $0.contains("binds to a, which ended") })
        #expect(problems.contains { $0.contains("binds to a of request 1") })
    }
}
