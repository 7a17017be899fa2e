import SimKernel
import SimMetrics

/// The synchronous design on the kernel: each request enters the entry service, which does
/// its own work and then calls the services below it in the call tree, waiting (and
/// holding its worker) for their answers; they do the same with theirs.
///
/// Timeouts stop the caller waiting but not the callee working: an abandoned call still
/// does its work and applies its side effect, and a retry applies it again. Circuit
/// breakers, bulkheads and retry budgets sit on each caller → callee edge. Faults from the
/// `FaultBook` slow services down, make them fail, or take them down.
public struct SyncModel: EventHandling {
    /// What can happen in the synchronous world.
    public enum Event {
        /// The next user request arrives at the entry.
        case arrival
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
        /// The time-series interval ends.
        case sample
        /// A crash fault starts.
        case crash(fault: Int32)
    }

    let world: WorldConfig
    let config: SyncConfig
    let graph: CallGraph
    let faults: FaultBook
    var source: RequestSource
    var pools: [ServicePool]
    var jobs = SlotTable<SyncJob>()
    var calls = SlotTable<SyncCall>()
    var requests = SlotTable<RequestState>()
    /// Per node (callee): the breaker, bulkhead count and retry budget of the edge into it.
    var edges: [SyncEdge]
    let workDraws: [RequestDraws]
    var network: Network
    /// Per service: which attempts its `errors` and `hang` faults strike.
    let faultDraws: [RequestDraws]
    var backoffRandom: RandomStream
    /// What the run measured.
    public internal(set) var metrics: ArchitectureMetrics

    /// A model of `world` under the synchronous design `config`, every random stream derived
    /// from `world.seed`; nothing is scheduled until `run` starts it.
    public init(world: WorldConfig, config: SyncConfig) {
        self.world = world
        self.config = config
        graph = config.graph
        faults = FaultBook(world.faults, serviceCount: world.services.count + 1)
        source = RequestSource(world.workload, seed: world.seed, end: .zero + world.duration)
        pools = world.services.map { ServicePool(workers: $0.workers, capacity: $0.queueCapacity) }
        edges = config.graph.nodes.map { _ in SyncEdge(config) }
        workDraws = world.services.map { RequestDraws(seed: world.seed, name: $0.name + "/work") }
        network = Network(world.network, faults: world.networkFaults, seed: world.seed, name: "sync/network")
        faultDraws = FaultBook.faultDraws(serviceNames: world.services.map(\.name), seed: world.seed)
        backoffRandom = RandomStream(seed: world.seed, name: "sync/backoff")
        metrics = ArchitectureMetrics(layout: Self.metricsLayout(serviceNames: world.services.map(\.name), config: config),
                                      keyCount: world.workload.keyCount)
        metrics.trace = TraceRecorder(limit: world.traceLimit, expectedRequests: world.expectedRequests)
        for node in config.graph.nodes { metrics.services[node.service].workers = world.services[node.service].workers }
    }

    /// The names this design's metrics use: every service, the called services as effect
    /// targets, each service's line length and busy workers as gauges (the work in the
    /// system), and with breakers each caller → callee edge and its breaker's state as a gauge.
    public static func metricsLayout(serviceNames names: [String], config: SyncConfig) -> MetricsLayout {
        let graph = config.graph
        let edges = config.breaker == nil ? [] : graph.nodes.indices.dropFirst().map { node in
            names[graph.nodes[graph.caller(of: node) ?? 0].service] + " → " + names[graph.nodes[node].service]
        }
        let work = names.map { $0 + " queue" } + names.map { $0 + " busy" }
        return MetricsLayout(serviceNames: names, targets: graph.downstream.map { names[$0.service] },
                             gaugeNames: work + edges.map { $0 + " breaker" }, workGaugeCount: work.count, breakerEdges: edges)
    }

