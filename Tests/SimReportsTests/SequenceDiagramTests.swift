import Foundation
import Testing
import SimKernel
import SimMetrics
@testable import SimReports

/// Sequence diagrams are readable where the lesson is: every label says what its message is,
/// timeouts are marked, and no two texts overprint each other.
struct SequenceDiagramTests {
    /// Each architecture's diagram as `ripple run` writes it, with the requests it chooses.
    static func diagrams(_ name: String) throws -> [(architecture: String, svg: String)] {
        let report = try #require(ShippedRuns.named(name))
        return report.architectures.map { architecture in
            let requests = SequenceDiagram.chooseRequests(architecture, windows: report.windows)
            return (architecture.name, SequenceDiagram.render(architecture, nodeNames: report.nodeNames, requests: requests, windows: report.windows))
        }
    }

    /// Every `<text>` of `svg` with the box it covers: an advance of 0.6 em a character (a
    /// generous average for sans-serif), from one em above the baseline to a quarter below.
    static func textBoxes(_ svg: String) -> [(text: String, box: SequenceDiagram.Box)] {
        let rootSize = Double(svg.firstMatch(of: /<svg[^>]* font-size="([0-9.]+)"/)?.1 ?? "11") ?? 11
        return svg.matches(of: /<text([^>]*)>([^<]*)<\/text>/).map { match in
            let attributes = String(match.1)
            func attribute(_ name: String) -> String? {
                attributes.firstMatch(of: try! Regex(" \(name)=\"([^\"]*)\""))?.output[1].substring.map(String.init)
            }
            let text = String(match.2).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            let size = attribute("font-size").flatMap(Double.init) ?? rootSize
            let width = Double(text.count) * size * 0.6
            let x = Double(attribute("x") ?? "0")!, y = Double(attribute("y") ?? "0")!
            let anchor = attribute("text-anchor") ?? "start"
            let left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x
            return (text, SequenceDiagram.Box(left: left, top: y - size, right: left + width, bottom: y + size * 0.25))
        }
    }

    @Test(arguments: ["retry-storm", "payment-email-slowdown"])
    func noTwoTextsOverlap(_ name: String) throws {
        for (architecture, svg) in try Self.diagrams(name) {
            let boxes = Self.textBoxes(svg)
            #expect(boxes.count > 10, "\(architecture) has labels")
            for i in boxes.indices {
                for j in boxes.indices where j > i && boxes[i].box.intersects(boxes[j].box) {
                    Issue.record("\(name) \(architecture): \"\(boxes[i].text)\" overlaps \"\(boxes[j].text)\"")
                }
            }
        }
    }

    /// The retry storm's eager retries read as a story: a call, a timeout after 100 ms, three
    /// retries each after a timeout, and the abandoned queries' replies arriving too late.
    @Test func theRetryStormShowsEachTimeoutAndRetry() throws {
        let svg = try #require(Self.diagrams("retry-storm").first { $0.architecture == "sync-eager-retries" }?.svg)
        let labels = Self.textBoxes(svg).map(\.text)
        for label in ["call", "retry 1", "retry 2", "retry 3", "timeout after 100 ms", "reply ok", "reply ok · too late"] {
            #expect(labels.contains(label), "no \(label) in \(labels)")
        }
        #expect(svg.components(separatedBy: "data-timeout=\"4\"").count - 1 >= 1, "the fourth attempt times out too")
        #expect(labels.filter { $0.hasPrefix("timeout after") }.count == svg.components(separatedBy: "data-timeout=").count - 1)
    }

    /// Every message is labelled with what it is, in both designs.
    @Test func everyMessageSaysWhatItIs() throws {
        let diagrams = try Self.diagrams("payment-email-slowdown")
        let sync = Self.textBoxes(try #require(diagrams.first { $0.architecture == "sync" }?.svg)).map(\.text)
        let events = Self.textBoxes(try #require(diagrams.first { $0.architecture == "events" }?.svg)).map(\.text)
        #expect(sync.contains("call") && sync.contains("reply ok") && sync.contains("timeout after 2 s"))
        #expect(events.contains("publish") && events.contains("ack") && events.contains("deliver"))
        for svg in diagrams.map(\.svg) {
            let count = { (marker: String) in svg.components(separatedBy: marker).count - 1 }
            #expect(count("data-message=") == count("data-label=") - count("data-label=\"timeout\""), "one label per message")
            #expect(count("data-timeout=") == count("data-label=\"timeout\""), "one label per timeout")
        }
    }

    /// A request redelivered thousands of times is drawn up to the panel's limit of messages,
    /// and the diagram says how many it leaves out, instead of growing with every redelivery.
    @Test func aRequestWithThousandsOfMessagesIsDrawnUpToTheLimit() throws {
        var metrics = ArchitectureMetrics(serviceNames: ["payment", "email"], targets: ["email"], keyCount: 1, gaugeNames: [])
        metrics.trace = TraceRecorder(limit: 10, expectedRequests: 10)
        let ms = { (n: Int64) in Instant.zero + .milliseconds(n) }
        let payment = TraceTrack(node: 0), email = TraceTrack(node: 1), broker = TraceTrack(node: 2)
        metrics.trace.span(.work, request: 0, track: payment, from: ms(0), to: ms(1))
        metrics.trace.message(.publish, request: 0, from: payment, to: broker, sent: ms(1), received: ms(2))
        let redeliveries: Int64 = 4000
        for i in 0..<redeliveries {
            metrics.trace.message(.delivery, request: 0, from: broker, to: email, sent: ms(2 + 2 * i), received: ms(3 + 2 * i))
            metrics.trace.span(.process, request: 0, track: email, from: ms(3 + 2 * i), to: ms(4 + 2 * i))
        }
        let architecture = ArchitectureReport(name: "events", kind: "events", metrics: metrics, stopReason: "quiescent", events: 1)
        let svg = SequenceDiagram.render(architecture, nodeNames: ["payment", "email", "broker"], requests: [0], windows: [])
        let count = { (marker: String) in svg.components(separatedBy: marker).count - 1 }
        let limit = SequenceDiagram.Panel.messageLimit, total = Int(redeliveries) + 1
        #expect(count("data-message=") == limit)
        #expect(count("data-label=") == limit, "one label per message drawn")
        #expect(count("data-span=") <= limit + 1, "only the spans begun by the last message drawn")
        #expect(svg.contains("first \(limit) of \(total) messages shown: the \(total - limit) sent later are left out"))
        #expect(count("data-omitted=\"\(total - limit)\"") == 1)
        #expect(Self.textBoxes(svg).last?.text.hasPrefix("first \(limit)") == true, "the note ends the panel")
        #expect(XMLChecker.problems(in: svg).isEmpty)
    }
}
