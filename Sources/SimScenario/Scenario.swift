import SimChecks
import SimKernel
import SimMetrics
import SimModels

/// A validated scenario: the shared world and the architectures to compare in it.
public struct Scenario: Sendable {
    /// A short identifier, used as the report folder's name.
    public var name: String
    /// What the scenario shows and what to look for.
    public var description: String
    /// The world every architecture runs in: workload, services, network, faults, seed.
    public var world: WorldConfig
    /// The designs to compare, in the order the file lists them.
    public var architectures: [ArchitectureSpec]
    /// The fault schedule applied, one line per fault (service faults, then network faults).
    public private(set) var faultDescriptions: [String]
    /// What every run must show, one expectation per architecture, in file order.
    public var expectations: [Expectation]
    /// Random faults drawn from the seed, if the scenario asks for them.
    public let chaos: ChaosSpec?
    /// The bounds `--swarm` draws each seed's faults and arrival rate from, if the scenario states them.
    public let swarm: SwarmSpec?
    /// Whether runs use the swarm's draw for their seed (`--swarm`); setting it draws anew and
    /// sets the line limit for the swarm's largest draw.
    public var isSwarming = false {
        didSet {
            setSeed(world.seed)
            world.lineLimit = memoryEstimate.lineLimit(budget: memoryBudget)
        }
    }
    /// The memory budget the scenario was loaded under (`--memory-budget`): its runs' line
    /// limit is what the budget leaves after `memoryEstimate`.
    public internal(set) var memoryBudget = MemoryEstimate.defaultBudget
    /// The 64-bit FNV-1a hash of the file's bytes it was read from (`FNV1a64`), which
    /// `metrics.json` writes so a result can be traced to its input; `nil` for a scenario
    /// not read from a file as it stands, such as a sweep's edit of one.
    public var fileHash: UInt64?
    /// What the swarm drew for the current seed, while swarming.
    public private(set) var swarmDraw: SwarmSpec.Draw?
    /// The faults written in the file, before chaos adds its own.
    let writtenFaults: [FaultConfig]
    let writtenNetworkFaults: [NetworkFault]
    let writtenDescriptions: [String]
    let writtenArrivals: ArrivalProcess
    let serviceNames: [String]

    /// A scenario as read and validated: `faultDescriptions` has one line per fault of `world`
    /// (service faults, then network faults); the chaos schedule for the world's seed is drawn at once.
    public init(name: String, description: String, world: WorldConfig, architectures: [ArchitectureSpec],
                faultDescriptions: [String], expectations: [Expectation] = [], chaos: ChaosSpec? = nil, swarm: SwarmSpec? = nil) {
        self.name = name
        self.description = description
        self.world = world
        self.architectures = architectures
        self.faultDescriptions = faultDescriptions
        self.expectations = expectations
        self.chaos = chaos
        self.swarm = swarm
        writtenFaults = world.faults
        writtenNetworkFaults = world.networkFaults
        writtenDescriptions = faultDescriptions
        writtenArrivals = world.workload.arrivals
        serviceNames = world.services.map(\.name) + ["broker"]
        setSeed(world.seed)
    }

    /// What a run is estimated to hold in memory: while swarming, at the swarm's largest draw
    /// (`SwarmSpec.largestDraw`), so that the runs of every seed fit.
    public var memoryEstimate: MemoryEstimate {
        guard isSwarming, let swarm else { return MemoryEstimate(self) }
        var largest = self
        largest.world.apply(swarm.largestDraw, writtenArrivals: writtenArrivals)
        return MemoryEstimate(largest)
    }

    /// Runs the scenario with `seed`, drawing the chaos schedule (and, while swarming, the
    /// swarm's faults and rate) anew for it.
    public mutating func setSeed(_ seed: UInt64) {
        world.seed = seed
        let drawn = chaos?.schedule(seed: seed) ?? []
        world.faults = writtenFaults + drawn
        world.networkFaults = writtenNetworkFaults
        world.workload.arrivals = writtenArrivals
        var swarmServices: [String] = [], swarmNetwork: [String] = []
        swarmDraw = nil
        if isSwarming, let swarm {
            let draw = swarm.draw(seed: seed, written: world.faults)
            world.apply(draw, writtenArrivals: writtenArrivals)
            swarmServices = Array(draw.descriptions.prefix(draw.faults.count))
            swarmNetwork = Array(draw.descriptions.dropFirst(draw.faults.count))
            swarmDraw = draw
        }
        let networkDescriptions = writtenDescriptions.dropFirst(writtenFaults.count)
        faultDescriptions = Array(writtenDescriptions.prefix(writtenFaults.count))
            + drawn.map { "chaos: \(Scenario.describe($0, names: serviceNames))" } + swarmServices + networkDescriptions + swarmNetwork
    }

    /// A one-line description of a service fault, worded as a written fault's is: the kind,
    /// the target, what it does, and when (`slow email ×20 from 2 s to 5 s`).
    static func describe(_ fault: FaultConfig, names: [String]) -> String {
        let (kind, detail): (String, String)
        switch fault.kind {
        case .crash: (kind, detail) = ("crash", "")
        case .pause: (kind, detail) = ("pause", "")
        case .slow: (kind, detail) = ("slow", " (work replaced)")
        case .slowBy(let factor): (kind, detail) = ("slow", " ×\(Format.compact(factor))")
        case .errors(let p): (kind, detail) = ("errors", " (\(p) of requests)")
        case .hang(let p): (kind, detail) = ("errors", " (\(p) of requests never answered)")
        }
        let length = fault.end == .distantFuture ? nil : fault.end - fault.start
        return "\(kind) \(names[fault.service])\(detail) " + Format.window(from: fault.start.sinceStart, lasting: length)
    }
}

/// One architecture of a scenario.
public struct ArchitectureSpec: Sendable {
    /// The name the scenario gives it (`sync`, `events-outbox`, …).
    public var name: String
    /// The design and its settings.
    public var design: Design

    /// The two designs Ripple compares.
    public enum Design: Sendable {
        case sync(SyncConfig)
        case events(EventsConfig)

        /// `"sync"` or `"events"`.
        public var kind: String {
            switch self {
            case .sync: "sync"
            case .events: "events"
            }
        }

        /// The names the design's run measures under, in a world with `serviceNames` whose
        /// workload enters at `entry`.
        public func metricsLayout(serviceNames: [String], entry: Int) -> MetricsLayout {
            switch self {
            case .sync(let config): SyncModel.metricsLayout(serviceNames: serviceNames, config: config)
            case .events(let config): EventDrivenModel.metricsLayout(serviceNames: serviceNames, entry: entry, config: config)
            }
        }
    }

    /// An architecture named `name` running `design`.
    public init(name: String, design: Design) {
        self.name = name
        self.design = design
    }
}

extension WorldConfig {
    /// Adds `draw`'s faults to the world's, and runs its arrivals at its rate, if it drew one:
    /// `constant` arrivals (as `written`) stay evenly spaced at it, every other process becomes
    /// Poisson arrivals at it (a drawn rate is a steady one).
    mutating func apply(_ draw: SwarmSpec.Draw, writtenArrivals written: ArrivalProcess) {
        faults += draw.faults
        networkFaults += draw.networkFaults
        guard let rate = draw.rate else { return }
        switch written {
        case .constant: workload.arrivals = .constant(rate)
        case .poisson, .ramp, .bursts, .daily: workload.arrivals = .poisson(rate)
        }
    }
}
