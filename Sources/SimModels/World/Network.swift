import SimKernel

/// The network between nodes (services and the broker): a latency per message and, while a
/// network fault is in force, drops, duplicates, extra delays and partitions.
public struct NetworkConfig: Sendable {
    /// One-way latency of every message, unless a link override says otherwise.
    public var latency: Distribution
    /// Latencies for particular links, the first match winning.
    public var links: [LinkLatency]

    public init(latency: Distribution = .constant(500_000), links: [LinkLatency] = []) {
        self.latency = latency
        self.links = links
    }
}

/// A latency for the messages from `from` to `to` (`nil` matches any node).
public struct LinkLatency: Sendable {
    public var from: Int?
    public var to: Int?
    public var latency: Distribution

    public init(from: Int?, to: Int?, latency: Distribution) {
        self.from = from
        self.to = to
        self.latency = latency
    }
}

/// A fault on the network for a window of time.
public struct NetworkFault: Sendable {
    /// Which messages it touches.
    public var scope: Scope
    /// The chance a message is lost.
    public var drop: Probability
    /// The chance a message arrives twice.
    public var duplicate: Probability
    /// The chance a message is held back by `reorderDelay`, so later ones overtake it.
    public var reorder: Probability
    /// The extra delay of a reordered message.
    public var reorderDelay: TimeSpan
    /// Extra latency added to every message in scope.
    public var extraLatency: TimeSpan
    /// For a partition: hold messages and release them when it heals, instead of dropping them.
    public var holdsUntilHeal: Bool
    public var start: Instant
    public var end: Instant

    /// The messages a network fault touches.
    public enum Scope: Sendable, Equatable {
        /// Messages from `from` to `to` (`nil`: any node), and back too when `bothWays`.
        case links(from: Int?, to: Int?, bothWays: Bool)
        /// Messages from a node in `side` to a node outside it (and back unless `oneWay`).
        case partition(side: [Int], oneWay: Bool)

        func contains(from a: Int, to b: Int) -> Bool {
            switch self {
            case .links(let from, let to, let bothWays):
                let forward = (from == nil || from == a) && (to == nil || to == b)
                let backward = bothWays && (from == nil || from == b) && (to == nil || to == a)
                return forward || backward
            case .partition(let side, let oneWay):
                let aIn = side.contains(a), bIn = side.contains(b)
                return (aIn && !bIn) || (!oneWay && bIn && !aIn)
            }
        }
    }

    public init(scope: Scope, drop: Probability = .never, duplicate: Probability = .never, reorder: Probability = .never,
                reorderDelay: TimeSpan = .milliseconds(50), extraLatency: TimeSpan = .zero, holdsUntilHeal: Bool = false,
                start: Instant, end: Instant) {
        self.scope = scope
        self.drop = drop
        self.duplicate = duplicate
        self.reorder = reorder
        self.reorderDelay = reorderDelay
        self.extraLatency = extraLatency
        self.holdsUntilHeal = holdsUntilHeal
        self.start = start
        self.end = end
    }
}

/// What happened to one message on the network.
public enum Transmission: Sendable, Equatable {
    /// It is lost.
    case dropped
    /// It arrives after `delay`.
    case delivered(TimeSpan)
    /// It arrives twice: after `first`, and again after `second`.
    case duplicated(first: TimeSpan, second: TimeSpan)
}

/// Decides each message's fate: latency from the link's distribution, then any network
/// fault in force on that link at that moment. One stream per model keeps the draws
/// reproducible; with no network fault the cost is one latency draw.
///
/// Each from → to link delivers in order, as one TCP connection does: a message arrives no
/// earlier than the one sent before it on the same link, however the latency draws fall.
/// Only a `reorder` fault breaks that order: it holds one message back and lets later ones
/// overtake it. Lost messages, and the second copy of a duplicated one, do not hold up the
/// link.
public struct Network: Sendable {
    let config: NetworkConfig
    let faults: [NetworkFault]
    var latencyRandom: RandomStream
    var faultRandom: RandomStream
    /// Per link (`from * nodes + to`), when its latest message in order arrives (`nobody`
    /// before its first). The table grows to the highest node that has sent or received.
    var lastArrival: [Instant] = []
    /// The nodes `lastArrival` has room for.
    var nodes = 0
    /// The last arrival of a link no message has crossed yet: earlier than any arrival.
    static let nobody = Instant(nanoseconds: .min)

    public init(_ config: NetworkConfig, faults: [NetworkFault], seed: UInt64, name: String) {
        self.config = config
        self.faults = faults
        latencyRandom = RandomStream(seed: seed, name: name + "/latency")
        faultRandom = RandomStream(seed: seed, name: name + "/faults")
    }

    /// The fate of a message from node `from` to node `to` sent at `now`.
    public mutating func transmit(from: Int, to: Int, at now: Instant) -> Transmission {
        var delay = TimeSpan(nanoseconds: sampleLatency(from: from, to: to))
        var heldBack = TimeSpan.zero
        var duplicated = false
        for fault in faults where now >= fault.start && now < fault.end && fault.scope.contains(from: from, to: to) {
            if case .partition = fault.scope {
                guard fault.holdsUntilHeal else { return .dropped }
                delay = Swift.max(delay, fault.end - now + delay)
                continue
            }
            if faultRandom.chance(fault.drop) { return .dropped }
            delay += fault.extraLatency
            if faultRandom.chance(fault.reorder) { heldBack += fault.reorderDelay }
            if faultRandom.chance(fault.duplicate) { duplicated = true }
        }
        delay = inOrder(from: from, to: to, arrivingAt: now + delay) - now + heldBack
        return duplicated ? .duplicated(first: delay, second: delay + delay) : .delivered(delay)
    }

    /// When a message on from → to that would arrive at `arrival` arrives in order: not
    /// before the link's previous message.
    mutating func inOrder(from: Int, to: Int, arrivingAt arrival: Instant) -> Instant {
        if from >= nodes || to >= nodes { makeRoom(forNodes: Swift.max(from, to) + 1) }
        return Self.keepLatest(arrival, in: &lastArrival[from * nodes + to])
    }

    /// Widens `lastArrival` to `count` nodes, keeping every link's last arrival.
    /// - Complexity: O(count²), once per new highest node.
    mutating func makeRoom(forNodes count: Int) {
        var wider = [Instant](repeating: Self.nobody, count: count * count)
        for from in 0..<nodes {
            for to in 0..<nodes { wider[from * count + to] = lastArrival[from * nodes + to] }
        }
        (lastArrival, nodes) = (wider, count)
    }

    /// Moves `last` up to `arrival` if it is earlier, and returns it.
    static func keepLatest(_ arrival: Instant, in last: inout Instant) -> Instant {
        last = Swift.max(last, arrival)
        return last
    }

    /// A latency draw, in nanoseconds, from the distribution of the link from → to: sampled
    /// where it is stored (copying a distribution out would retain it, once per message).
    mutating func sampleLatency(from: Int, to: Int) -> Int64 {
        for k in config.links.indices
        where (config.links[k].from == nil || config.links[k].from == from) && (config.links[k].to == nil || config.links[k].to == to) {
            return config.links[k].latency.sample(&latencyRandom)
        }
        return config.latency.sample(&latencyRandom)
    }
}

extension Transmission {
    /// Calls `body` with the delay of each copy that arrives: none, one or two (no allocation).
    @inlinable public func forEachDelay(_ body: (TimeSpan) -> Void) {
        switch self {
        case .dropped: break
        case .delivered(let delay): body(delay)
        case .duplicated(let first, let second): body(first); body(second)
        }
    }
}
