import SimKernel
import SimMetrics

extension SequenceDiagram {
    /// One traced request's part of a diagram: its instants as rows far enough apart for a
    /// label each, its activation boxes, arrows, timeouts and labels. A request with more than
    /// `messageLimit` messages is drawn up to its `messageLimit`-th message (in order of
    /// sending), and the panel says how many it leaves out.
    struct Panel {
        static let header = 30.0, minimumRow = 15.0, proportionalHeight = 196.0, fontSize = 10.0
        /// The most messages a panel draws: a diagram with more arrows is too long to read,
        /// and drawing it would take time and space out of all proportion to the run.
        static let messageLimit = 200

        let request: UInt64
        /// The messages drawn: the first `messageLimit` sent, in the order they were recorded.
        let messages: [TraceMessage]
        /// How many messages the request has in all, drawn or not, kept in the trace or not.
        let messageCount: Int
        /// The spans drawn: those starting by the last message drawn, or all of them.
        let spans: [TraceSpan]
        /// The timeouts drawn: those by the last message drawn, or all of them.
        let timeouts: [TraceTimeout]
        /// The replies that reach a caller which gave up on them, by all the request's timeouts.
        let lateReplies: LateReplies
        /// Where a published event waits in the broker: from the publish's arrival to the
        /// broker's last message about it (a delivery or the acknowledgement).
        let holdings: [(node: Int, start: Instant, end: Instant)]
        /// The first and last instants drawn.
        let start: Instant, end: Instant
        /// How long the whole request lasts, drawn or not.
        let length: TimeSpan
        /// Every instant something happens, in order, and the height of its row.
        private var rows: [(time: Instant, y: Double)] = []

        /// The panel of `request` in `trace`, or `nil` when nothing of it was traced.
        /// - Complexity: O(n log n) for the n messages, spans and timeouts of the request.
        init?(request: UInt64, trace: TraceRecorder, windows: [FaultWindow]) {
            self.request = request
            let allMessages = trace.messages.filter { $0.request == request }
            let allSpans = trace.spans.filter { $0.request == request }
            let allTimeouts = trace.timeouts.filter { $0.request == request }
            let allTimes = allMessages.flatMap { [$0.sent, $0.received] } + allSpans.flatMap { [$0.start, $0.end] } + allTimeouts.map(\.time)
            guard let requestStart = allTimes.min(), let requestEnd = allTimes.max() else { return nil }
            length = requestEnd - requestStart
            messageCount = trace.messageCount(request: request)
            lateReplies = LateReplies(allTimeouts)
            if let cut = Self.cut(allMessages) {
                messages = allMessages.enumerated().filter { ($0.element.sent, $0.offset) <= cut }.map(\.element)
                spans = allSpans.filter { $0.start <= cut.sent }
                timeouts = allTimeouts.filter { $0.time <= cut.sent }
            } else {
                (messages, spans, timeouts) = (allMessages, allSpans, allTimeouts)
            }
            holdings = Self.holdings(messages)
            var times = messages.flatMap { [$0.sent, $0.received] } + spans.flatMap { [$0.start, $0.end] } + timeouts.map(\.time)
            guard let first = times.min(), let last = times.max() else { return nil }
            start = first
            end = last
            for window in windows {
                times += [Instant.zero + window.start, window.end.map { Instant.zero + $0 } ?? last].filter { $0 > first && $0 < last }
            }
            // Time runs down in proportion, except that instants close together are pushed
            // apart to one label's height, so a quick round trip or a burst of retries reads.
            let scale = Self.proportionalHeight / Swift.max(1, Double((last - first).nanoseconds))
            var y = Self.header
            for time in Set(times).sorted() {
                if let previous = rows.last { y += Swift.max(Self.minimumRow, Double((time - previous.time).nanoseconds) * scale) }
                rows.append((time, y))
            }
        }

        /// The last message drawn of `messages`, as its send time and its place among them,
        /// when there are more than `messageLimit`; `nil` when all are drawn.
        /// - Complexity: O(n log n) for n messages.
        static func cut(_ messages: [TraceMessage]) -> (sent: Instant, offset: Int)? {
            guard messages.count > messageLimit else { return nil }
            let bySending = messages.enumerated().map { ($0.element.sent, $0.offset) }.sorted { $0 < $1 }
            return bySending[messageLimit - 1]
        }

