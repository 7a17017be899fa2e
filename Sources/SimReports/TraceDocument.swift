import SimKernel
import SimMetrics

/// Writes `trace.json` in the Chrome Trace Event Format, which Perfetto and chrome://tracing
/// open: one process per architecture, one thread per lane of a node instance (see
/// `TraceLayout`), a complete event (`"ph": "X"`) per slice, and a flow (`"s"` → `"f"`, the
/// end bound to its enclosing slice) per message. Fault windows are complete events on
/// `faults` lanes of their own; a request whose records passed the trace's limit
/// (`TraceRecorder.recordsPerRequest`) gets a zero-length one on the `not traced` lane where
/// the first record left out begins, named with the counts left out. Every slice and flow carries its request's correlation id in
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
        var json = CompactJSONWriter()
        json.openObject()
        json.key("displayTimeUnit"); json.literal("ms")
        json.key("traceEvents")
        json.openLines()  // one event per line: compact enough to keep, still readable and diffable
        var flowIDs = 0
        for (p, architecture) in report.architectures.enumerated() {
            let pid = p + 1
            let layout = TraceLayout(architecture.metrics.trace, windows: report.windows, runEnd: report.length)
            json.startLine()
            writeMetadata("process_name", pid: pid, tid: nil, to: &json) { $0.key("name"); $0.string(architecture.name) }
            var firstTid: [TraceTrack: Int] = [:]  // looked up only, never iterated
            var tid = 1
            for (track, count) in layout.lanes {
                firstTid[track] = tid
                for lane in 0..<count {
                    let name = name(of: track, in: report) + (count > 1 ? " · lane \(lane + 1)" : "")
                    json.startLine()
                    writeMetadata("thread_name", pid: pid, tid: tid, to: &json) { $0.key("name"); $0.string(name) }
                    json.startLine()
                    writeMetadata("thread_sort_index", pid: pid, tid: tid, to: &json) { $0.key("sort_index"); $0.integer(tid) }
                    tid += 1
                }
            }
            let timed = timedEvents(of: layout)
            json.reserveCapacity(more: 128 * timed.count)  // an event's line is about 120 bytes
            for event in timed {
                json.startLine()
                switch event.what {
                case .slice(let s):
                    let slice = layout.slices[s]
                    writeSlice(slice, pid: pid, tid: firstTid[slice.track]! + slice.lane, to: &json)
                case .send(let f):
                    let flow = layout.flows[f]
                    writeFlowEnd(flow.message, isSend: true, id: flowIDs + f, pid: pid, tid: firstTid[flow.message.from]! + flow.fromLane, to: &json)
                case .receive(let f):
                    let flow = layout.flows[f]
                    writeFlowEnd(flow.message, isSend: false, id: flowIDs + f, pid: pid, tid: firstTid[flow.message.to]! + flow.toLane, to: &json)
                }
            }
            flowIDs += layout.flows.count
        }
        json.closeLines()
        json.closeObject()
        json.append(raw: "\n")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// An event of one process that has a time: a slice, or one end of a flow, by its index in the layout.
    enum TimedEvent {
        case slice(Int), send(Int), receive(Int)
    }

    /// The slices and flow ends of `layout` in the order Perfetto's importer handles them: by
    /// time; at one instant longer slices first, then zero-length ones with the flows; ties in
    /// the order slices, then each flow's two ends, so slices come before the flows they enclose.
    /// - Complexity: O(n log n) for n slices and flows.
    static func timedEvents(of layout: TraceLayout) -> [(at: Int64, rank: Int64, order: Int, what: TimedEvent)] {
        var timed: [(at: Int64, rank: Int64, order: Int, what: TimedEvent)] = []
        timed.reserveCapacity(layout.slices.count + 2 * layout.flows.count)
        for (s, slice) in layout.slices.enumerated() {
            let duration = (slice.end - slice.start).nanoseconds
            timed.append((slice.start.sinceStart.nanoseconds, duration > 0 ? -duration : 0, timed.count, .slice(s)))
        }
        for (f, flow) in layout.flows.enumerated() {
            timed.append((flow.message.sent.sinceStart.nanoseconds, 1, timed.count, .send(f)))
            timed.append((flow.message.received.sinceStart.nanoseconds, 1, timed.count, .receive(f)))
        }
        timed.sort { ($0.at, $0.rank, $0.order) < ($1.at, $1.rank, $1.order) }
        return timed
    }

    /// A metadata event (`"ph": "M"`) of `kind`, whose args `writeArgs` writes.
    static func writeMetadata(_ kind: StaticString, pid: Int, tid: Int?, to json: inout CompactJSONWriter,
                              args writeArgs: (inout CompactJSONWriter) -> Void) {
        // Members in key order, as they are written.
        json.openObject()
        json.key("args")
        json.openObject()
        writeArgs(&json)
        json.closeObject()
        json.key("name"); json.literal(kind)
        json.key("ph"); json.literal("M")
        json.key("pid"); json.integer(pid)
        if let tid { json.key("tid"); json.integer(tid) }
        json.closeObject()
    }

    /// A complete event (`"ph": "X"`) for `slice`, on thread `tid` of process `pid`.
    static func writeSlice(_ slice: TraceLayout.Slice, pid: Int, tid: Int, to json: inout CompactJSONWriter) {
        // Members in key order, as they are written.
        json.openObject()
        if let request = slice.request {
            json.key("args")
            json.openObject()
            json.key("request"); json.integer(request)
            json.closeObject()
        }
        json.key("cat"); json.string(slice.category)
        json.key("dur"); json.decimal(thousandths: (slice.end - slice.start).nanoseconds)
        json.key("name"); json.string(slice.name)
        json.key("ph"); json.literal("X")
        json.key("pid"); json.integer(pid)
        json.key("tid"); json.integer(tid)
        json.key("ts"); json.decimal(thousandths: slice.start.sinceStart.nanoseconds)
        json.closeObject()
    }

    /// One end of `message`'s flow: the start (`"ph": "s"`) where it is sent, or the end
    /// (`"ph": "f"`, bound to its enclosing slice) where it is received, on thread `tid` of process `pid`.
    static func writeFlowEnd(_ message: TraceMessage, isSend: Bool, id: Int, pid: Int, tid: Int, to json: inout CompactJSONWriter) {
        // Members in key order, as they are written.
        json.openObject()
        json.key("args")
        json.openObject()
        if message.kind == .call || message.kind == .reply { json.key("attempt"); json.integer(message.attempt) }
        if message.kind == .reply { json.key("outcome"); json.string(message.failure?.rawValue ?? "ok") }
        json.key("request"); json.integer(message.request)
        json.closeObject()
        if !isSend { json.key("bp"); json.literal("e") }
        json.key("cat"); json.literal("message")
        json.key("id"); json.integer(id)
        json.key("name"); json.string(message.kind.rawValue)
        json.key("ph"); isSend ? json.literal("s") : json.literal("f")
        json.key("pid"); json.integer(pid)
        json.key("tid"); json.integer(tid)
        json.key("ts"); json.decimal(thousandths: (isSend ? message.sent : message.received).sinceStart.nanoseconds)
        json.closeObject()
    }

    static func name(of track: TraceTrack, in report: RunReport) -> String {
        if track == TraceLayout.faults { return "faults" }
        if track == TraceLayout.omissions { return "not traced" }
        let node = track.node < report.nodeNames.count ? report.nodeNames[track.node] : "node \(track.node)"
        return track.instance == 0 ? node : "\(node)#\(track.instance)"
    }
}
