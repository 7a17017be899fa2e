import SimKernel
import SimMetrics

/// Draws message-sequence (Lamport) diagrams of traced requests as SVG: one lifeline per
/// node, activation boxes for work and waiting, arrows for calls, retries, replies (with
/// their outcome), publishes, acknowledgements and deliveries, and a cross where a caller
/// timed out. Each request gets its own panel with its own time scale, so a 4-second stall
/// and a 20-millisecond fan-out can both be read; instants closer than a label's height are
/// pushed apart, and no two labels overlap.
public enum SequenceDiagram {
    static let top = 56.0, margin = 70.0

    /// A diagram of `requests` in `architecture`; nodes are named by `nodeNames`. A
    /// `standalone` document carries `xmlns`; without it the `<svg>` is for inlining in HTML,
    /// where `number` keeps its arrowhead's id apart from other diagrams' on the same page.
    public static func render(_ architecture: ArchitectureReport, nodeNames: [String], requests: [UInt64],
                              windows: [FaultWindow], width: Int = 760, standalone: Bool = true, number: Int = 0) -> String {
        let arrow = "arrow-\(number)"
        let trace = architecture.metrics.trace
        let lifelines = lifelineOrder(trace, requests: requests)
        let step = lifelines.count > 1 ? (Double(width) - 2 * margin) / Double(lifelines.count - 1) : 0
        func x(_ node: Int) -> Double { margin + Double(lifelines.firstIndex(of: node) ?? 0) * step }

        // Panels first: each is as tall as its instants and labels need.
        var panels = XMLWriter()
        var y0 = top
        for request in requests {
            guard let panel = Panel(request: request, trace: trace, windows: windows) else { continue }
            y0 += panel.draw(&panels, y0: y0, width: width, windows: windows, arrow: arrow, lifelines: lifelines.map(x), x: x)
        }
        let height = y0 + 20

        var svg = XMLWriter()
        let namespace: [XMLWriter.Attribute] = standalone ? [SVGInlining.namespace] : []
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
        svg.append(markup: panels.text)
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
