import Foundation
import Testing
import SimKernel
import SimMetrics
@testable import SimReports

/// The trace follows the Chrome Trace Event Format, and sequence diagrams are well-formed.
struct TraceDocumentTests {
    /// A report whose one architecture traced request 0: payment works, calls email, email replies.
    static func report() -> RunReport {
        var metrics = ArchitectureMetrics(serviceNames: ["payment", "email"], targets: ["email"], keyCount: 1, gaugeNames: [])
        metrics.trace = TraceRecorder(limit: 10, expectedRequests: 10)
        let ms = { (n: Int64) in Instant.zero + .milliseconds(n) }
        metrics.trace.span(.work, request: 0, track: TraceTrack(node: 0), from: ms(0), to: ms(20))
        metrics.trace.message(.call, request: 0, from: TraceTrack(node: 0), to: TraceTrack(node: 1), sent: ms(20), received: ms(21))
        metrics.trace.span(.work, request: 0, track: TraceTrack(node: 1), from: ms(21), to: ms(121))
        metrics.trace.message(.reply, request: 0, from: TraceTrack(node: 1), to: TraceTrack(node: 0), sent: ms(121), received: ms(122))
        metrics.trace.span(.waiting, request: 0, track: TraceTrack(node: 0), from: ms(20), to: ms(122))
        var report = RunReport(name: "t", description: "", seed: 1, duration: .seconds(1), drain: .zero, version: "test", faults: [],
                               windows: [FaultWindow(start: .milliseconds(50), end: .milliseconds(60), label: "slow email")],
                               architectures: [ArchitectureReport(name: "sync", kind: "sync", metrics: metrics, stopReason: "quiescent", events: 1)])
        report.nodeNames = ["payment", "email", "broker"]
        return report
    }

    @Test func everyEventHasTheFormatsRequiredFields() throws {
        let data = Data(TraceDocument.render(Self.report()).utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(root["traceEvents"] as? [[String: Any]])
        let expectedCount = 1 + 3 * 2 + 1 + 3 + 4  // process name, 3 thread names and sort indexes (faults too), 1 fault, 3 spans, 2 flows × 2
        #expect(events.count == expectedCount)
        for event in events {
            let phase = try #require(event["ph"] as? String)
            #expect(event["pid"] is Int && event["name"] is String)
            switch phase {
            case "X": #expect(event["ts"] is Double || event["ts"] is Int); #expect(event["dur"] != nil && event["tid"] != nil)
            case "s", "f": #expect(event["id"] != nil && event["ts"] != nil && event["tid"] != nil)
            case "M": #expect((event["args"] as? [String: Any])?[event["name"] as? String == "thread_sort_index" ? "sort_index" : "name"] != nil)
            default: Issue.record("unexpected phase \(phase)")
            }
        }
        let names = events.filter { $0["ph"] as? String == "M" && $0["name"] as? String != "thread_sort_index" }.compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
        #expect(names == ["sync", "faults", "payment", "email"])
        let faults = events.filter { $0["cat"] as? String == "fault" }.compactMap { $0["name"] as? String }
        #expect(faults == ["slow email"])
        let work = events.first { $0["ph"] as? String == "X" && $0["tid"] as? Int == 3 }
        #expect(work?["dur"] as? Double == 100_000 || work?["dur"] as? Int == 100_000)
    }

    @Test func sequenceDiagramsAreWellFormedWithEveryMessage() {
        let report = Self.report()
        let svg = SequenceDiagram.render(report.architectures[0], nodeNames: report.nodeNames, requests: [0], windows: report.windows)
        #expect(XMLChecker.problems(in: svg).isEmpty)
        #expect(svg.components(separatedBy: "data-message=").count - 1 == 2)
        #expect(svg.components(separatedBy: "data-span=").count - 1 == 3)
        #expect(svg.contains("data-window"))
        #expect(SequenceDiagram.chooseRequests(report.architectures[0], windows: report.windows) == [0])
    }

    /// An event fanning out: payment (0) publishes to the broker (3), which delivers to
    /// notification (2) and email (1, instance 1). Lifelines follow the order in which nodes
    /// take part, ties by node number, so the broker stands between the entry and its
    /// consumers and every arrow points right.
    @Test func lifelinesFollowTheRequestSoAFanOutReadsLeftToRight() {
        var metrics = ArchitectureMetrics(serviceNames: ["payment", "email", "notification"], targets: ["email", "notification"],
                                          keyCount: 1, gaugeNames: [])
        metrics.trace = TraceRecorder(limit: 10, expectedRequests: 10)
        let ms = { (n: Int64) in Instant.zero + .milliseconds(n) }
        metrics.trace.span(.work, request: 0, track: TraceTrack(node: 0), from: ms(0), to: ms(20))
        metrics.trace.message(.publish, request: 0, from: TraceTrack(node: 0), to: TraceTrack(node: 3), sent: ms(20), received: ms(21))
        metrics.trace.message(.ack, request: 0, from: TraceTrack(node: 3), to: TraceTrack(node: 0), sent: ms(21), received: ms(22))
        metrics.trace.message(.delivery, request: 0, from: TraceTrack(node: 3), to: TraceTrack(node: 2), sent: ms(21), received: ms(22))
        metrics.trace.message(.delivery, request: 0, from: TraceTrack(node: 3), to: TraceTrack(node: 1, instance: 1), sent: ms(21), received: ms(22))
        metrics.trace.span(.process, request: 0, track: TraceTrack(node: 1, instance: 1), from: ms(22), to: ms(40))
        #expect(SequenceDiagram.lifelineOrder(metrics.trace, requests: [0]) == [0, 3, 1, 2])
        let architecture = ArchitectureReport(name: "events", kind: "events", metrics: metrics, stopReason: "quiescent", events: 1)
        let svg = SequenceDiagram.render(architecture, nodeNames: ["payment", "email", "notification", "broker"], requests: [0], windows: [])
        #expect(XMLChecker.problems(in: svg).isEmpty)
        for line in svg.split(separator: "\n") where line.contains("data-message=\"publish\"") || line.contains("data-message=\"delivery\"") {
            let x1 = Double(line.firstMatch(of: /x1="([0-9.]+)"/)!.1)!, x2 = Double(line.firstMatch(of: /x2="([0-9.]+)"/)!.1)!
            #expect(x2 > x1, "\(line)")
        }
    }

    /// report.html draws each traced architecture's sequence inline, still self-contained and
    /// well-formed, with arrowhead ids that do not clash between diagrams.
    @Test func thePageShowsTheSequencesInline() {
        let html = ReportPage.render(Self.report())
        #expect(html.contains("id=\"sequences\""))
        #expect(html.contains("id=\"arrow-0\"") && html.contains("url(#arrow-0)"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(XMLChecker.problems(in: html).isEmpty)
    }
}
