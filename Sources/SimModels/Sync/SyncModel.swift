import SimKernel
import SimMetrics

/// The synchronous design on the kernel: each request enters the entry service, which does
/// its own work and then calls the services below it in the call tree, waiting (and
/// holding its worker) for their answers; they do the same with theirs.
///
/// The calls are a `CallTree` (see `Calling`): timeouts stop the caller waiting but not the
/// callee working, and circuit breakers, bulkheads and retry budgets sit on each caller →
/// callee edge. Faults from the `FaultBook` slow services down, make them fail, or take
/// them down.
public struct SyncModel: EventHandling, Calling, Serving, ~Copyable {
    /// What can happen in the synchronous world.
    public enum Event {
        /// The next user request arrives at the entry.
        case arrival
        /// Something happens to a call or a job (see `CallTree.Event`).
        case call(CallTree.Event)
        /// The time-series interval ends.
        case sample
        /// A crash fault starts.
        case crash(fault: Int32)
        /// Something happens to a waiting user (see `Clients.Event`).
        case client(Clients.Event)
    }

    let world: WorldConfig
    let config: SyncConfig
    /// The services the call graph reaches, in the world's order: the only ones sampled.
    let servicesAtWork: [Int]
    let faults: FaultBook
    var source: RequestSource
    var calling: CallTree
    /// The users' timeouts and retries, when the workload gives them.
    var clients: Clients
    var network: Network
    /// What the run measured.
    public internal(set) var metrics: ArchitectureMetrics

    /// A model of `world` under the synchronous design `config`, every random stream derived
    /// from `world.seed`; nothing is scheduled until `run` starts it.
    public init(world: WorldConfig, config: SyncConfig) {
        self.world = world
        self.config = config
        servicesAtWork = Self.servicesAtWork(config.graph)
        faults = FaultBook(world.faults, serviceCount: world.services.count + 1)
        source = RequestSource(world.workload, seed: world.seed, end: .zero + world.duration)
        calling = CallTree(graph: config.graph, defaultPolicy: config.defaultPolicy,
                           targets: config.graph.nodes.indices.map { $0 - 1 }, world: world, backoffStream: "sync/backoff")
        clients = Clients(policy: world.workload.client, seed: world.seed)
        network = Network(world.network, faults: world.networkFaults, seed: world.seed, name: "sync/network")
        metrics = ArchitectureMetrics(layout: Self.metricsLayout(serviceNames: world.services.map(\.name), config: config),
                                      keyCount: world.workload.keyCount)
        metrics.trace = TraceRecorder(limit: world.traceLimit, expectedRequests: world.expectedRequests)
        for node in config.graph.nodes { metrics.services[node.service].workers = world.services[node.service].workers }
    }

    static func call(_ event: CallTree.Event) -> Event { .call(event) }
    static func client(_ event: Clients.Event) -> Event { .client(event) }

    /// The services `graph` reaches, in the world's order, each once.
    static func servicesAtWork(_ graph: CallGraph) -> [Int] {
        Array(Set(graph.nodes.map(\.service))).sorted()
    }

    /// The names this design's metrics use: every service, the called nodes as effect
    /// targets, the line length and busy workers of each service the graph reaches as gauges
    /// (the work in the system; a service it never calls has none), each caller → callee
    /// edge, and each edge with a breaker and its breaker's state as a gauge.
    public static func metricsLayout(serviceNames names: [String], config: SyncConfig) -> MetricsLayout {
        let graph = config.graph, callers = graph.callers
        let edges = graph.nodes.indices.dropFirst().compactMap { node -> String? in
            guard (graph.nodes[node].policy ?? config.defaultPolicy).breaker != nil else { return nil }
            return names[graph.nodes[callers[node] ?? 0].service] + " → " + names[graph.nodes[node].service]
        }
        let working = servicesAtWork(graph).map { names[$0] }
        let work = working.map { $0 + " queue" } + working.map { $0 + " busy" }
        return MetricsLayout(serviceNames: names, targets: graph.downstreamNames(serviceNames: names),
                             gaugeNames: work + edges.map { $0 + " breaker" }, workGaugeCount: work.count, breakerEdges: edges,
                             callEdges: CallEdges(graph).names(serviceNames: names), servicesAtWork: servicesAtWork(graph))
    }

