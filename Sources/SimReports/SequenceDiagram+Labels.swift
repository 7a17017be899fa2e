import SimKernel
import SimMetrics

extension SequenceDiagram {
    /// What a message's label says it is: `call`, `retry 2` (the third attempt), `reply ok`,
    /// `reply error`, a reply that arrives after its caller gave up on that attempt
    /// (`reply ok · too late`), `publish`, `ack`, `deliver`.
    static func label(of message: TraceMessage, timeouts: [TraceTimeout]) -> String {
        switch message.kind {
        case .call: return message.attempt > 1 ? "retry \(message.attempt - 1)" : "call"
        case .reply:
            let text = "reply " + (message.failure?.rawValue ?? "ok")
            let late = timeouts.contains {
                $0.caller == message.to && $0.callee == message.from && $0.attempt == message.attempt && $0.time <= message.received
            }
            return late ? text + " · too late" : text
        case .publish: return "publish"
        case .ack: return "ack"
        case .delivery: return "deliver"
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
    /// few spots along the arrow, above or below it, else the nearest free spot below.
    struct LabelPlacer {
        private(set) var placed: [Box] = []

        /// Keeps `box` clear of every later label (a heading, a fault window's name).
        mutating func reserve(_ box: Box) { placed.append(box) }

        /// The anchor (x, baseline y) for `text` on the arrow from (`x1`, `y1`) to (`x2`, `y2`).
        mutating func place(_ text: String, from x1: Double, _ y1: Double, to x2: Double, _ y2: Double, fontSize: Double) -> (x: Double, y: Double) {
            var candidates: [(Double, Double)] = []
            for f in [0.5, 0.3, 0.7, 0.15, 0.85] {
                let x = x1 + (x2 - x1) * f, y = y1 + (y2 - y1) * f
                candidates += [(x, y - 3), (x, y + fontSize + 1)]
            }
            for (x, y) in candidates where isFree(text, x, y, fontSize) { return take(text, x, y, fontSize) }
            let x = (x1 + x2) / 2
            var y = (y1 + y2) / 2 + fontSize + 1
            while !isFree(text, x, y, fontSize) { y += 2 }
            return take(text, x, y, fontSize)
        }

        /// The baseline for `text` anchored at `x` as `anchor` says, near baseline `y`: there, or lower.
        mutating func placeBeside(_ text: String, x: Double, y: Double, anchor: String, fontSize: Double) -> Double {
            var y = y
            while placed.contains(where: SequenceDiagram.box(text, x: x, y: y, anchor: anchor, fontSize: fontSize).intersects) { y += 2 }
            placed.append(SequenceDiagram.box(text, x: x, y: y, anchor: anchor, fontSize: fontSize))
            return y
        }

        private func isFree(_ text: String, _ x: Double, _ y: Double, _ fontSize: Double) -> Bool {
            !placed.contains(where: SequenceDiagram.box(text, x: x, y: y, anchor: "middle", fontSize: fontSize).intersects)
        }

        private mutating func take(_ text: String, _ x: Double, _ y: Double, _ fontSize: Double) -> (x: Double, y: Double) {
            placed.append(SequenceDiagram.box(text, x: x, y: y, anchor: "middle", fontSize: fontSize))
            return (x, y)
        }

        /// The lowest edge of any label placed, or `floor` when none reaches below it.
        func bottom(atLeast floor: Double) -> Double { placed.map(\.bottom).reduce(floor, Swift.max) }
    }
}
