import SimKernel
import SimMetrics

/// Draws message-sequence (Lamport) diagrams of traced requests as SVG: one lifeline per
/// node, activation boxes for work and waiting, arrows for calls, replies, publishes,
/// acknowledgements and deliveries. Each request gets its own panel with its own time
/// scale, so a 4-second stall and a 20-millisecond fan-out can both be read.
public enum SequenceDiagram {
    static let panelHeight = 240.0, top = 56.0, margin = 70.0

    /// A diagram of `requests` in `architecture`; nodes are named by `nodeNames`. A
    /// `standalone` document carries `xmlns`; without it the `<svg>` is for inlining in HTML,
    /// where `number` keeps its arrowhead's id apart from other diagrams' on the same page.
    public static func render(_ architecture: ArchitectureReport, nodeNames: [String], requests: [UInt64],
                              windows: [FaultWindow], width: Int = 760, standalone: Bool = true, number: Int = 0) -> String {
        let arrow = "arrow-\(number)"
        let trace = architecture.metrics.trace
        let lifelines = lifelineOrder(trace, requests: requests)
        let height = top + Double(Swift.max(1, requests.count)) * panelHeight + 20
        let step = lifelines.count > 1 ? (Double(width) - 2 * margin) / Double(lifelines.count - 1) : 0
        func x(_ node: Int) -> Double { margin + Double(lifelines.firstIndex(of: node) ?? 0) * step }

        var svg = XMLWriter()
        let namespace: [XMLWriter.Attribute] = standalone ? [("xmlns", "http://www.w3.org/2000/svg")] : []
        svg.open("svg", namespace + [("width", String(width)), ("height", XMLWriter.pixels(height)),
                         ("viewBox", "0 0 \(width) \(XMLWriter.pixels(height))"), ("font-family", "system-ui, sans-serif"), ("font-size", "11")])
        svg.open("defs")
        svg.open("marker", [("id", arrow), ("viewBox", "0 0 10 10"), ("refX", "10"), ("refY", "5"), ("markerWidth", "7"),
                            ("markerHeight", "7"), ("orient", "auto-start-reverse")])
        svg.element("path", [("d", "M 0 0 L 10 5 L 0 10 z"), ("fill", "#333")])
        svg.close("marker")
        svg.close("defs")
        svg.element("text", [("x", XMLWriter.pixels(Double(width) / 2)), ("y", "18"), ("text-anchor", "middle"), ("font-size", "14"),
                             ("font-weight", "600")], content: "\(architecture.name): message sequence of \(requests.count) traced request\(requests.count == 1 ? "" : "s")")
        for node in lifelines {
            let name = node < nodeNames.count ? nodeNames[node] : "node \(node)"
            svg.element("text", [("x", XMLWriter.pixels(x(node))), ("y", "42"), ("text-anchor", "middle"), ("font-weight", "600")], content: name)
            svg.element("line", [("x1", XMLWriter.pixels(x(node))), ("y1", "48"), ("x2", XMLWriter.pixels(x(node))),
                                 ("y2", XMLWriter.pixels(height - 16)), ("stroke", "#bbb"), ("stroke-dasharray", "4 3")])
        }
        for (panel, request) in requests.enumerated() {
            drawPanel(&svg, request: request, trace: trace, y0: top + Double(panel) * panelHeight, width: width, windows: windows,
                      arrow: arrow, x: x)
        }
        svg.close("svg")
        return svg.text
    }

    /// The nodes the requests touch, in the order they first take part (a span starts on
    /// them, or a message leaves or reaches them), ties by node number: the entry, then
    /// what it calls or publishes to, so a broker stands between the entry and its consumers
    /// and arrows run left to right as the request spreads.
    /// - Complexity: O(spans + messages).
    static func lifelineOrder(_ trace: TraceRecorder, requests: [UInt64]) -> [Int] {
        var firstSeen: [Int: Instant] = [:]
        func saw(_ node: Int, at time: Instant) { firstSeen[node] = Swift.min(firstSeen[node] ?? time, time) }
        for m in trace.messages where requests.contains(m.request) {
            saw(m.from.node, at: m.sent)
            saw(m.to.node, at: m.received)
        }
        for s in trace.spans where requests.contains(s.request) { saw(s.track.node, at: s.start) }
        return firstSeen.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
    }

