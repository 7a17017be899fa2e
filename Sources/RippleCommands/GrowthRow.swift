import SimKernel
import SimModels

/// One row of `ripple bench --growth`'s table of how cost grows with size: the M/M/1
/// pipeline scenario shortened to a number of requests, or the hold model at a number of
/// pending events. Each row runs in a process of its own, so its peak RSS is its own.
enum GrowthRow: Equatable {
    /// The M/M/1 pipeline scenario, its arrivals cut to about `requests` requests.
    case mm1(requests: Int)
    /// The kernel's hold model with `pending` events pending.
    case hold(pending: Int)

    /// The pending events of the hold model's rows, in the kernel table and the growth table.
    static let holdSizes = [1_000, 100_000, 1_000_000]
    /// Operations per hold-model row.
    static let holdOperations = 10_000_000
    /// Every row, in the table's order.
    static let table: [GrowthRow] = [100_000, 1_000_000, 10_000_000].map { .mm1(requests: $0) } + holdSizes.map { .hold(pending: $0) }

    /// The row `text` names, as `mm1:REQUESTS` or `hold:PENDING`.
    /// - Throws: `UsageError` for anything else.
    init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let size = Int(parts[1]), size > 0 else {
            throw UsageError("--growth-row expects mm1:REQUESTS or hold:PENDING, found '\(text)'")
        }
        switch parts[0] {
        case "mm1": self = .mm1(requests: size)
        case "hold": self = .hold(pending: size)
        default: throw UsageError("--growth-row expects mm1:REQUESTS or hold:PENDING, found '\(text)'")
        }
    }

    /// The row as `--growth-row` names it.
    var argument: String {
        switch self {
        case .mm1(let requests): "mm1:\(requests)"
        case .hold(let pending): "hold:\(pending)"
        }
    }

    /// The prefix of the row's figures: `growth.mm1.<requests>` or `growth.hold.<pending>`.
    var key: String { "growth." + argument.replacing(":", with: ".") }

    /// Measures the row in this process; `mm1File` is the M/M/1 pipeline scenario.
    func measure(mm1File: String) throws -> BenchFigures {
        var figures = BenchFigures()
        switch self {
        case .mm1(let requests):
            let bench = try PipelineBenchmark.measure(mm1File) { scenario in
                let world = scenario.world
                let scale = Double(requests) / Double(world.expectedRequests)
                scenario.world.duration = .nanoseconds(Int64((Double(world.duration.nanoseconds) * scale).rounded()))
            }
            bench.record(into: &figures, prefix: key)
        case .hold(let pending):
            let (handled, seconds) = Stopwatch.time {
                var hold = HoldModel(seed: 1)
                return hold.run(pending: pending, operations: Self.holdOperations)
            }
            figures.record(key + ".operationsPerSecond", Double(handled) / seconds)
            figures.record(key + ".peakResidentBytes", Double(ProcessStatistics.peakResidentBytes))
        }
        return figures
    }

    /// Measures the row in a child process of this binary (`ripple bench --growth-row`).
    /// - Throws: `ReportedError` when the child fails or prints no figures.
    func measureInChild(mm1File: String) throws -> BenchFigures {
        let what = "bench --growth-row \(argument)"
        let data = try ChildProcess.output(of: ["bench", "--growth-row", argument, "--scenarios", mm1File], what: what)
        return try BenchFigures.parse(data, file: "the output of " + what)
    }
}
