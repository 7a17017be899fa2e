import SimReports
import SimScenario

/// Every figure one `ripple bench` measured, each under a stable dotted key
/// (`kernel.mm1.eventsPerSecond`, `pipeline.bench-mm1-10m.requestsPerSecond`; BENCHMARKS.md lists
/// them), in the order measured. `--json` writes them, and floors are checked against them.
struct BenchFigures {
    /// The figures, in the order they were measured; each key at most once.
    private(set) var entries: [(key: String, value: Double)] = []

    /// Records `value` under `key`, replacing an earlier figure of the same key.
    mutating func record(_ key: String, _ value: Double) {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].value = value
        } else {
            entries.append((key, value))
        }
    }

    /// Records every figure of `other`.
    mutating func record(_ other: BenchFigures) {
        for (key, value) in other.entries { record(key, value) }
    }

    /// The figure under `key`, or `nil` when it was not measured.
    subscript(key: String) -> Double? { entries.first { $0.key == key }?.value }

    /// The figures as a JSON object of keys and numbers, keys sorted, one per line; rates and
    /// seconds with up to six decimals (trailing zeros dropped), counts and bytes whole.
    var json: String {
        JSONOutput.object(entries.map { ($0.key, .decimal($0.value, decimals: 6)) }).rendered
    }

    /// The figures of a JSON object of keys and numbers, such as `json` writes, in file order.
    /// - Throws: `ReportedError` naming `file` and the member when the text is not such an object.
    static func parse(_ bytes: [UInt8], file: String) throws -> BenchFigures {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ReportedError("ripple: \(file):\(error.location.line):\(error.location.column): \(error.message)")
        }
        guard let members = root.objectMembers else {
            throw ReportedError("ripple: \(file): expected a JSON object of figure names and numbers, found \(root.kindDescription)")
        }
        var figures = BenchFigures()
        for member in members {
            guard let value = member.value.numberText.flatMap(Double.init), value.isFinite else {
                throw ReportedError("ripple: \(file): \(member.key): expected a number, found \(member.value.kindDescription)")
            }
            figures.record(member.key, value)
        }
        return figures
    }
}