    static func drawPanel(_ svg: inout XMLWriter, request: UInt64, trace: TraceRecorder, y0: Double, width: Int,
                          windows: [FaultWindow], arrow: String, x: (Int) -> Double) {
        let messages = trace.messages.filter { $0.request == request }
        let spans = trace.spans.filter { $0.request == request }
        let times = messages.flatMap { [$0.sent, $0.received] } + spans.flatMap { [$0.start, $0.end] }
        guard let start = times.min(), let end = times.max() else { return }
        let length = Swift.max(1, Double((end - start).nanoseconds))
        let usable = panelHeight - 44
        func y(_ t: Instant) -> Double { y0 + 26 + Double((t - start).nanoseconds) / length * usable }
        svg.element("line", [("x1", "8"), ("y1", XMLWriter.pixels(y0 + 4)), ("x2", String(width - 8)), ("y2", XMLWriter.pixels(y0 + 4)),
                             ("stroke", "#ddd")])
        let label = "request \(request) · starts at \(Format.duration(nanoseconds: Double(start.nanoseconds))) · lasts \(Format.duration(nanoseconds: length))"
        svg.element("text", [("x", "10"), ("y", XMLWriter.pixels(y0 + 18)), ("fill", "#555")], content: label)
        for window in windows {
            let wStart = Instant.zero + window.start, wEnd = window.end.map { Instant.zero + $0 } ?? .distantFuture
            guard wStart < end, wEnd > start else { continue }
            let a = y(Swift.max(wStart, start)), b = y(Swift.min(wEnd, end))
            svg.element("rect", [("x", "8"), ("y", XMLWriter.pixels(a)), ("width", String(width - 16)), ("height", XMLWriter.pixels(Swift.max(2, b - a))),
                                 ("fill", "#d55e00"), ("fill-opacity", "0.10"), ("data-window", window.label)])
            svg.element("text", [("x", String(width - 12)), ("y", XMLWriter.pixels(a + 12)), ("text-anchor", "end"), ("fill", "#a33")], content: window.label)
        }
        for span in spans {
            let colour = span.kind == .waiting ? "#f0c36d" : (span.kind == .queued ? "#ddd" : "#56b4e9")
            svg.element("rect", [("x", XMLWriter.pixels(x(span.track.node) - 5)), ("y", XMLWriter.pixels(y(span.start))), ("width", "10"),
                                 ("height", XMLWriter.pixels(Swift.max(1.5, y(span.end) - y(span.start)))), ("fill", colour), ("stroke", "#666"),
                                 ("stroke-width", "0.5"), ("data-span", span.kind.rawValue)])
        }
        for message in messages {
            let x1 = x(message.from.node), x2 = x(message.to.node)
            let y1 = y(message.sent), y2 = y(message.received)
            svg.element("line", [("x1", XMLWriter.pixels(x1)), ("y1", XMLWriter.pixels(y1)), ("x2", XMLWriter.pixels(x2)), ("y2", XMLWriter.pixels(y2)),
                                 ("stroke", message.kind == .reply || message.kind == .ack ? "#777" : "#222"), ("stroke-width", "1.2"),
                                 ("marker-end", "url(#\(arrow))"), ("data-message", message.kind.rawValue)])
            // Answers (replies, acknowledgements) are labelled under their arrow, so a quick
            // round trip's two labels do not overprint each other.
            let isAnswer = message.kind == .reply || message.kind == .ack
            svg.element("text", [("x", XMLWriter.pixels((x1 + x2) / 2)), ("y", XMLWriter.pixels((y1 + y2) / 2 + (isAnswer ? 11 : -3))), ("text-anchor", "middle"),
                                 ("fill", "#333"), ("font-size", "10")], content: message.kind.rawValue)
        }
    }

    /// A handful of traced requests worth drawing: the first traced request, and the first one
    /// that arrived during each of the first two fault windows.
    public static func chooseRequests(_ architecture: ArchitectureReport, windows: [FaultWindow]) -> [UInt64] {
        let trace = architecture.metrics.trace
        var firstSeen: [(request: UInt64, at: Instant)] = []
        for span in trace.spans where !firstSeen.contains(where: { $0.request == span.request }) { firstSeen.append((span.request, span.start)) }
        firstSeen.sort { $0.at < $1.at }
        var chosen: [UInt64] = firstSeen.first.map { [$0.request] } ?? []
        for window in windows.prefix(2) {
            let start = Instant.zero + window.start
            if let hit = firstSeen.first(where: { $0.at >= start && $0.at < start + .seconds(5) }), !chosen.contains(hit.request) {
                chosen.append(hit.request)
            }
        }
        return chosen
    }
}
