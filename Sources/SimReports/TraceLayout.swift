import SimKernel
import SimMetrics

/// Lays one architecture's traced requests out on trace lanes the way Perfetto's JSON importer
/// keeps them whole: on each lane no two slices partly overlap (two requests never share an
/// instant on a lane), and both ends of every message lie inside a slice of the same request
/// on the lane they are written to, so every flow arrow has an enclosing slice to bind to.
///
/// A message end that no recorded span covers gets a slice derived from the messages
/// themselves: `holding` on the broker (from a publish's arrival to its last delivery or
/// acknowledgement), `relay` where a publish leaves after the request's work (the outbox relay,
/// until the acknowledgement), and otherwise a slice named after the messages, such as `reply`
/// for an answer reaching a caller that stopped waiting.
struct TraceLayout {
    /// A slice on a lane: a recorded span, a slice derived from message ends, a fault window,
    /// or the mark where the trace began to leave out a request's records past its limit.
    struct Slice {
        var name: String
        /// `span` (recorded), `message` (derived from message ends), `fault` or `omission`.
        var category: String
        /// The traced request, `nil` for a fault window.
        var request: UInt64?
        /// The node instance, or `TraceLayout.faults` for fault windows.
        var track: TraceTrack
        var start: Instant
        var end: Instant
        /// The lane within `track`, from 0.
        var lane = 0
    }

    /// Where a message leaves and where it arrives: a lane of each end's track.
    struct Flow {
        var message: TraceMessage
        var fromLane: Int
        var toLane: Int
    }

    /// The track fault windows are laid on, before every node.
    static let faults = TraceTrack(node: -1)
    /// The track saying what was left out of requests past the trace's limit, before the faults.
    static let omissions = TraceTrack(node: -2)

    /// Every slice, each with its lane.
    private(set) var slices: [Slice] = []
    /// Every traced message, with the lanes its ends are written to.
    private(set) var flows: [Flow] = []
    /// The number of lanes of each track used, tracks in order.
    private(set) var lanes: [(track: TraceTrack, count: Int)] = []

    /// The layout of `trace`, with `windows` (ending at `runEnd` when open) on the faults track.
    /// - Complexity: O((s + m) log(s + m) + (s + m) × l) for s spans, m messages and l lanes per track.
    init(_ trace: TraceRecorder, windows: [FaultWindow], runEnd: TimeSpan) {
        slices = windows.map {
            Slice(name: $0.label, category: "fault", request: nil, track: Self.faults,
                  start: .zero + $0.start, end: .zero + ($0.end ?? runEnd))
        }
        slices += trace.omissions.map {
            Slice(name: Self.name(of: $0), category: "omission", request: $0.request, track: Self.omissions, start: $0.first, end: $0.first)
        }
        slices += trace.spans.map { Slice(name: $0.kind.rawValue, category: "span", request: $0.request, track: $0.track, start: $0.start, end: $0.end) }
        slices += Self.derivedSlices(trace)
        assignLanes()
        bindFlows(trace.messages)
    }

    /// A message end: where, for which request, when, and whether it is the sending end.
    private struct End {
        var track: TraceTrack, request: UInt64, time: Instant, kind: TraceMessage.Kind, isSend: Bool, order: Int
    }

    /// The slices covering message ends that no recorded span of their request covers on their
    /// track. Uncovered ends of one request on one track form one slice, unless a recorded span
    /// of that request begins between them.
    private static func derivedSlices(_ trace: TraceRecorder) -> [Slice] {
        var spans: [Key: Coverage] = [:]  // looked up only, never iterated
        for span in trace.spans.sorted(by: { $0.start < $1.start }) {
            spans[Key(track: span.track, request: span.request), default: Coverage()].append(span)
        }
        var ends: [End] = []
        for (i, m) in trace.messages.enumerated() {
            ends.append(End(track: m.from, request: m.request, time: m.sent, kind: m.kind, isSend: true, order: 2 * i))
            ends.append(End(track: m.to, request: m.request, time: m.received, kind: m.kind, isSend: false, order: 2 * i + 1))
        }
        ends.sort { ($0.track, $0.request, $0.time, $0.order) < ($1.track, $1.request, $1.time, $1.order) }
        var derived: [Slice] = []
        var cluster: [End] = []
        func close() {
            guard let first = cluster.first, let last = cluster.last else { return }
            derived.append(Slice(name: name(of: cluster), category: "message", request: first.request, track: first.track,
                                 start: first.time, end: last.time))
            cluster = []
        }
        for end in ends {
            let own = spans[Key(track: end.track, request: end.request)] ?? Coverage()
            if own.covers(end.time) { continue }
            if let last = cluster.last, last.track != end.track || last.request != end.request
                || own.hasStart(after: last.time, before: end.time) {
                close()
            }
            cluster.append(end)
        }
        close()
        return derived
    }

    /// The name of an omission's mark: what of its request the trace left out from then on,
    /// such as `request 40: 11294 messages, 11300 spans not traced`.
    private static func name(of omission: TraceOmission) -> String {
        let counts = [(omission.messages, "message"), (omission.spans, "span"), (omission.timeouts, "timeout")]
        let parts = counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        return "request \(omission.request): " + parts.joined(separator: ", ") + " not traced"
    }

