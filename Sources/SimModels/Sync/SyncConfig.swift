import SimKernel

/// The synchronous design: the entry calls downstream services and waits; each of them
/// may call others and wait in turn. Callers hold their worker until every answer is back.
public struct SyncConfig: Sendable {
    /// The call tree, entry first (node 0).
    public var graph: CallGraph
    /// How long a caller waits for one attempt of a call.
    public var timeout: TimeSpan
    /// What a caller does when an attempt fails or times out.
    public var retries: RetryPolicy
    /// A circuit breaker on every caller → callee edge, or `nil` for none.
    public var breaker: BreakerPolicy?
    /// The most calls one caller service may have in flight to one callee (a bulkhead), or `nil`.
    public var bulkhead: Int?
    /// Retries allowed as a fraction of calls on each edge (a retry budget), or `nil` for no budget.
    public var retryBudget: Double?

    /// A synchronous design calling along `graph`; unless given, it makes no retries and has no
    /// breakers, bulkheads or retry budget.
    public init(graph: CallGraph, timeout: TimeSpan, retries: RetryPolicy = RetryPolicy(),
                breaker: BreakerPolicy? = nil, bulkhead: Int? = nil, retryBudget: Double? = nil) {
        self.graph = graph
        self.timeout = timeout
        self.retries = retries
        self.breaker = breaker
        self.bulkhead = bulkhead
        self.retryBudget = retryBudget
    }

    /// A plain chain: each service calls the next.
    public init(chain: [Int], timeout: TimeSpan, retries: RetryPolicy = RetryPolicy()) {
        self.init(graph: .chain(chain), timeout: timeout, retries: retries)
    }
}

/// Who calls whom: a tree of nodes, each a service that, after its own work, runs its steps
/// in order; a step calls one or more nodes at once and waits for all of them.
public struct CallGraph: Sendable, Equatable {
    /// The nodes; node 0 is the entry. A service may appear at most once.
    public var nodes: [CallNode]

    /// A call tree of `nodes`, entry first; steps name nodes by their index in this array.
    public init(nodes: [CallNode]) { self.nodes = nodes }

    /// `services[0]` calls `services[1]`, which calls `services[2]`, and so on.
    public static func chain(_ services: [Int]) -> CallGraph {
        CallGraph(nodes: services.enumerated().map { i, service in
            CallNode(service: service, steps: i + 1 < services.count ? [[i + 1]] : [])
        })
    }

    /// The downstream nodes, in node order: the targets of the entry's side effects.
    public var downstream: ArraySlice<CallNode> { nodes.dropFirst() }

    /// The node whose steps call `node`; `nil` for the entry.
    /// - Complexity: O(nodes × steps).
    public func caller(of node: Int) -> Int? {
        nodes.indices.first { nodes[$0].steps.contains { $0.contains(node) } }
    }
}

/// One service in the call tree.
public struct CallNode: Sendable, Equatable {
    /// The service.
    public var service: Int
    /// Whether a failure of the call into this node fails its caller (`false`: best effort).
    public var isRequired: Bool
    /// Steps run in order after the node's own work; each lists nodes called in parallel.
    public var steps: [[Int]]

    /// A node for service `service` that runs `steps` after its own work; required unless
    /// `isRequired` is `false`.
    public init(service: Int, isRequired: Bool = true, steps: [[Int]] = []) {
        self.service = service
        self.isRequired = isRequired
        self.steps = steps
    }
}

/// Retries with backoff and jitter, as in the AWS Architecture Blog's "Exponential Backoff
/// and Jitter": the n-th retry waits about `base × 2^(n−1)`, capped, with some randomness.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included; 1 means no retry.
    public var attempts: Int
    /// How the wait grows.
    public var backoff: Backoff
    /// The wait before the first retry.
    public var base: TimeSpan
    /// The longest wait.
    public var cap: TimeSpan
    /// How the wait is randomised.
    public var jitter: Jitter

    /// A policy of `attempts` attempts in all: by default a single attempt, and when retries are
    /// allowed, exponential backoff from 50 ms capped at 10 s with full jitter.
    public init(attempts: Int = 1, backoff: Backoff = .exponential, base: TimeSpan = .milliseconds(50),
                cap: TimeSpan = .seconds(10), jitter: Jitter = .full) {
        self.attempts = attempts
        self.backoff = backoff
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// How the wait between attempts grows.
    public enum Backoff: String, Sendable, CaseIterable { case constant, exponential }
    /// How the wait is randomised.
    public enum Jitter: String, Sendable, CaseIterable { case none, full, equal, decorrelated }

    /// The wait before retry number `retry` (1 for the first retry), given the previous wait
    /// (for decorrelated jitter), drawing from `random`.
    public func delay(retry: Int, previous: TimeSpan, random: inout RandomStream) -> TimeSpan {
        let growth: Int64 = backoff == .constant ? 1 : Int64(1) << Int64(Swift.min(retry - 1, 40))
        let (raw, overflow) = base.nanoseconds.multipliedReportingOverflow(by: growth)
        let ceiling = overflow ? cap.nanoseconds : Swift.min(raw, cap.nanoseconds)
        func uniform(_ low: Int64, _ high: Int64) -> Int64 {
            high <= low ? low : low + Int64(random.next(below: UInt64(high - low) + 1))
        }
        switch jitter {
        case .none: return .nanoseconds(ceiling)
        case .full: return .nanoseconds(uniform(0, ceiling))
        case .equal: return .nanoseconds(ceiling / 2 + uniform(0, ceiling - ceiling / 2))
        case .decorrelated:
            let previousWait = Swift.max(previous.nanoseconds, base.nanoseconds)
            let (tripled, over) = previousWait.multipliedReportingOverflow(by: 3)
            return .nanoseconds(Swift.min(cap.nanoseconds, uniform(base.nanoseconds, over ? cap.nanoseconds : tripled)))
        }
    }
}