    /// Runs the whole experiment: arrivals for the duration, then the drain. The events'
    /// history holds the time and sequence of the first `recordingFirst` events handled.
    /// `progress`, if given, hears the clock and the events handled after every hundredth of the run.
    public mutating func run(recordingFirst limit: Int = 0, progress: ((Instant, Int) -> Void)? = nil)
        -> (metrics: ArchitectureMetrics, stop: StopReason, events: EventHistory) {
        var scheduler = Scheduler<Event>()
        scheduler.record(first: limit)
        if source.hasNext { scheduler.schedule(.arrival, at: source.nextArrival) }
        for edge in faults.crashEdges where edge.isStart { scheduler.schedule(.crash(fault: Int32(edge.fault)), at: edge.time) }
        scheduler.scheduleObservation(.sample, after: world.sampleInterval)
        let limits = RunLimits(until: world.end, eventBudget: world.eventBudget)
        let stop: StopReason
        if let progress {
            stop = scheduler.run(&self, limits: limits, reportingEvery: world.progressInterval, progress: progress)
        } else {
            stop = scheduler.run(&self, limits: limits)
        }
        if stop == .eventBudget { metrics.stoppedAt = scheduler.now }
        for (i, breaker) in edges.dropFirst().compactMap(\.breaker).enumerated() {
            metrics.breakers[i].openings = breaker.openings
            metrics.breakers[i].timeOpen = breaker.timeOpen(through: scheduler.now)
        }
        return (metrics, stop, scheduler.history)
    }

