import SimKernel

/// Everything both architectures share in one experiment: the workload, the services, the
/// network and the fault schedule. Each architecture run builds its own model from this
/// and the same seed, so the runs differ only in the architecture.
public struct WorldConfig: Sendable {
    /// The run's master seed; every random stream is derived from it by name.
    public var seed: UInt64
    /// How long requests keep arriving.
    public var duration: TimeSpan
    /// How long the run goes on after arrivals stop, so backlogs can drain.
    public var drain: TimeSpan
    /// The requests that arrive.
    public var workload: WorkloadConfig
    /// The services, in the order the scenario lists them; models refer to them by index.
    public var services: [ServiceConfig]
    /// Latency between any two nodes.
    public var network: NetworkConfig
    /// Faults on services (and the broker), applied identically to every architecture.
    public var faults: [FaultConfig]
    /// Faults on the network, applied identically to every architecture.
    public var networkFaults: [NetworkFault]
    /// The interval of the time series.
    public var sampleInterval: TimeSpan
    /// A limit on the number of events one architecture run may handle.
    public var eventBudget: Int
    /// The most requests one service's waiting line, or events the broker holds for one topic,
    /// may reach before the run stops (a line without a `queue` limit, or a topic whose
    /// consumers fall behind, grows with the backlog, and with it the memory).
    public var lineLimit = WorldConfig.defaultLineLimit
    /// How many requests are traced (spans and messages), spread over the run.
    public var traceLimit: Int = 100
    /// The start of the run whose figures are dropped (latency, staleness, worker time), or `nil`.
    public var warmup: Warmup?

    /// The events one architecture's run may handle before it stops: a limit on runaway models
    /// and on runs too long to finish (see docs/limits.md).
    public static let defaultEventBudget = 2_000_000_000

    /// The requests a service's waiting line may hold before the run stops: about two gigabytes
    /// of waiting requests (see docs/limits.md).
    public static let defaultLineLimit = 10_000_000

    public init(seed: UInt64, duration: TimeSpan, drain: TimeSpan, workload: WorkloadConfig,
                services: [ServiceConfig], network: NetworkConfig = NetworkConfig(), faults: [FaultConfig] = [],
                networkFaults: [NetworkFault] = [], sampleInterval: TimeSpan = .seconds(1), eventBudget: Int = WorldConfig.defaultEventBudget) {
        self.seed = seed
        self.duration = duration
        self.drain = drain
        self.workload = workload
        self.services = services
        self.network = network
        self.faults = faults
        self.networkFaults = networkFaults
        self.sampleInterval = sampleInterval
        self.eventBudget = eventBudget
    }

    /// The node number of the broker: nodes are the services, then the broker.
    public var brokerNode: Int { services.count }

    /// The index of the service named `name`.
    public func serviceIndex(_ name: String) -> Int? { services.firstIndex { $0.name == name } }

    /// About how many requests arrive (for spreading the traced sample over the run).
    public var expectedRequests: Int { Int(workload.arrivals.meanRate(over: duration) * duration.seconds) }

    /// How often a run with progress reporting stops to report: a hundredth of the run.
    public var progressInterval: TimeSpan { .nanoseconds(Swift.max(1, (duration + drain).nanoseconds / 100)) }

    /// The instant the run ends: arrivals stop at `duration`, the drain follows.
    public var end: Instant { Instant.zero + duration + drain }
}

/// How requests arrive at the entry service and which entity each one changes.
public struct WorkloadConfig: Sendable {
    /// The service that receives user requests.
    public var entry: Int
    /// The arrival process.
    public var arrivals: ArrivalProcess
    /// How many distinct entities (accounts, orders, links) requests touch.
    public var keyCount: Int
    /// How requests spread over entities.
    public var keySkew: KeySkew

    /// How the users wait and retry, or `nil` for users who wait for ever and never retry.
    public var client: ClientPolicy?

    public init(entry: Int, arrivals: ArrivalProcess, keyCount: Int = 10_000, keySkew: KeySkew = .uniform) {
        self.entry = entry
        self.arrivals = arrivals
        self.keyCount = keyCount
        self.keySkew = keySkew
    }
}

/// When requests arrive.
public enum ArrivalProcess: Sendable, Equatable {
    /// Exponential gaps with the given mean rate.
    case poisson(Rate)
    /// Evenly spaced arrivals.
    case constant(Rate)
    /// Poisson arrivals whose rate moves linearly from `from` to `to` over `over`, then stays.
    case ramp(from: Rate, to: Rate, over: TimeSpan)
    /// Poisson arrivals at `base`, rising to `peak` for `lasting` at the start of every `every`.
    case bursts(base: Rate, peak: Rate, every: TimeSpan, lasting: TimeSpan)
    /// Poisson arrivals whose rate follows a daily wave: `mean × (1 + amplitude × cos(2π(t − peakAt)/period))`.
    case daily(mean: Rate, amplitude: Double, period: TimeSpan, peakAt: TimeSpan)
}

/// How keys are drawn.
public enum KeySkew: Sendable, Equatable {
    /// Every key equally likely.
    case uniform
    /// Key of rank r drawn with weight 1/r^s (a few hot entities).
    case zipf(exponent: Double)
}

/// One service: its worker pool, its waiting line and the time its own work takes.
public struct ServiceConfig: Sendable {
    /// The service's name, as the scenario gives it.
    public var name: String
    /// Workers (threads or connections) that can each serve one request at a time.
    public var workers: Int
    /// How many requests may wait for a worker; `nil` for no limit. A full line rejects.
    public var queueCapacity: Int?
    /// The time the service's own part of a request takes.
    public var work: Distribution

    public init(name: String, workers: Int, queueCapacity: Int? = nil, work: Distribution) {
        self.name = name
        self.workers = workers
        self.queueCapacity = queueCapacity
        self.work = work
    }
}

extension ArrivalProcess {
    /// The lowest rate the process takes at any time, in requests per second: at least this
    /// many arrive per second on average.
    public var lowestRatePerSecond: Double {
        switch self {
        case .poisson(let rate), .constant(let rate): rate.eventsPerSecond
        case .ramp(let from, let to, _): Swift.min(from.eventsPerSecond, to.eventsPerSecond)
        case .bursts(let base, let peak, _, _): Swift.min(base.eventsPerSecond, peak.eventsPerSecond)
        case .daily(let mean, let amplitude, _, _): mean.eventsPerSecond * Swift.max(0, 1 - amplitude)
        }
    }
}
