import SimKernel
import SimMetrics

extension SequenceDiagram {
    /// What a message's label says it is: `call`, `retry 2` (the third attempt), `reply ok`,
    /// `reply error`, a reply that `isLate`, arriving after its caller gave up on that attempt
    /// (`reply ok · too late`), `publish`, `ack`, `deliver`.
    static func label(of message: TraceMessage, isLate: Bool) -> String {
        switch message.kind {
        case .call: return message.attempt > 1 ? "retry \(message.attempt - 1)" : "call"
        case .reply:
            let text = "reply " + (message.failure?.rawValue ?? "ok")
            return isLate ? text + " · too late" : text
        case .publish: return "publish"
        case .ack: return "ack"
        case .delivery: return "deliver"
        }
    }

    /// When each caller first gave up on each attempt of its call to each callee, so that a
    /// reply arriving then or later reads as too late.
    struct LateReplies {
        private struct Attempt: Hashable {
            var caller: TraceTrack, callee: TraceTrack, attempt: Int
        }

        private var firstTimeout: [Attempt: Instant] = [:]  // looked up only, never iterated

        /// The earliest of `timeouts` for each call attempt.
        /// - Complexity: O(t) for t timeouts.
        init(_ timeouts: [TraceTimeout]) {
            for timeout in timeouts {
                let attempt = Attempt(caller: timeout.caller, callee: timeout.callee, attempt: timeout.attempt)
                firstTimeout[attempt] = Swift.min(firstTimeout[attempt] ?? timeout.time, timeout.time)
            }
        }

        /// Whether `message` is a reply reaching its caller once it had given up on that attempt.
        func isLate(_ message: TraceMessage) -> Bool {
            guard message.kind == .reply, let gaveUp = firstTimeout[Attempt(caller: message.to, callee: message.from, attempt: message.attempt)] else {
                return false
            }
            return gaveUp <= message.received
        }
    }

    /// The box a label of `text` in `fontSize` px covers, anchored at (`x`, `y`) on its
    /// baseline as SVG anchors it: an average advance of 0.6 em a character (generous for
    /// sans-serif text), from the cap height down to the descenders.
    static func box(_ text: String, x: Double, y: Double, anchor: String, fontSize: Double) -> Box {
        let width = Double(text.count) * fontSize * 0.6
        let left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x
        return Box(left: left, top: y - fontSize, right: left + width, bottom: y + fontSize * 0.25)
    }

    /// A rectangle a label covers, in SVG pixels.
    struct Box {
        var left, top, right, bottom: Double

        /// Whether the two boxes share any area (touching edges do not count).
        func intersects(_ other: Box) -> Bool {
            left < other.right && other.left < right && top < other.bottom && other.top < bottom
        }
    }

    /// Places labels one by one where they cover no label placed before: the first free of a
    /// few spots along the arrow, above or below it, that also leaves every lifeline clear (a
    /// label on a lifeline reads as that node's), else the nearest free spot below. Labels
    /// are filed by horizontal band, so a spot is checked against the labels near it only.
    struct LabelPlacer {
        /// The x of every lifeline, which an arrow's label keeps clear of where it can.
        let lifelines: [Double]
        /// The height of a band, in pixels: more than a label's, so a label lies in one or two.
        private static let bandHeight = 32.0
        private var placed: [Box] = []
        /// The labels in each band, by their place in `placed`.
        private var bands: [Int: [Int]] = [:]  // looked up only, never iterated
        private var lowest = -Double.infinity

        /// A placer for a panel whose lifelines stand at `lifelines`.
        init(lifelines: [Double]) { self.lifelines = lifelines }

        /// Keeps `box` clear of every later label (a heading, a fault window's name).
        mutating func reserve(_ box: Box) {
            for band in Self.bands(of: box) { bands[band, default: []].append(placed.count) }
            placed.append(box)
            lowest = Swift.max(lowest, box.bottom)
        }

        /// The anchor (x, baseline y) for `text` on the arrow from (`x1`, `y1`) to (`x2`, `y2`).
        mutating func place(_ text: String, from x1: Double, _ y1: Double, to x2: Double, _ y2: Double, fontSize: Double) -> (x: Double, y: Double) {
            var candidates: [(Double, Double)] = []
            for f in [0.5, 0.3, 0.7, 0.15, 0.85] {
                let x = x1 + (x2 - x1) * f, y = y1 + (y2 - y1) * f
                candidates += [(x, y - 3), (x, y + fontSize + 1)]
            }
            let boxes = candidates.map { (at: $0, box: SequenceDiagram.box(text, x: $0.0, y: $0.1, anchor: "middle", fontSize: fontSize)) }
            for (at, box) in boxes where isFree(box) && !crossesLifeline(box) { return take(text, at.0, at.1, fontSize) }
            for (at, box) in boxes where isFree(box) { return take(text, at.0, at.1, fontSize) }
            let x = (x1 + x2) / 2
            var y = (y1 + y2) / 2 + fontSize + 1
            while !isFree(SequenceDiagram.box(text, x: x, y: y, anchor: "middle", fontSize: fontSize)) { y += 2 }
            return take(text, x, y, fontSize)
        }

        /// The baseline for `text` anchored at `x` as `anchor` says, near baseline `y`: there, or lower.
        mutating func placeBeside(_ text: String, x: Double, y: Double, anchor: String, fontSize: Double) -> Double {
            var y = y
            while !isFree(SequenceDiagram.box(text, x: x, y: y, anchor: anchor, fontSize: fontSize)) { y += 2 }
            reserve(SequenceDiagram.box(text, x: x, y: y, anchor: anchor, fontSize: fontSize))
            return y
        }

        /// Whether a lifeline runs through `box`.
        private func crossesLifeline(_ box: Box) -> Bool {
            lifelines.contains { box.left < $0 && $0 < box.right }
        }

        /// Whether `box` covers no label placed.
        /// - Complexity: O(k) for the k labels in the bands `box` lies in.
        private func isFree(_ box: Box) -> Bool {
            Self.bands(of: box).allSatisfy { band in bands[band]?.allSatisfy { !placed[$0].intersects(box) } ?? true }
        }

        private mutating func take(_ text: String, _ x: Double, _ y: Double, _ fontSize: Double) -> (x: Double, y: Double) {
            reserve(SequenceDiagram.box(text, x: x, y: y, anchor: "middle", fontSize: fontSize))
            return (x, y)
        }

        /// The bands `box` lies in, top to bottom.
        private static func bands(of box: Box) -> ClosedRange<Int> {
            Int((box.top / bandHeight).rounded(.down))...Int((box.bottom / bandHeight).rounded(.down))
        }

        /// The lowest edge of any label placed, or `floor` when none reaches below it.
        func bottom(atLeast floor: Double) -> Double { Swift.max(floor, lowest) }
    }
}
