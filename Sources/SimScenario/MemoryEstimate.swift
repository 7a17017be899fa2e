import SimKernel
import SimMetrics
import SimModels

/// The memory a scenario's run holds at its largest, estimated from the file before anything
/// runs: what grows with the keys, the effect targets, the services, the length of the run
/// and the traced requests, architecture by architecture (a run keeps every architecture's
/// figures until its reports are written), and the messages in flight on the network. Requests
/// waiting in lines and events held in a topic's backlog are bounded apart, by the line limit
/// the rest of the budget leaves (`lineLimit(budget:)`).
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

    /// How many architectures the scenario runs: each may hold a line up to the line limit.
    public let architectures: Int

    /// The whole estimate, in bytes.
    public var bytes: Double { parts.reduce(0) { $0 + $1.bytes } }

    /// The part that takes the most memory.
    public var largest: Part? { parts.max { $0.bytes < $1.bytes } }

    /// The estimate for `scenario`'s run.
    /// - Complexity: O(a × s) for a architectures and s services.
    public init(_ scenario: Scenario) {
        parts = scenario.architectures.flatMap { Self.parts(of: $0, in: scenario.world) }
        architectures = scenario.architectures.count
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
    /// What one gauge of one time-series row adds to the reports as they are written: its cell
    /// in `timeseries.csv`, with the copies a text holds while it is built (a chart draws at
    /// most `RunCharts.pointLimit` rows, however long the run). Peak memory grew by 14.5 bytes
    /// a gauge a row beyond the sample itself on 100 000 more rows of 52 and 53 gauges in two
    /// architectures (10.7 with five-digit lags); 20 leaves a margin.
    static let reportBytesPerGaugeSample = 20.0
    /// A traced span or message.
    static let traceRecordBytes = Double(MemoryLayout<TraceMessage>.stride)
    /// A request waiting in a line, an event held in a topic's backlog or a message in flight,
    /// with the records of the request it belongs to: 250 bytes, counted twice because a buffer
    /// that doubles holds its old and new copies at once. Measured: one server at 1 ms against a
    /// million requests a second peaks at 2.60 GB when its line passes ten million (260 bytes a
    /// waiting request, growth included) and at 1.32 GB at the 4 293 163 of a 2 GiB budget.
    public static let pendingItemBytes = 2 * 250.0

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
            Part(bytes: rows * (rowBytes + (8 + reportBytesPerGaugeSample) * Double(gauges)), path: "sampleEvery",
                 driver: "the time series of \(name): \(Int(rows)) rows × \(gauges) gauges",
                 remedy: "sample less often (sampleEvery) or shorten the run"),
            Part(bytes: traced * Double(used) * 5 * traceRecordBytes, path: path,
                 driver: "the trace of \(name): \(Int(traced)) requests × \(used) services",
                 remedy: "call fewer services in \(name)"),
            inFlight(used: used, in: world, name: name),
        ]
    }

    /// The messages on the network at once in an architecture with `used` services at work:
    /// by Little's law, the peak arrival rate × the longest mean latency a message can meet
    /// (a link's, with a network fault's delay, or a held partition's length; at most the
    /// arrivals' `duration`) × two messages per service at work (a call or delivery and its
    /// reply or acknowledgement), each `pendingItemBytes`.
    static func inFlight(used: Int, in world: WorldConfig, name: String) -> Part {
        let latencies = [world.network.latency] + world.network.links.map(\.latency)
        let linkSeconds = latencies.map { ($0.mean ?? Double(Distribution.sampleCeiling)) / 1e9 }.max() ?? 0
        let faultSeconds = world.networkFaults.map { fault in
            fault.holdsUntilHeal ? (fault.end - fault.start).seconds : fault.extraLatency.seconds + (fault.reorder.numerator == 0 ? 0 : fault.reorderDelay.seconds)
        }.max() ?? 0
        let seconds = Swift.min(linkSeconds + faultSeconds, world.duration.seconds)
        let rate = world.workload.arrivals.peakRate
        let messages = rate * seconds * Double(2 * used)
        return Part(bytes: messages * pendingItemBytes, path: faultSeconds > linkSeconds ? "faults" : "network",
                    driver: "the messages in flight in \(name): \(Format.compact(rate)) requests/s × \(Format.duration(nanoseconds: seconds * 1e9)) on the network × \(2 * used) messages each × \(Int(pendingItemBytes)) bytes",
                    remedy: "lower the network latency, its faults' delays or the arrival rate")
    }

    /// The most requests one line, or events one topic's backlog, may hold in a run under
    /// `budget` bytes: what the budget leaves after the estimate, shared by the architectures
    /// (each keeps its stopped line until the reports are written), at `pendingItemBytes` an
    /// item, and at most `WorldConfig.defaultLineLimit`; at least 1.
    public func lineLimit(budget: Int64) -> Int {
        let left = Swift.max(0, Double(budget) - bytes) / Double(Swift.max(1, architectures))
        return Int(Swift.max(1, Swift.min(Double(WorldConfig.defaultLineLimit), (left / Self.pendingItemBytes).rounded(.down))))
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
