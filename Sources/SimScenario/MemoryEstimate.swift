import SimKernel
import SimMetrics
import SimModels

/// The memory a scenario's run holds at its largest, estimated from the file before anything
/// runs: what grows with the keys, the effect targets, the services, the length of the run
/// and the traced requests, architecture by architecture (a run keeps every architecture's
/// figures until its reports are written). Requests waiting in lines are bounded apart, by
/// the line limit (`WorldConfig.lineLimit`).
public struct MemoryEstimate: Sendable {
    /// The budget a scenario's estimate must stay within unless raised (`--memory-budget`): 2 GiB.
    public static let defaultBudget: Int64 = 2 << 30

    /// One thing that takes memory, with what drives it and how to make it smaller.
    public struct Part: Sendable {
        /// Bytes, estimated.
        public var bytes: Double
        /// The JSON path of the field that drives it.
        public var path: String
        /// What it is and what drives it, such as `the consistency ledger of "events": 10000000 keys × 64 effect targets × 16 bytes`.
        public var driver: String
        /// How to make it smaller, such as `lower workload.keys.count`.
        public var remedy: String
    }

    /// Every part, in the order of the architectures.
    public let parts: [Part]

    /// The whole estimate, in bytes.
    public var bytes: Double { parts.reduce(0) { $0 + $1.bytes } }

    /// The part that takes the most memory.
    public var largest: Part? { parts.max { $0.bytes < $1.bytes } }

    /// The estimate for `scenario`'s run.
    /// - Complexity: O(a × s) for a architectures and s services.
    public init(_ scenario: Scenario) {
        parts = scenario.architectures.flatMap { Self.parts(of: $0, in: scenario.world) }
    }

    // Costs of one item, from the types that hold them.
    static let histogramBytes = Double(Histogram.storageBytes)
    static let ledgerCellBytes = Double(ConsistencyLedger.bytesPerCell)
    /// A declared service in one architecture: its metrics, pool, random streams and name.
    static let serviceBytes = 512.0
    /// What a service at work adds to the reports as they are built (its rows, figures and
    /// lifeline), measured on a fan-out of 10 000 services.
    static let reportBytes = 256.0 * 1024
    /// A time-series row without its gauges, with its array's header.
    static let rowBytes = Double(MemoryLayout<TimeSeriesRow>.stride + 32)
    /// A traced span or message.
    static let traceRecordBytes = Double(MemoryLayout<TraceMessage>.stride)

    static func parts(of architecture: ArchitectureSpec, in world: WorldConfig) -> [Part] {
        let name = "\"\(architecture.name)\""
        let path = "architectures." + architecture.name
        let keys = Double(world.workload.keyCount)
        let services = Double(world.services.count)
        let rows = Double(ScenarioReader.samples(over: world.duration + world.drain, every: world.sampleInterval))
        let traced = Double(Swift.min(world.traceLimit, Swift.max(1, world.expectedRequests)))
        let targets: Int, used: Int, gauges: Int, keyArrays: Int
        switch architecture.design {
        case .sync(let config):
            targets = config.graph.nodes.count - 1
            used = config.graph.nodes.count
            gauges = 2 * world.services.count + (config.breaker == nil ? 0 : targets)
            keyArrays = 0
        case .events(let config):
            targets = config.consumers.count
            used = 1 + config.consumers.count
            gauges = 3 + 2 * config.consumers.count
            keyArrays = 1 + config.consumers.filter(\.isIdempotent).count  // key → partition, and each idempotent consumer's versions
        }
        let n = Double(targets)
        return [
            Part(bytes: keys * n * ledgerCellBytes + keys * Double(4 + 4 * keyArrays), path: "workload.keys.count",
                 driver: "the consistency ledger of \(name): \(world.workload.keyCount) keys × \(targets) effect target\(targets == 1 ? "" : "s") × \(Int(ledgerCellBytes)) bytes",
                 remedy: "lower workload.keys.count or the effect targets of \(name)"),
            Part(bytes: Double(used) * (2 * histogramBytes + reportBytes) + Double(2 * targets) * histogramBytes, path: path,
                 driver: "the figures and reports of \(name): \(used) services at work and \(targets) effect targets",
                 remedy: "call fewer services in \(name)"),
            Part(bytes: services * serviceBytes, path: "services",
                 driver: "\(world.services.count) services declared, each with its state and figures in \(name)",
                 remedy: "declare fewer services (remove those no architecture calls)"),
            Part(bytes: rows * (rowBytes + 8 * Double(gauges)), path: "sampleEvery",
                 driver: "the time series of \(name): \(Int(rows)) rows × \(gauges) gauges",
                 remedy: "sample less often (sampleEvery) or shorten the run"),
            Part(bytes: traced * Double(used) * 5 * traceRecordBytes, path: path,
                 driver: "the trace of \(name): \(Int(traced)) requests × \(used) services",
                 remedy: "call fewer services in \(name)"),
        ]
    }

    /// `bytes` for people: `"10.3 GiB"`, `"512 MiB"`.
    public static func text(_ bytes: Double) -> String {
        bytes >= Double(1 << 30) ? Format.compact(bytes / Double(1 << 30)) + " GiB" : Format.compact(Swift.max(bytes, 0) / Double(1 << 20)) + " MiB"
    }

    /// The smallest whole number of GiB at or above `bytes`, as `--memory-budget` takes it.
    static func budgetText(_ bytes: Double) -> String { String(Int((bytes / Double(1 << 30)).rounded(.up))) + "GiB" }

    /// Why the run is refused under `budget` bytes, or `nil` when the estimate fits.
    public func refusal(budget: Int64) -> (path: String, message: String)? {
        guard bytes > Double(budget), let largest else { return nil }
        return (largest.path, "the run would hold about \(Self.text(bytes)) in memory, more than the budget of \(Self.text(Double(budget))); "
                + "most of it is \(largest.driver) (\(Self.text(largest.bytes))): \(largest.remedy), "
                + "or raise the budget with --memory-budget \(Self.budgetText(bytes))")
    }
}
