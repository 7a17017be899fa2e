import SimKernel
import SimMetrics

/// Writes `trace.json` in the Chrome Trace Event Format, which Perfetto and chrome://tracing
/// open: one process per architecture, one thread per lane of a node instance (see
/// `TraceLayout`), a complete event (`"ph": "X"`) per slice, and a flow (`"s"` → `"f"`, the
/// end bound to its enclosing slice) per message. Fault windows are complete events on
/// `faults` lanes of their own. Every slice and flow carries its request's correlation id in
/// `args.request`.
///
/// Times are microseconds, written exactly from integer nanoseconds (three decimals at most).
/// Within each process the events are written in the order Perfetto's importer handles them
/// (time; at one instant longer slices first, then instants and flows), so a flow written
/// after its slice binds to it.
public enum TraceDocument {
    /// The JSON of `trace.json` for `report`, one trace event per line.
    /// - Complexity: O(n log n) for n spans and messages traced.
    public static func render(_ report: RunReport) -> String {
        var events: [JSONOutput] = []
        var flowID = 0
        for (p, architecture) in report.architectures.enumerated() {
            let pid = p + 1
            let layout = TraceLayout(architecture.metrics.trace, windows: report.windows, runEnd: report.length)
            events.append(metadata("process_name", pid: pid, tid: nil, args: [("name", .string(architecture.name))]))
            var firstTid: [TraceTrack: Int] = [:]  // looked up only, never iterated
            var tid = 1
            for (track, count) in layout.lanes {
                firstTid[track] = tid
                for lane in 0..<count {
                    let name = name(of: track, in: report) + (count > 1 ? " · lane \(lane + 1)" : "")
                    events.append(metadata("thread_name", pid: pid, tid: tid, args: [("name", .string(name))]))
                    events.append(metadata("thread_sort_index", pid: pid, tid: tid, args: [("sort_index", .int(tid))]))
                    tid += 1
                }
            }
            var timed: [(at: Int64, rank: Int64, event: JSONOutput)] = []
            for slice in layout.slices {
                let duration = (slice.end - slice.start).nanoseconds
                // Members in key order, as they are written.
                var members: [(String, JSONOutput)] = []
                if let request = slice.request { members.append(("args", .object([("request", .number(String(request)))]))) }
                members += [
                    ("cat", .string(slice.category)), ("dur", microseconds(.nanoseconds(duration))), ("name", .string(slice.name)),
                    ("ph", .string("X")), ("pid", .int(pid)), ("tid", .int(firstTid[slice.track]! + slice.lane)), ("ts", microseconds(slice.start.sinceStart)),
                ]
                // At one instant the importer opens longer slices first; a zero-length one goes with the flows, after the slices.
                timed.append((slice.start.sinceStart.nanoseconds, duration > 0 ? -duration : 0, .object(members)))
            }
            for flow in layout.flows {
                let message = flow.message
                // Members in key order, as they are written.
                var args: [(String, JSONOutput)] = []
                if message.kind == .call || message.kind == .reply { args.append(("attempt", .int(message.attempt))) }
                if message.kind == .reply { args.append(("outcome", .string(message.failure?.rawValue ?? "ok"))) }
                args.append(("request", .number(String(message.request))))
                let (id, name) = (JSONOutput.int(flowID), JSONOutput.string(message.kind.rawValue))
                flowID += 1
                timed.append((message.sent.sinceStart.nanoseconds, 1, .object([
                    ("args", .object(args)), ("cat", .string("message")), ("id", id), ("name", name), ("ph", .string("s")), ("pid", .int(pid)),
                    ("tid", .int(firstTid[message.from]! + flow.fromLane)), ("ts", microseconds(message.sent.sinceStart)),
                ])))
                timed.append((message.received.sinceStart.nanoseconds, 1, .object([
                    ("args", .object(args)), ("bp", .string("e")), ("cat", .string("message")), ("id", id), ("name", name), ("ph", .string("f")),
                    ("pid", .int(pid)), ("tid", .int(firstTid[message.to]! + flow.toLane)), ("ts", microseconds(message.received.sinceStart)),
                ])))
            }
            // A stable sort: ties keep the order above, slices before the flows they enclose.
            let order = timed.indices.sorted { (timed[$0].at, timed[$0].rank, $0) < (timed[$1].at, timed[$1].rank, $1) }
            events += order.map { timed[$0].event }
        }
        // One event per line: compact enough to keep, still readable and diffable.
        var out = Array("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n".utf8)
        for (i, event) in events.enumerated() {
            if i > 0 { out.append(contentsOf: ",\n".utf8) }
            event.writeCompact(to: &out)
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static func metadata(_ kind: String, pid: Int, tid: Int?, args: [(String, JSONOutput)]) -> JSONOutput {
        // Members in key order, as they are written.
        var members: [(String, JSONOutput)] = [("args", .object(args)), ("name", .string(kind)), ("ph", .string("M")), ("pid", .int(pid))]
        if let tid { members.append(("tid", .int(tid))) }
        return .object(members)
    }

    static func name(of track: TraceTrack, in report: RunReport) -> String {
        if track == TraceLayout.faults { return "faults" }
        let node = track.node < report.nodeNames.count ? report.nodeNames[track.node] : "node \(track.node)"
        return track.instance == 0 ? node : "\(node)#\(track.instance)"
    }

    /// `span` in microseconds, exactly: the whole microseconds and up to three decimals.
    static func microseconds(_ span: TimeSpan) -> JSONOutput {
        let ns = span.nanoseconds
        let sign = ns < 0 ? "-" : ""
        let whole = String(ns.magnitude / 1_000), fraction = ns.magnitude % 1_000
        guard fraction != 0 else { return .number(sign + whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return .number(sign + whole + "." + digits)
    }
}