        /// The broker's holding of each publish in `messages`: from its arrival to the last
        /// message the broker sends from that track, if that is no earlier.
        /// - Complexity: O(n) for n messages.
        static func holdings(_ messages: [TraceMessage]) -> [(node: Int, start: Instant, end: Instant)] {
            var lastSent: [TraceTrack: Instant] = [:]  // looked up only, never iterated
            for message in messages { lastSent[message.from] = Swift.max(lastSent[message.from] ?? message.sent, message.sent) }
            return messages.filter { $0.kind == .publish }.compactMap { publish in
                guard let last = lastSent[publish.to], last >= publish.received else { return nil }
                return (publish.to.node, publish.received, last)
            }
        }

        /// The height, from the panel's top, of instant `t` (interpolated between rows).
        /// - Complexity: O(log r) for r rows.
        func y(_ t: Instant) -> Double {
            let after = rows.partitionPoint { $0.time >= t }
            guard after < rows.count else { return rows.last?.y ?? Self.header }
            guard after > 0, rows[after].time != t else { return rows[after].y }
            let a = rows[after - 1], b = rows[after]
            return a.y + (b.y - a.y) * Double((t - a.time).nanoseconds) / Double((b.time - a.time).nanoseconds)
        }

        /// Draws the panel with its top at `y0`, lifelines at `lifelines`, node `n`'s at `x(n)`; returns its height.
        func draw(_ svg: inout XMLWriter, y0: Double, width: Int, windows: [FaultWindow], arrow: String, lifelines: [Double],
                  x: (Int) -> Double) -> Double {
            func y(_ t: Instant) -> Double { y0 + self.y(t) }
            var labels = LabelPlacer(lifelines: lifelines)
            svg.element("line", [("x1", "8"), ("y1", XMLWriter.pixels(y0 + 4)), ("x2", String(width - 8)), ("y2", XMLWriter.pixels(y0 + 4)),
                                 ("stroke", "#ddd")])
            let heading = "request \(request) · starts at \(Format.duration(nanoseconds: Double(start.nanoseconds))) · lasts "
                + Format.duration(nanoseconds: Double(length.nanoseconds))
            labels.reserve(box(heading, x: 10, y: y0 + 18, anchor: "start", fontSize: 11))
            svg.element("text", [("x", "10"), ("y", XMLWriter.pixels(y0 + 18)), ("fill", "#555")], content: heading)
            var windowLabels: [(String, Double)] = []
            for window in windows {
                let wStart = Instant.zero + window.start, wEnd = window.end.map { Instant.zero + $0 } ?? .distantFuture
                guard wStart < end, wEnd > start else { continue }
                let a = y(Swift.max(wStart, start)), b = y(Swift.min(wEnd, end))
                svg.element("rect", [("x", "8"), ("y", XMLWriter.pixels(a)), ("width", String(width - 16)), ("height", XMLWriter.pixels(Swift.max(2, b - a))),
                                     ("fill", "#d55e00"), ("fill-opacity", "0.10"), ("data-window", window.label)])
                windowLabels.append((window.label, labels.placeBeside(window.label, x: Double(width - 12), y: a + 12, anchor: "end", fontSize: 11)))
            }
            drawSpans(&svg, y: y, x: x)
            for holding in holdings {
                svg.element("rect", [("x", XMLWriter.pixels(x(holding.node) - 5)), ("y", XMLWriter.pixels(y(holding.start))), ("width", "10"),
                                     ("height", XMLWriter.pixels(Swift.max(1.5, y(holding.end) - y(holding.start)))), ("fill", "#cc79a7"),
                                     ("stroke", "#666"), ("stroke-width", "0.5"), ("data-span", "holding")])
            }
            var texts: [(text: String, x: Double, y: Double, anchor: String, colour: String, what: String)] = []
            for message in messages {
                let x1 = x(message.from.node), x2 = x(message.to.node), y1 = y(message.sent), y2 = y(message.received)
                let isAnswer = message.kind == .reply || message.kind == .ack
                svg.element("line", [("x1", XMLWriter.pixels(x1)), ("y1", XMLWriter.pixels(y1)), ("x2", XMLWriter.pixels(x2)), ("y2", XMLWriter.pixels(y2)),
                                     ("stroke", isAnswer ? "#777" : "#222"), ("stroke-width", "1.2"),
                                     ("marker-end", "url(#\(arrow))"), ("data-message", message.kind.rawValue)])
                let text = label(of: message, isLate: lateReplies.isLate(message))
                let at = labels.place(text, from: x1, y1, to: x2, y2, fontSize: Self.fontSize)
                texts.append((text, at.x, at.y, "middle", message.failure == nil && !text.hasSuffix("too late") ? "#333" : "#a33", message.kind.rawValue))
            }
            for timeout in timeouts {
                // A cross on the caller's side of the call it gave up on, and how long it waited.
                let side = x(timeout.callee.node) >= x(timeout.caller.node) ? 1.0 : -1.0
                let cx = x(timeout.caller.node) + side * 16, cy = y(timeout.time)
                svg.element("path", [("d", "M \(XMLWriter.pixels(cx - 4)) \(XMLWriter.pixels(cy - 4)) L \(XMLWriter.pixels(cx + 4)) \(XMLWriter.pixels(cy + 4)) "
                                        + "M \(XMLWriter.pixels(cx - 4)) \(XMLWriter.pixels(cy + 4)) L \(XMLWriter.pixels(cx + 4)) \(XMLWriter.pixels(cy - 4))"),
                                     ("stroke", "#c0392b"), ("stroke-width", "2"), ("data-timeout", String(timeout.attempt))])
                let text = "timeout after " + Format.duration(nanoseconds: Double(timeout.limit.nanoseconds))
                let tx = cx + side * 9, anchor = side > 0 ? "start" : "end"
                // Above the instant: a retry's arrow may leave from it.
                texts.append((text, tx, labels.placeBeside(text, x: tx, y: cy - 3, anchor: anchor, fontSize: Self.fontSize), anchor, "#c0392b", "timeout"))
            }
            // Labels last, with a white halo, so no line crosses their letters.
            for (text, lx, ly, anchor, colour, what) in texts {
                svg.element("text", [("x", XMLWriter.pixels(lx)), ("y", XMLWriter.pixels(ly)), ("text-anchor", anchor), ("fill", colour),
                                     ("font-size", Format.fixed(Self.fontSize, decimals: 0)), ("stroke", "#fff"), ("stroke-width", "3"),
                                     ("paint-order", "stroke"), ("data-label", what)], content: text)
            }
            for (text, ly) in windowLabels {
                svg.element("text", [("x", String(width - 12)), ("y", XMLWriter.pixels(ly)), ("text-anchor", "end"), ("fill", "#a33"),
                                     ("stroke", "#fff"), ("stroke-width", "3"), ("paint-order", "stroke")], content: text)
            }
            if messages.count < messageCount {
                let note = "first \(messages.count) of \(messageCount) messages shown: the \(messageCount - messages.count) sent later are left out"
                let ly = labels.placeBeside(note, x: 10, y: labels.bottom(atLeast: y(end)) + 16, anchor: "start", fontSize: 11)
                svg.element("text", [("x", "10"), ("y", XMLWriter.pixels(ly)), ("fill", "#a33"), ("data-omitted", String(messageCount - messages.count))],
                            content: note)
            }
            return labels.bottom(atLeast: y(end)) - y0 + 18
        }

