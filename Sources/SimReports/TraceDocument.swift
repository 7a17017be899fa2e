import SimKernel
import SimMetrics

/// Writes `trace.json` in the Chrome Trace Event Format, which Perfetto and chrome://tracing
/// open: one process per architecture, one thread (track) per node instance, a complete
/// event (`"ph": "X"`) per span, and a flow (`"s"` → `"f"`) per message. Fault windows are
/// complete events on a `faults` track of their own. Every event carries
/// its request's correlation id in `args.request`.
public enum TraceDocument {
    /// The JSON of `trace.json` for `report`, one trace event per line.
    /// - Complexity: O(n log n) for n spans and messages traced.
    public static func render(_ report: RunReport) -> String {
        var events: [JSONOutput] = []
        for (p, architecture) in report.architectures.enumerated() {
            let pid = p + 1
            let trace = architecture.metrics.trace
            events.append(metadata("process_name", pid: pid, tid: nil, name: architecture.name))
            var tracks = Set(trace.spans.map(\.track))
            for message in trace.messages { tracks.insert(message.from); tracks.insert(message.to) }
            for track in tracks.sorted() {
                events.append(metadata("thread_name", pid: pid, tid: tid(track), name: name(of: track, in: report)))
            }
            if !report.windows.isEmpty { events.append(metadata("thread_name", pid: pid, tid: 0, name: "faults")) }
            for window in report.windows {
                let end = window.end ?? report.length
                events.append(.object([
                    ("ph", .string("X")), ("pid", .int(pid)), ("tid", .int(0)), ("name", .string(window.label)), ("cat", .string("fault")),
                    ("ts", microseconds(window.start)), ("dur", microseconds(end - window.start)),
                ]))
            }
            for span in trace.spans {
                events.append(.object([
                    ("ph", .string("X")), ("pid", .int(pid)), ("tid", .int(tid(span.track))), ("name", .string(span.kind.rawValue)),
                    ("cat", .string("span")), ("ts", microseconds(span.start)), ("dur", microseconds(span.end.sinceStart - span.start.sinceStart)),
                    ("args", .object([("request", .number(String(span.request)))])),
                ]))
            }
            for (i, message) in trace.messages.enumerated() {
                let id = JSONOutput.number(String(p * 10_000_000 + i))
                let args = JSONOutput.object([("request", .number(String(message.request)))])
                events.append(.object([
                    ("ph", .string("s")), ("id", id), ("pid", .int(pid)), ("tid", .int(tid(message.from))), ("name", .string(message.kind.rawValue)),
                    ("cat", .string("message")), ("ts", microseconds(message.sent)), ("args", args),
                ]))
                events.append(.object([
                    ("ph", .string("f")), ("bp", .string("e")), ("id", id), ("pid", .int(pid)), ("tid", .int(tid(message.to))),
                    ("name", .string(message.kind.rawValue)), ("cat", .string("message")), ("ts", microseconds(message.received)), ("args", args),
                ]))
            }
        }
        // One event per line: compact enough to keep, still readable and diffable.
        return "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n" + events.map(\.compact).joined(separator: ",\n") + "\n]}\n"
    }

    static func metadata(_ kind: String, pid: Int, tid: Int?, name: String) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("ph", .string("M")), ("pid", .int(pid)), ("name", .string(kind)), ("args", .object([("name", .string(name))]))]
        if let tid { members.append(("tid", .int(tid))) }
        return .object(members)
    }

    /// A stable thread id per track: node × 1000 + instance.
    static func tid(_ track: TraceTrack) -> Int { track.node * 1_000 + track.instance + 1 }

    static func name(of track: TraceTrack, in report: RunReport) -> String {
        let node = track.node < report.nodeNames.count ? report.nodeNames[track.node] : "node \(track.node)"
        return track.instance == 0 ? node : "\(node)#\(track.instance)"
    }

    static func microseconds(_ instant: Instant) -> JSONOutput { microseconds(instant.sinceStart) }
    static func microseconds(_ span: TimeSpan) -> JSONOutput { .decimal(Double(span.nanoseconds) / 1_000, decimals: 3) }
}