    /// The name of a derived slice: what its message ends say the track was doing.
    private static func name(of ends: [End]) -> String {
        if ends.contains(where: { $0.kind == .publish && !$0.isSend }) { return "holding" }
        if ends.contains(where: { $0.kind == .publish && $0.isSend }) { return "relay" }
        var kinds: [String] = []
        for end in ends where !kinds.contains(end.kind.rawValue) { kinds.append(end.kind.rawValue) }
        return kinds.joined(separator: " → ")
    }

    /// Lays each track's slices on lanes, earliest first: a slice goes on the lane of its
    /// request's previous slice on the track when that lane is free by then (so one request's
    /// slices stay on one line unless another request holds it), else on the lowest lane whose
    /// last slice ended strictly before it began (so a message end at an instant two slices
    /// share can only bind to its own request's).
    private mutating func assignLanes() {
        let order = slices.indices.sorted {
            let a = slices[$0], b = slices[$1]
            return (a.track, a.start, a.end, a.request ?? 0, $0) < (b.track, b.start, b.end, b.request ?? 0, $1)
        }
        var open: [(end: Instant, request: UInt64?)] = []
        var lastLane: [UInt64: Int] = [:]  // per request on this track; looked up only, never iterated
        var track: TraceTrack?
        for i in order {
            let slice = slices[i]
            if slice.track != track {
                if let track { lanes.append((track, open.count)) }
                track = slice.track
                open = []
                lastLane = [:]
            }
            let own = slice.request.flatMap { lastLane[$0] }.flatMap { lane in
                open[lane].end < slice.start || (open[lane].request == slice.request && open[lane].end <= slice.start) ? lane : nil
            }
            let lane = own ?? open.indices.first { open[$0].end < slice.start } ?? open.count
            if lane == open.count { open.append((slice.end, slice.request)) } else { open[lane] = (slice.end, slice.request) }
            if let request = slice.request { lastLane[request] = lane }
            slices[i].lane = lane
        }
        if let track { lanes.append((track, open.count)) }
    }

    /// Writes each message end on a lane holding a slice of its request that covers the instant:
    /// of those slices, the one that began last, on the lowest lane when several began then.
    /// - Complexity: O((s + m) log(s + m)) for s slices and m messages.
    private mutating func bindFlows(_ messages: [TraceMessage]) {
        // Each track's slices of each request, from the first to begin to the last (lower lanes later).
        var covering: [Key: [Int]] = [:]  // looked up only, never iterated
        let byStart = slices.indices.filter { slices[$0].request != nil }.sorted {
            (slices[$0].start, -slices[$0].lane, $0) < (slices[$1].start, -slices[$1].lane, $1)
        }
        for i in byStart { covering[Key(track: slices[i].track, request: slices[i].request!), default: []].append(i) }
        var ends: [(key: Key, time: Instant, message: Int, isSend: Bool)] = []
        for (i, m) in messages.enumerated() {
            ends.append((Key(track: m.from, request: m.request), m.sent, i, true))
            ends.append((Key(track: m.to, request: m.request), m.received, i, false))
        }
        ends.sort { ($0.key.track, $0.key.request, $0.time) < ($1.key.track, $1.key.request, $1.time) }
        var lanes = [(from: Int, to: Int)](repeating: (0, 0), count: messages.count)
        // One sweep per track and request, instants in order: slices join a stack as they begin,
        // so its top is the latest begun; one that ended before an instant ends before every later one.
        var first = 0
        while first < ends.count {
            let key = ends[first].key
            var after = first
            while after < ends.count && ends[after].key == key { after += 1 }
            let candidates = covering[key] ?? []
            var next = 0
            var begun: [Int] = []
            for end in ends[first..<after] {
                while next < candidates.count && slices[candidates[next]].start <= end.time {
                    begun.append(candidates[next])
                    next += 1
                }
                while let top = begun.last, slices[top].end < end.time { begun.removeLast() }
                // Every end is covered: by a recorded span, or by the slice derived for it.
                let lane = slices[begun.last!].lane
                if end.isSend { lanes[end.message].from = lane } else { lanes[end.message].to = lane }
            }
            first = after
        }
        flows = messages.indices.map { Flow(message: messages[$0], fromLane: lanes[$0].from, toLane: lanes[$0].to) }
    }

    /// One request's recorded spans on one track, by start, to tell which instants they cover.
    private struct Coverage {
        private var starts: [Instant] = []
        /// The latest end of the spans up to each one.
        private var reach: [Instant] = []

        /// Adds `span`, which starts no earlier than any span added before.
        mutating func append(_ span: TraceSpan) {
            starts.append(span.start)
            reach.append(Swift.max(reach.last ?? span.end, span.end))
        }

        /// Whether a span covers `time`, its ends included.
        /// - Complexity: O(log n) for n spans.
        func covers(_ time: Instant) -> Bool {
            let begun = starts.partitionPoint { $0 > time }
            return begun > 0 && reach[begun - 1] >= time
        }

        /// Whether a span starts strictly between `earlier` and `later`.
        /// - Complexity: O(log n) for n spans.
        func hasStart(after earlier: Instant, before later: Instant) -> Bool {
            let next = starts.partitionPoint { $0 > earlier }
            return next < starts.count && starts[next] < later
        }
    }

    private struct Key: Hashable {
        var track: TraceTrack, request: UInt64
    }
}
