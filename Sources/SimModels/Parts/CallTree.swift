import SimKernel

/// A part: services answering calls along a call graph. Each node's service does its own
/// work with its workers and line, under the faults in force, then runs its steps, calling
/// the nodes below it and waiting for their answers, under each edge's timeout, retries,
/// breaker, bulkhead and retry budget.
///
/// A design holds one `CallTree` and nests its `Event` in its own; the lifecycle is written
/// once, in `Calling`, for every design that calls services.
public struct CallTree: ~Copyable {
    /// What can happen to a call or a job.
    public enum Event: Sendable {
        /// A call reaches the service of `job`.
        case deliver(job: Int32, generation: UInt32)
        /// The service of `job` finishes its own work.
        case workDone(job: Int32, generation: UInt32)
        /// The callee's answer to attempt `attempt` of `call` reaches the caller.
        case reply(call: Int32, generation: UInt32, attempt: UInt16, outcome: CallOutcome)
        /// Attempt `attempt` of `call` has waited too long.
        case timeout(call: Int32, generation: UInt32, attempt: UInt16)
        /// `call`'s backoff is over: try again.
        case retry(call: Int32, generation: UInt32)
    }

    let graph: CallGraph
    /// Per node: its caller (`CallGraph.callers`), or `nil` for a root.
    let callers: [Int?]
    /// Per node: its steps, as in `graph`, kept apart so that reading them copies no whole node.
    let steps: [[[Int]]]
    /// Per node: whether it publishes after its steps (see `CallNode.publish`).
    let publishes: [Bool]
    /// Per node: the policy of the call into it.
    let policies: [CallPolicy]
    /// Per node: the effect target its work applies, or −1 (a root).
    let targets: [Int]
    /// Per node: whether it is the first called node (in node order) at its service, whose
    /// first visits draw as the same service does in every design (see `Visit`).
    let isPrimary: [Bool]
    /// Per service: its workers and line.
    var pools: FixedArray<ServicePool>
    var jobs = SlotTable<CallJob>()
    var calls = SlotTable<PendingCall>()
    var requests = SlotTable<RequestState>()
    /// Per node (callee): the breaker, bulkhead count and retry budget of the edge into it.
    var edges: [CallEdge]
    /// Per node: the index of the record its calls count in (`metrics.edges`, see `CallEdges`),
    /// or −1 for a root.
    let edgeRecord: [Int]
    /// What acts on each service's work: its work time and the faults that strike it.
    let stations: Stations
    /// Per service: the work of its roots' first attempts, drawn ahead while its requests come
    /// in order.
    var workAhead: FixedArray<WorkDrawnAhead>
    var backoffRandom: RandomStream

    /// The calls of `graph` in `world`, each edge under its node's policy or `defaultPolicy`;
    /// node `n` applies its effect to target `targets[n]` (−1 for none). Retry waits are drawn
    /// from the stream `backoffStream`. A call to one of `consumed` (services whose consumers
    /// make their first visits) is never primary.
    init(graph: CallGraph, defaultPolicy: CallPolicy, targets: [Int], world: WorldConfig, backoffStream: String, consumed: Set<Int> = []) {
        precondition(targets.count == graph.nodes.count, "a target per node")
        self.graph = graph
        callers = graph.callers
        steps = graph.nodes.map(\.steps)
        publishes = graph.nodes.map { $0.publish != nil }
        policies = graph.nodes.map { $0.policy ?? defaultPolicy }
        self.targets = targets
        isPrimary = Self.primaryNodes(graph, consumed: consumed)
        pools = FixedArray(count: world.services.count) { ServicePool(workers: world.services[$0].workers, capacity: world.services[$0].queueCapacity) }
        edges = policies.map(CallEdge.init)
        edgeRecord = CallEdges(graph).edgeOfNode
        stations = Stations(world: world)
        workAhead = FixedArray(count: world.services.count) { _ in WorkDrawnAhead() }
        backoffRandom = RandomStream(seed: world.seed, name: backoffStream)
    }

    // The queries below run on every event. A design reaches its tree through `Calling`'s
    // `calling` accessor, which borrows the whole tree out of line to call one that is not
    // inlined; inlined, they read only the fields they need.

    /// The service of `job`'s node.
    @inline(__always) func service(of job: Int32) -> Int { Int(jobs[job].service) }

    /// The service whose progress `event` is, if any (for pauses).
    func service(handling event: Event) -> Int? {
        switch event {
        case .deliver(let job, let generation), .workDone(let job, let generation):
            return jobs.isLive(job, generation) ? service(of: job) : nil
        case .reply(let call, let generation, _, _), .timeout(let call, let generation, _), .retry(let call, let generation):
            return calls.isLive(call, generation) && jobs.isLive(calls[call].job, calls[call].jobGeneration) ? service(of: calls[call].job) : nil
        }
    }

    /// Nanoseconds of work for `request` at `service` on the visit `visit`, starting at `now`
    /// under `faults`: `stations`' draw, taken from the batch drawn ahead when it is a root's
    /// first attempt (numbered 0) under no fault. Every request reaches its entry in the order
    /// of the ids; a call's first attempts (numbered 1) reach the callee in the order their
    /// callers finish, and drawn ahead they measured no faster (BENCHMARKS.md).
    @inline(__always) mutating func workTime(of service: Int, request: UInt64, visit: Visit, at now: Instant, faults: FaultBook) -> Int64 {
        guard visit.isFirst, visit.word == RequestDraws.attemptWord(0), faults.isClear(service) else {
            return stations.workTime(of: service, request: request, visit: visit, at: now, faults: faults)
        }
        return workAhead[service].work(of: request, attempt: 0, from: stations.normalWork[service], draws: stations.workDraws[service])
    }

    /// Per node of `graph`: whether it is called (not a root), no called node before it is
    /// at the same service, and neither a root nor a consumer (`consumed`) is at its service:
    /// a root's own attempts number from 0, so its retry would share a call's attempt word.
    static func primaryNodes(_ graph: CallGraph, consumed: Set<Int> = []) -> [Bool] {
        var called = Set<Int>()
        for node in graph.nodes { for step in node.steps { called.formUnion(step) } }
        var seen = consumed.union(graph.nodes.indices.filter { !called.contains($0) }.map { graph.nodes[$0].service })
        return graph.nodes.indices.map { node in called.contains(node) && seen.insert(graph.nodes[node].service).inserted }
    }

    /// Whether `call` was made by a job at `service` that a crash of `service` loses.
    func isHeldByCrashed(_ call: Int32, _ service: Int) -> Bool {
        let job = calls[call].job
        return jobs.isLive(job, calls[call].jobGeneration) && jobs[job].phase != .arriving && self.service(of: job) == service
    }

    /// The breakers of the edges into non-root nodes, in node order, for those that have one.
    var breakers: [CircuitBreaker] { edges.indices.compactMap { targets[$0] >= 0 ? edges[$0].breaker : nil } }
}