    /// Runs the whole experiment: arrivals for the duration, then the drain. The events'
    /// history holds the time and sequence of the first `recordingFirst` events handled.
    /// `progress`, if given, hears the clock and the events handled after every hundredth of the run.
    public mutating func run(recordingFirst limit: Int = 0, progress: ((Instant, Int) -> Void)? = nil)
        -> (metrics: ArchitectureMetrics, stop: StopReason, events: EventHistory) {
        var scheduler = Scheduler<Event>()
        scheduler.openLanes(for: world)
        scheduler.record(first: limit)
        if source.hasNext { scheduler.scheduleStreamEvent(.arrival, at: source.nextArrival) }
        for edge in faults.crashEdges where edge.isStart { scheduler.schedule(.crash(fault: Int32(edge.fault)), at: edge.time) }
        scheduler.scheduleObservation(.sample, after: world.sampleInterval)
        let limits = RunLimits(until: world.end, eventBudget: world.eventBudget)
        let stop: StopReason
        if let progress {
            stop = scheduler.run(&self, limits: limits, reportingEvery: world.progressInterval, progress: progress)
        } else {
            stop = scheduler.run(&self, limits: limits)
        }
        if stop.isEarly {
            metrics.stoppedAt = scheduler.now
            if warmupEnd != nil { endWarmup(at: scheduler.now) }  // stopped within the warm-up: it ends with the run
        }
        let end = stop.isEarly ? scheduler.now : world.end
        closeLastInterval(at: end)
        recordOpenHolds(openCallHolds, at: end)
        recordBreakers(through: scheduler.now)
        recordLongestLines()
        return (metrics, stop, scheduler.history)
    }

