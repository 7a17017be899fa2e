import Foundation

/// Replays a Chrome-format `trace.json` the way Perfetto's JSON importer reads it, and lists
/// what the importer would drop, spill or bind wrongly.
///
/// The rules, from Perfetto's `json_trace_tokenizer.cc`, `json_trace_parser.cc`,
/// `trace_sorter.h`, `slice_tracker.cc` and `flow_tracker.cc`:
/// - `ts` and `dur` are microseconds; a fraction is rounded to whole nanoseconds.
/// - Events are handled in order of time; at one instant `E` events first, then `X` events
///   longest first, then everything else (zero-length `X`, flows), ties in file order.
/// - Each (pid, tid) is one track holding a stack of open slices. A new `X` first pops every
///   slice that ended before it (or at its start, unless both are zero-length), then must end
///   by the end of the slice on top, or it partly overlaps it and cannot nest.
/// - A flow start (`s`), and a flow end (`f`) with `"bp": "e"`, binds to the slice on top of
///   its track's stack at that moment, even one that has ended (the stack pops only when a
///   slice begins); no slice there is `flow_no_enclosing_slice`. An `f` without `"bp": "e"`
///   binds to the next slice to begin instead.
struct TraceImportChecker {
    /// A slice as the importer keeps it.
    struct Slice: Equatable {
        var pid: Int, tid: Int, name: String, request: Int?, start: Int64, end: Int64
    }

    /// The slices kept, in the order handled.
    private(set) var slices: [Slice] = []
    /// The flows bound at both ends, by id.
    private(set) var boundFlows: Set<Int> = []
    /// What the importer would not keep as written, one line each.
    private(set) var problems: [String] = []

    /// Replays `text`, a whole `trace.json`.
    init(_ text: String) throws {
        checkNumbers(text)
        let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let events = (root?["traceEvents"] as? [[String: Any]]) ?? []
        let timed = events.enumerated().compactMap { i, event -> (at: Int64, rank: Int64, order: Int, event: [String: Any])? in
            guard let ts = Self.nanoseconds(event["ts"]) else { return nil }
            let phase = event["ph"] as? String
            let rank: Int64 = phase == "E" ? .min : phase == "X" ? -(Self.nanoseconds(event["dur"]) ?? 0) : 0
            return (ts, rank, i, event)
        }.sorted { ($0.at, $0.rank, $0.order) < ($1.at, $1.rank, $1.order) }
        var stacks: [[Int]: [Slice]] = [:]
        var starts: [Int: Slice] = [:], ends: [Int: Slice] = [:]
        for (at, _, _, event) in timed {
            let pid = event["pid"] as? Int ?? -1, tid = event["tid"] as? Int ?? -1, name = event["name"] as? String ?? ""
            let request = (event["args"] as? [String: Any])?["request"] as? Int
            let track = [pid, tid]
            switch event["ph"] as? String {
            case "X":
                let slice = Slice(pid: pid, tid: tid, name: name, request: request, start: at, end: at + (Self.nanoseconds(event["dur"]) ?? 0))
                var stack = stacks[track] ?? []
                while let top = stack.last, top.end < at || (top.end == at && !(top.start == top.end && slice.start == slice.end)) {
                    stack.removeLast()
                }
                if let top = stack.last, slice.end > top.end {
                    problems.append("\(name) [\(slice.start), \(slice.end)] ns on track \(track) partly overlaps \(top.name) [\(top.start), \(top.end)]")
                    continue
                }
                stack.append(slice)
                stacks[track] = stack
                slices.append(slice)
            case let phase? where phase == "s" || phase == "f":
                let id = event["id"] as? Int ?? -1
                let what = "\(phase) of flow \(id) (\(name), request \(request.map(String.init) ?? "-")) at \(at) ns on track \(track)"
                if phase == "f", event["bp"] as? String != "e" { problems.append(what + " binds to the next slice, not its enclosing one") }
                guard let top = stacks[track]?.last else { problems.append(what + " has no enclosing slice"); continue }
                guard top.start <= at, at <= top.end else { problems.append(what + " binds to \(top.name), which ended at \(top.end) ns"); continue }
                guard top.request == request else { problems.append(what + " binds to \(top.name) of request \(top.request ?? -1)"); continue }
                if phase == "s" { starts[id] = top } else { ends[id] = top }
            default:
                problems.append("unexpected event \(event)")
            }
        }
        for (id, start) in starts {
            guard let end = ends[id] else { problems.append("flow \(id) has no bound end"); continue }
            if start.start > end.end { problems.append("flow \(id) runs backwards in time") }
            boundFlows.insert(id)
        }
        for id in ends.keys where starts[id] == nil { problems.append("flow \(id) has no bound start") }
    }

    /// Every `ts` and `dur` is a plain decimal number of microseconds, with at most three
    /// decimals (whole nanoseconds), never negative, never in exponent form.
    private mutating func checkNumbers(_ text: String) {
        for match in text.matches(of: /"(ts|dur)":([^,}]*)/) where match.2.wholeMatch(of: /[0-9]+(\.[0-9]{1,3})?/) == nil {
            problems.append("\(match.1) \(match.2) is not microseconds to the nanosecond")
        }
    }

    /// A JSON number of microseconds in nanoseconds, rounded as the importer rounds it.
    static func nanoseconds(_ value: Any?) -> Int64? {
        (value as? NSNumber).map { Int64(($0.doubleValue * 1_000).rounded()) }
    }
}