    /// Handles one event at `scheduler.now`. An event for a paused service waits until it
    /// resumes; one naming a job or call that has since ended, or an attempt no longer awaited,
    /// is skipped.
    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        if faults.hasPauses, let service = service(handling: event), let until = faults.pausedUntil(service, at: scheduler.now) {
            return scheduler.schedule(event, at: until)  // a paused service does nothing until it resumes
        }
        switch event {
        case .arrival:
            arrive(&scheduler)
        case .deliver(let job, let generation):
            if jobs.isLive(job, generation) { deliver(job, &scheduler) }
        case .workDone(let job, let generation):
            if jobs.isLive(job, generation) { finishOwnWork(job, &scheduler) }
        case .reply(let call, let generation, let attempt, let outcome):
            if calls.isLive(call, generation), calls[call].isWaiting, calls[call].attempt == attempt {
                scheduler.cancel(calls[call].timer)
                answered(call, outcome, &scheduler)
            }
        case .timeout(let call, let generation, let attempt):
            if calls.isLive(call, generation), calls[call].isWaiting, calls[call].attempt == attempt {
                traceTimeout(call, at: scheduler.now)
                answered(call, .timeout, &scheduler)
            }
        case .retry(let call, let generation):
            if calls.isLive(call, generation) {
                calls[call].attempt += 1
                metrics.retries += 1
                send(call, &scheduler)
            }
        case .sample:
            sample(&scheduler)
        case .crash(let fault):
            let service = faults.service(ofFault: Int(fault))
            if service < pools.count { crash(service, &scheduler) }  // the broker is not part of this design
        }
    }

    /// The service whose progress `event` is, if any (for pauses).
    func service(handling event: Event) -> Int? {
        switch event {
        case .arrival: return nil  // users keep arriving; a paused entry holds their requests (see `arrive`)
        case .deliver(let job, let generation), .workDone(let job, let generation):
            return jobs.isLive(job, generation) ? service(of: job) : nil
        case .reply(let call, let generation, _, _), .timeout(let call, let generation, _), .retry(let call, let generation):
            return calls.isLive(call, generation) && jobs.isLive(calls[call].job, calls[call].jobGeneration) ? service(of: calls[call].job) : nil
        case .sample, .crash: return nil
        }
    }

    // MARK: - Requests and jobs

    mutating func arrive(_ scheduler: inout Scheduler<Event>) {
        let (id, key) = source.next()
        if source.hasNext { scheduler.schedule(.arrival, at: source.nextArrival) }
        metrics.recordArrival()
        let request = requests.insert(RequestState(id: id, key: key, arrival: scheduler.now)).slot
        let job = newJob(request: request, node: 0, call: -1, callGeneration: 0, attempt: 0)
        if faults.hasPauses, let until = faults.pausedUntil(graph.nodes[0].service, at: scheduler.now) {
            return scheduler.schedule(.deliver(job: job, generation: jobs.generation(of: job)), at: until)
        }
        deliver(job, &scheduler)
    }

    mutating func newJob(request: Int32, node: Int, call: Int32, callGeneration: UInt32, attempt: UInt16) -> Int32 {
        requests[request].references += 1
        return jobs.insert(SyncJob(request: request, node: Int16(node), call: call, callGeneration: callGeneration, attempt: attempt)).slot
    }

    /// Frees `job` and, when nothing refers to its request any more, the request.
    mutating func release(_ job: Int32) {
        let request = jobs[job].request
        jobs.remove(job)
        requests[request].references -= 1
        if requests[request].references == 0 { requests.remove(request) }
    }

    func service(of job: Int32) -> Int { graph.nodes[Int(jobs[job].node)].service }

    // MARK: - A job at its service

    mutating func deliver(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let service = service(of: job)
        let now = scheduler.now
        jobs[job].arrivedAt = now
        if faults.isDown(service, at: now) { return answer(job, .unavailable, &scheduler) }
        let id = requests[jobs[job].request].id
        switch faults.fate(of: service, at: now, draws: faultDraws[service], request: id, attempt: Int(jobs[job].attempt)) {
        case .served: break
        case .fails: return answer(job, .error, &scheduler)
        case .hangs: return release(job)  // never answers: the caller times out
        }
        switch pools[service].admit(job, at: now) {
        case .started: startWork(job, queuedSince: now, &scheduler)
        case .queued:
            jobs[job].phase = .queued
            metrics.services[service].peakQueue = Swift.max(metrics.services[service].peakQueue, pools[service].queueLength)
        case .rejected:
            metrics.services[service].rejected += 1
            answer(job, .rejected, &scheduler)
        }
    }

    mutating func startWork(_ job: Int32, queuedSince: Instant, _ scheduler: inout Scheduler<Event>) {
        let service = service(of: job)
        let now = scheduler.now
        jobs[job].phase = .working
        jobs[job].tookWorkerAt = now
        metrics.services[service].started += 1
        metrics.services[service].queueing.record((now - queuedSince).nanoseconds)
        let id = requests[jobs[job].request].id
        if metrics.trace.isSampled(id), now > jobs[job].arrivedAt {
            metrics.trace.span(.queued, request: id, track: TraceTrack(node: service), from: jobs[job].arrivedAt, to: now)
        }
        var random = workDraws[service].stream(request: id, attempt: Int(jobs[job].attempt))
        let work = faults.work(of: service, normally: world.services[service].work, at: now).sample(&random)
        scheduler.schedule(.workDone(job: job, generation: jobs.generation(of: job)), after: .nanoseconds(work))
    }

    /// Whether the caller still waits for `job`'s answer.
    func isAwaited(_ job: Int32) -> Bool {
        let call = jobs[job].call
        guard call >= 0 else { return true }
        return calls.isLive(call, jobs[job].callGeneration) && calls[call].isWaiting && calls[call].attempt == jobs[job].attempt
    }

    mutating func finishOwnWork(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let node = Int(jobs[job].node)
        let slot = jobs[job].request
        let now = scheduler.now
        jobs[job].workDoneAt = now
        if metrics.trace.isSampled(requests[slot].id) {
            metrics.trace.span(.work, request: requests[slot].id, track: TraceTrack(node: graph.nodes[node].service), from: jobs[job].tookWorkerAt, to: now)
        }
        if !isAwaited(job) { metrics.services[graph.nodes[node].service].wastedWork += 1 }
        if node == 0 {
            let version = metrics.ledger.commit(key: requests[slot].key)
            requests[slot].version = version
            requests[slot].committedAt = now
            requests[slot].effectsLeft = Int16(graph.nodes.count - 1)
            if graph.nodes.count == 1 { completeRequest(slot, now: now) }
        } else {
            let r = requests[slot]
            let outcome = metrics.recordApply(target: node - 1, key: r.key, version: r.version, committedAt: r.committedAt, at: now)
            if outcome == .inOrder || outcome == .outOfOrder {
                requests[slot].effectsLeft -= 1
                if requests[slot].effectsLeft == 0 { completeRequest(slot, now: now) }
            }
        }
        runStep(0, of: job, &scheduler)
    }

    mutating func completeRequest(_ slot: Int32, now: Instant) {
        metrics.completed += 1
        metrics.endToEnd.record((now - requests[slot].arrival).nanoseconds)
    }

    /// Calls every node of step `step` at once, or finishes the job after its last step.
    mutating func runStep(_ step: Int, of job: Int32, _ scheduler: inout Scheduler<Event>) {
        let steps = graph.nodes[Int(jobs[job].node)].steps
        guard step < steps.count else { return finish(job, outcome: jobs[job].failure ?? .ok, &scheduler) }
        jobs[job].phase = .waiting
        jobs[job].step = Int16(step)
        jobs[job].pendingCalls = Int16(steps[step].count)
        let generation = jobs.generation(of: job)
        for node in steps[step] {
            let call = calls.insert(SyncCall(job: job, jobGeneration: generation, node: Int16(node))).slot
            open(call, &scheduler)
        }
    }

    // MARK: - Calls

    /// A new call passes its edge's breaker and bulkhead, or fails at once.
    mutating func open(_ call: Int32, _ scheduler: inout Scheduler<Event>) {
        let node = Int(calls[call].node)
        if var breaker = edges[node].breaker {
            let allowed = breaker.allowsCall(at: scheduler.now)
            edges[node].breaker = breaker
            if !allowed { return close(call, .shortCircuited, &scheduler) }
        }
        if let limit = config.bulkhead {
            guard edges[node].inFlight < limit else { return close(call, .rejected, &scheduler) }
            edges[node].inFlight += 1
        }
        edges[node].budget?.deposit()
        calls[call].attempt = 1
        send(call, &scheduler)
    }

    mutating func send(_ call: Int32, _ scheduler: inout Scheduler<Event>) {
        let c = calls[call]
        let generation = calls.generation(of: call)
        calls[call].isWaiting = true
        metrics.attempts += 1
        metrics.services[graph.nodes[Int(c.node)].service].callAttempts += 1
        metrics.messages += 1
        let from = graph.nodes[Int(jobs[c.job].node)].service, to = graph.nodes[Int(c.node)].service
        let id = requests[jobs[c.job].request].id
        network.transmit(from: from, to: to, at: scheduler.now).forEachDelay { delay in
            // A duplicated call arrives twice: the callee serves (and applies) it twice.
            let child = newJob(request: jobs[c.job].request, node: Int(c.node), call: call, callGeneration: generation, attempt: c.attempt)
            scheduler.schedule(.deliver(job: child, generation: jobs.generation(of: child)), after: delay)
            if metrics.trace.isSampled(id) {
                metrics.trace.message(.call, request: id, from: TraceTrack(node: from), to: TraceTrack(node: to),
                                      sent: scheduler.now, received: scheduler.now + delay, attempt: Int(c.attempt))
            }
        }
        calls[call].timer = scheduler.scheduleCancellable(.timeout(call: call, generation: generation, attempt: c.attempt), after: config.timeout)
    }

    /// An attempt of `call` ended with `outcome`: done, or retried after a backoff.
    mutating func answered(_ call: Int32, _ outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let node = Int(calls[call].node)
        calls[call].isWaiting = false
        if var breaker = edges[node].breaker {
            breaker.record(failure: outcome != .ok, at: scheduler.now)
            edges[node].breaker = breaker
        }
        let attempt = Int(calls[call].attempt)
        guard outcome != .ok, attempt < config.retries.attempts, edges[node].allowsRetry(),
              jobs.isLive(calls[call].job, calls[call].jobGeneration) else {
            return close(call, outcome, &scheduler)
        }
        let wait = config.retries.delay(retry: attempt, previous: calls[call].lastBackoff, random: &backoffRandom)
        calls[call].lastBackoff = wait
        scheduler.schedule(.retry(call: call, generation: calls.generation(of: call)), after: wait)
    }

    /// `call` is over; its caller moves on when the whole step is answered.
    mutating func close(_ call: Int32, _ outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let c = calls[call]
        if config.bulkhead != nil, c.attempt > 0 { edges[Int(c.node)].inFlight -= 1 }
        metrics.recordCallEnded(attempts: Int(c.attempt))
        calls.remove(call)
        guard jobs.isLive(c.job, c.jobGeneration) else { return }
        if outcome != .ok, graph.nodes[Int(c.node)].isRequired, jobs[c.job].failure == nil { jobs[c.job].failure = outcome }
        jobs[c.job].pendingCalls -= 1
        guard jobs[c.job].pendingCalls == 0 else { return }
        if jobs[c.job].failure != nil {
            finish(c.job, outcome: jobs[c.job].failure!, &scheduler)
        } else {
            runStep(Int(jobs[c.job].step) + 1, of: c.job, &scheduler)
        }
    }

    /// `job` is done: its worker goes to the next in line and its answer goes to its caller.
    mutating func finish(_ job: Int32, outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let service = service(of: job)
        let held = scheduler.now - jobs[job].tookWorkerAt
        let id = requests[jobs[job].request].id
        if metrics.trace.isSampled(id), scheduler.now > jobs[job].workDoneAt, jobs[job].phase == .waiting {
            metrics.trace.span(.waiting, request: id, track: TraceTrack(node: service), from: jobs[job].workDoneAt, to: scheduler.now)
        }
        metrics.services[service].holding.record(held.nanoseconds)
        metrics.services[service].busyNanoseconds += Double(held.nanoseconds)
        if let next = pools[service].release() { startWork(next.job, queuedSince: next.since, &scheduler) }
        answer(job, outcome, &scheduler)
    }

    /// Records, for a traced request, that the caller of `call` stops waiting for its current attempt.
    mutating func traceTimeout(_ call: Int32, at now: Instant) {
        let c = calls[call]
        let id = requests[jobs[c.job].request].id
        guard metrics.trace.isSampled(id) else { return }
        metrics.trace.timeout(request: id, caller: TraceTrack(node: graph.nodes[Int(jobs[c.job].node)].service),
                              callee: TraceTrack(node: graph.nodes[Int(c.node)].service), attempt: Int(c.attempt), at: now, after: config.timeout)
    }

    /// Sends `job`'s answer to its caller (or to the user) and frees the job.
    mutating func answer(_ job: Int32, _ outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let call = jobs[job].call
        if call < 0 {
            metrics.recordResponse(latency: scheduler.now - requests[jobs[job].request].arrival, failure: outcome.failure)
        } else {
            metrics.messages += 1
            let caller = calls.isLive(call, jobs[job].callGeneration) ? graph.nodes[Int(jobs[calls[call].job].node)].service : service(of: job)
            let reply = Event.reply(call: call, generation: jobs[job].callGeneration, attempt: jobs[job].attempt, outcome: outcome)
            let id = requests[jobs[job].request].id, callee = service(of: job)
            network.transmit(from: callee, to: caller, at: scheduler.now).forEachDelay { delay in
                scheduler.schedule(reply, after: delay)
                if metrics.trace.isSampled(id) {
                    // A reply to a call already closed is traced to the caller's service, unawaited there.
                    let tracedCaller = graph.nodes[graph.caller(of: Int(jobs[job].node)) ?? 0].service
                    metrics.trace.message(.reply, request: id, from: TraceTrack(node: callee), to: TraceTrack(node: tracedCaller),
                                          sent: scheduler.now, received: scheduler.now + delay, attempt: Int(jobs[job].attempt),
                                          failure: outcome.failure)
                }
            }
        }
        release(job)
    }

    // MARK: - Faults and sampling

    /// The service goes down: everything it held or queued is lost, with every call those
    /// jobs had open (its timer, a pending retry, the replies still on the wire); their
    /// callers time out. Work already sent to other services still runs there, unawaited.
    mutating func crash(_ service: Int, _ scheduler: inout Scheduler<Event>) {
        _ = pools[service].reset()
        for call in calls.liveSlots where isHeldByCrashed(call, service) {
            scheduler.cancel(calls[call].timer)
            if config.bulkhead != nil, calls[call].attempt > 0 { edges[Int(calls[call].node)].inFlight -= 1 }
            calls.remove(call)
        }
        for job in jobs.liveSlots where jobs[job].phase != .arriving && self.service(of: job) == service {
            if jobs[job].call < 0 {
                metrics.recordResponse(latency: scheduler.now - requests[jobs[job].request].arrival, failure: .unavailable)
            }
            release(job)
        }
    }

    /// Whether `call` was made by a job at `service` that a crash of `service` loses.
    func isHeldByCrashed(_ call: Int32, _ service: Int) -> Bool {
        let job = calls[call].job
        return jobs.isLive(job, calls[call].jobGeneration) && jobs[job].phase != .arriving && self.service(of: job) == service
    }

    mutating func sample(_ scheduler: inout Scheduler<Event>) {
        let gauges = pools.map { Double($0.queueLength) } + pools.map { Double($0.busy) }
            + edges.dropFirst().compactMap { $0.breaker?.level(at: scheduler.now) }
        metrics.series.close(at: scheduler.now, gauges: gauges)
        if scheduler.now + world.sampleInterval <= world.end { scheduler.scheduleObservation(.sample, after: world.sampleInterval) }
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