        /// Activation boxes: queued grey, work blue, waiting amber (and the broker's holding pink). A node's boxes that overlap
        /// in time (a retried call's copies at one service) stand side by side, not on top.
        private func drawSpans(_ svg: inout XMLWriter, y: (Instant) -> Double, x: (Int) -> Double) {
            var levelEnds: [Int: [Instant]] = [:]  // looked up only, never iterated
            for span in spans.sorted(by: { ($0.track.node, $0.start, $0.end) < ($1.track.node, $1.start, $1.end) }) {
                var ends = levelEnds[span.track.node] ?? []
                let level = ends.firstIndex { $0 <= span.start } ?? ends.count
                if level == ends.count { ends.append(span.end) } else { ends[level] = span.end }
                levelEnds[span.track.node] = ends
                let colour = span.kind == .waiting ? "#f0c36d" : (span.kind == .queued ? "#ddd" : "#56b4e9")
                svg.element("rect", [("x", XMLWriter.pixels(x(span.track.node) - 5 + Double(level) * 7)), ("y", XMLWriter.pixels(y(span.start))),
                                     ("width", "10"), ("height", XMLWriter.pixels(Swift.max(1.5, y(span.end) - y(span.start)))), ("fill", colour),
                                     ("stroke", "#666"), ("stroke-width", "0.5"), ("data-span", span.kind.rawValue)])
            }
        }
    }
}