    /// Handles one event at `scheduler.now`. An event for a paused service waits until it
    /// resumes.
    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        if faults.hasPauses, case .call(let callEvent) = event, let service = calling.service(handling: callEvent),
           let until = faults.pausedUntil(service, at: scheduler.now) {
            return scheduler.schedule(event, at: until)  // a paused service does nothing until it resumes
        }
        switch event {
        case .arrival: arrive(&scheduler)
        case .call(let callEvent): handleCall(callEvent, &scheduler)
        case .client(let clientEvent): handleClient(clientEvent, &scheduler)
        case .sample: sample(&scheduler)
        case .crash(let fault):
            let service = faults.service(ofFault: Int(fault))
            if service < calling.pools.count { crashCalls(at: service, &scheduler) }  // the broker is not part of this design
        }
    }

    // MARK: - Requests

    mutating func arrive(_ scheduler: inout Scheduler<Event>) {
        let (id, key) = source.next()
        if source.hasNext { scheduler.scheduleStreamEvent(.arrival, at: source.nextArrival) }
        if clients.isModelled { return arriveAsUser(id: id, key: key, &scheduler) }
        metrics.recordArrival()
        enter(RequestState(id: id, key: key, arrival: scheduler.now), attempt: 0, &scheduler)
    }

    /// Attempt `attempt` of a user's request reaches the entry.
    mutating func sendToEntry(user: Int32, generation: UInt32, attempt: UInt16, _ scheduler: inout Scheduler<Event>) {
        var request = RequestState(id: clients.users[user].id, key: clients.users[user].key, arrival: scheduler.now)
        (request.user, request.userGeneration) = (user, generation)
        enter(request, attempt: attempt - 1, &scheduler)
    }

    /// `request` starts at the entry as its attempt `attempt` (0 for a user's first).
    @inline(__always) mutating func enter(_ request: RequestState, attempt: UInt16, _ scheduler: inout Scheduler<Event>) {
        let slot = calling.requests.insert(request).slot
        let job = newJob(request: slot, node: 0, call: -1, callGeneration: 0, attempt: attempt, visit: .root(attempt: Int(attempt), first: 0))
        if faults.hasPauses, let until = faults.pausedUntil(config.graph.nodes[0].service, at: scheduler.now) {
            return scheduler.schedule(.call(.deliver(job: job, generation: calling.jobs.generation(of: job))), at: until)
        }
        deliver(job, &scheduler)
    }

    @inline(__always) mutating func rootWorkDone(_ job: Int32, at now: Instant) {
        let slot = calling.jobs[job].request
        let version = metrics.ledger.commit(key: calling.requests[slot].key)
        calling.requests[slot].version = version
        calling.requests[slot].committedAt = now
        calling.requests[slot].effectsLeft = Int16(config.graph.nodes.count - 1)
        if config.graph.nodes.count == 1 { completeRequest(slot, now: now) }
    }

    mutating func effectApplied(request slot: Int32, at now: Instant) {
        calling.requests[slot].effectsLeft -= 1
        if calling.requests[slot].effectsLeft == 0 { completeRequest(slot, now: now) }
    }

    @inline(__always) mutating func completeRequest(_ slot: Int32, now: Instant) {
        metrics.completed += 1
        metrics.endToEnd.record((now - calling.requests[slot].arrival).nanoseconds)
    }

    /// The user hears the entry's answer.
    @inline(__always) mutating func rootFinished(_ job: Int32, outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let request = calling.requests[calling.jobs[job].request]
        guard request.user >= 0 else { return metrics.recordResponse(latency: scheduler.now - request.arrival, failure: outcome.failure) }
        entryAnswered(user: request.user, generation: request.userGeneration, attempt: calling.jobs[job].attempt + 1,
                      failure: outcome.failure, &scheduler)
    }

    /// A synchronous design keeps nothing of a request beyond its calls.
    mutating func callsEnded(_ slot: Int32) {}

    /// A synchronous design has no broker: its reader refuses publish steps.
    mutating func publishAfterSteps(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        preconditionFailure("a synchronous design publishes nothing")
    }

    // MARK: - Sampling

    /// The time-series interval ends: its row is recorded and the next sample scheduled.
    mutating func sample(_ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        recordSample(at: now)
        if now + world.sampleInterval <= world.end { scheduler.scheduleObservation(.sample, after: world.sampleInterval) }
    }

    /// Closes the time series' interval at `now` with the gauges read then: the lines and busy
    /// workers of the services at work, and each breaker's state. It only observes.
    mutating func recordSample(at now: Instant) {
        let gauges = servicesAtWork.map { Double(calling.pools[$0].queueLength) } + servicesAtWork.map { Double(calling.pools[$0].busy) }
            + calling.edges.indices.dropFirst().compactMap { calling.edges[$0].breaker?.level(at: now) }
        metrics.closeInterval(at: now, gauges: gauges)
    }

    /// The run ended at `end`: when that is after the last sample (a run whose length is not a
    /// multiple of the interval, or one stopped early), the shorter interval since then gets its
    /// row too, so the rows count every request. Taken once the run is over, not scheduled.
    mutating func closeLastInterval(at end: Instant) {
        guard end > metrics.series.currentStart else { return }  // the last sample was taken at the end
        recordSample(at: end)
    }
}

/// How a call ended, as the caller learns it.
public enum CallOutcome: UInt8, Sendable {
    case ok, timeout, rejected, error, unavailable, shortCircuited

    /// The user-facing failure this outcome becomes, or `nil` for success.
    var failure: FailureKind? {
        switch self {
        case .ok: nil
        case .timeout: .timeout
        case .rejected: .rejected
        case .error: .error
        case .unavailable: .unavailable
        case .shortCircuited: .shortCircuited
        }
    }
}
