import SimKernel
import SimMetrics

/// The synchronous chain on the kernel: each request enters the first service, which does
/// its own work, calls the next service and waits for the answer while holding its worker;
/// that service does the same with the next, and so on.
///
/// Timeouts stop the caller waiting but not the callee working: an abandoned call still
/// does its work and applies its side effect, and a retry applies it again. Faults from
/// the `FaultBook` slow services down, make them fail, or take them down.
public struct SyncChainModel: EventHandling {
    /// What can happen in the synchronous world.
    public enum Event {
        /// The next user request arrives at the entry.
        case arrival
        /// A call reaches the service of `job`.
        case deliver(job: Int32, generation: UInt32)
        /// The service of `job` finishes its own work.
        case workDone(job: Int32, generation: UInt32)
        /// The callee's answer to attempt `attempt` of `job`'s call reaches `job`.
        case reply(job: Int32, generation: UInt32, attempt: UInt16, outcome: CallOutcome)
        /// Attempt `attempt` of `job`'s call has waited too long.
        case timeout(job: Int32, generation: UInt32, attempt: UInt16)
        /// `job`'s backoff is over: call again.
        case retry(job: Int32, generation: UInt32)
        /// A crash fault starts or ends.
        case crash(fault: Int32, isStart: Bool)
        /// The time-series interval ends.
        case sample
    }

    let world: WorldConfig
    let config: SyncConfig
    let faults: FaultBook
    var source: RequestSource
    var pools: [ServicePool]
    var jobs = SlotTable<SyncJob>()
    var requests = SlotTable<RequestState>()
    let workDraws: [RequestDraws]
    var networkRandom: RandomStream
    var errorRandom: RandomStream
    var backoffRandom: RandomStream
    /// What the run measured.
    public private(set) var metrics: ArchitectureMetrics

    public init(world: WorldConfig, config: SyncConfig) {
        self.world = world
        self.config = config
        faults = FaultBook(world.faults, serviceCount: world.services.count)
        source = RequestSource(world.workload, seed: world.seed, end: .zero + world.duration)
        pools = world.services.map { ServicePool(workers: $0.workers, capacity: $0.queueCapacity) }
        workDraws = world.services.map { RequestDraws(seed: world.seed, name: $0.name + "/work") }
        networkRandom = RandomStream(seed: world.seed, name: "sync/network")
        errorRandom = RandomStream(seed: world.seed, name: "sync/errors")
        backoffRandom = RandomStream(seed: world.seed, name: "sync/backoff")
        metrics = ArchitectureMetrics(layout: Self.metricsLayout(serviceNames: world.services.map(\.name), config: config),
                                      keyCount: world.workload.keyCount)
    }

    /// What a run measures: every service, the chain's callees as effect targets, and each
    /// service's queue and busy workers as gauges.
    public static func metricsLayout(serviceNames names: [String], config: SyncConfig) -> MetricsLayout {
        MetricsLayout(serviceNames: names, targets: config.chain.dropFirst().map { names[$0] },
                      gaugeNames: names.map { $0 + " queue" } + names.map { $0 + " busy" })
    }

    /// Runs the whole experiment: arrivals for the duration, then the drain.
    public mutating func run() -> (metrics: ArchitectureMetrics, stop: StopReason, events: Int) {
        var scheduler = Scheduler<Event>()
        if source.hasNext { scheduler.schedule(.arrival, at: source.nextArrival) }
        for edge in faults.crashEdges { scheduler.schedule(.crash(fault: Int32(edge.fault), isStart: edge.isStart), at: edge.time) }
        scheduler.schedule(.sample, after: world.sampleInterval)
        let stop = scheduler.run(&self, limits: RunLimits(until: world.end, eventBudget: world.eventBudget))
        return (metrics, stop, scheduler.eventsHandled)
    }

    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        switch event {
        case .arrival:
            arrive(&scheduler)
        case .deliver(let job, let generation):
            if jobs.isLive(job, generation) { deliver(job, &scheduler) }
        case .workDone(let job, let generation):
            if jobs.isLive(job, generation) { finishOwnWork(job, &scheduler) }
        case .reply(let job, let generation, let attempt, let outcome):
            if jobs.isLive(job, generation), jobs[job].phase == .waiting, jobs[job].attempt == attempt {
                scheduler.cancel(jobs[job].timer)
                if outcome == .ok { complete(job, outcome: .ok, &scheduler) } else { retryOrFail(job, outcome, &scheduler) }
            }
        case .timeout(let job, let generation, let attempt):
            if jobs.isLive(job, generation), jobs[job].phase == .waiting, jobs[job].attempt == attempt {
                retryOrFail(job, .timeout, &scheduler)
            }
        case .retry(let job, let generation):
            if jobs.isLive(job, generation) {
                jobs[job].attempt += 1
                metrics.retries += 1
                call(from: job, &scheduler)
            }
        case .crash(let fault, let isStart):
            if isStart { crash(faults.service(ofFault: Int(fault)), &scheduler) }
        case .sample:
            sample(&scheduler)
        }
    }

    // MARK: - Requests

    mutating func arrive(_ scheduler: inout Scheduler<Event>) {
        let (id, key) = source.next()
        if source.hasNext { scheduler.schedule(.arrival, at: source.nextArrival) }
        metrics.recordArrival()
        let request = requests.insert(RequestState(id: id, key: key, arrival: scheduler.now)).slot
        let job = newJob(request: request, hop: 0, parent: -1, parentGeneration: 0, parentAttempt: 0, now: scheduler.now)
        deliver(job, &scheduler)
    }

    mutating func newJob(request: Int32, hop: Int, parent: Int32, parentGeneration: UInt32, parentAttempt: UInt16, now: Instant) -> Int32 {
        requests[request].references += 1
        return jobs.insert(SyncJob(request: request, hop: Int16(hop), parent: parent, parentGeneration: parentGeneration,
                                   parentAttempt: parentAttempt, arrivedAt: now)).slot
    }

    /// Frees `job` and, when nothing refers to its request any more, the request.
    mutating func release(_ job: Int32) {
        let request = jobs[job].request
        jobs.remove(job)
        requests[request].references -= 1
        if requests[request].references == 0 { requests.remove(request) }
    }

    // MARK: - A call at its callee

    mutating func deliver(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let service = config.chain[Int(jobs[job].hop)]
        let now = scheduler.now
        if faults.isDown(service, at: now) { return answer(job, .unavailable, &scheduler) }
        if errorRandom.chance(faults.errorProbability(of: service, at: now)) { return answer(job, .error, &scheduler) }
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
        let service = config.chain[Int(jobs[job].hop)]
        let now = scheduler.now
        jobs[job].phase = .working
        jobs[job].tookWorkerAt = now
        metrics.services[service].started += 1
        metrics.services[service].queueing.record((now - queuedSince).nanoseconds)
        let request = requests[jobs[job].request]
        var random = workDraws[service].stream(request: request.id, attempt: Int(jobs[job].parentAttempt))
        let work = faults.work(of: service, normally: world.services[service].work, at: now).sample(&random)
        scheduler.schedule(.workDone(job: job, generation: jobs.generation(of: job)), after: .nanoseconds(work))
    }

    /// Whether anyone still waits for `job`'s answer.
    func isAwaited(_ job: Int32) -> Bool {
        let parent = jobs[job].parent
        guard parent >= 0 else { return true }
        return jobs.isLive(parent, jobs[job].parentGeneration) && jobs[parent].phase == .waiting
            && jobs[parent].attempt == jobs[job].parentAttempt
    }

    mutating func finishOwnWork(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let hop = Int(jobs[job].hop)
        if !isAwaited(job) { metrics.services[config.chain[hop]].wastedWork += 1 }
        let slot = jobs[job].request
        let now = scheduler.now
        if hop == 0 {
            let version = metrics.ledger.commit(key: requests[slot].key)
            requests[slot].version = version
            requests[slot].committedAt = now
            requests[slot].effectsLeft = Int16(config.chain.count - 1)
            if config.chain.count == 1 { completeRequest(slot, now: now) }
        } else {
            let r = requests[slot]
            let outcome = metrics.recordApply(target: hop - 1, key: r.key, version: r.version, committedAt: r.committedAt, at: now)
            if outcome != .duplicate {
                requests[slot].effectsLeft -= 1
                if requests[slot].effectsLeft == 0 { completeRequest(slot, now: now) }
            }
        }
        if hop + 1 < config.chain.count {
            jobs[job].attempt = 1
            call(from: job, &scheduler)
        } else {
            complete(job, outcome: .ok, &scheduler)
        }
    }

    mutating func completeRequest(_ slot: Int32, now: Instant) {
        metrics.completed += 1
        metrics.endToEnd.record((now - requests[slot].arrival).nanoseconds)
    }

    // MARK: - A caller waiting on its callee

    mutating func call(from job: Int32, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let attempt = jobs[job].attempt
        let child = newJob(request: jobs[job].request, hop: Int(jobs[job].hop) + 1, parent: job,
                           parentGeneration: jobs.generation(of: job), parentAttempt: attempt, now: now)
        jobs[job].phase = .waiting
        metrics.attempts += 1
        metrics.messages += 1
        scheduler.schedule(.deliver(job: child, generation: jobs.generation(of: child)), after: latency())
        jobs[job].timer = scheduler.scheduleCancellable(
            .timeout(job: job, generation: jobs.generation(of: job), attempt: attempt), after: config.timeout)
    }

    mutating func retryOrFail(_ job: Int32, _ outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let attempt = Int(jobs[job].attempt)
        guard attempt < config.retries.attempts else { return complete(job, outcome: outcome, &scheduler) }
        jobs[job].phase = .backoff
        let wait = config.retries.delay(retry: attempt, previous: jobs[job].lastBackoff, random: &backoffRandom)
        jobs[job].lastBackoff = wait
        scheduler.schedule(.retry(job: job, generation: jobs.generation(of: job)), after: wait)
    }

    /// `job` is finished: its worker goes to the next in line and its answer goes to its caller.
    mutating func complete(_ job: Int32, outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let service = config.chain[Int(jobs[job].hop)]
        let now = scheduler.now
        let held = now - jobs[job].tookWorkerAt
        metrics.services[service].holding.record(held.nanoseconds)
        metrics.services[service].busyNanoseconds += Double(held.nanoseconds)
        if let next = pools[service].release() { startWork(next.job, queuedSince: next.since, &scheduler) }
        answer(job, outcome, &scheduler)
    }

    /// Sends `job`'s answer to its caller (or to the user) and frees the job.
    mutating func answer(_ job: Int32, _ outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let parent = jobs[job].parent
        if parent < 0 {
            let arrival = requests[jobs[job].request].arrival
            metrics.recordResponse(latency: scheduler.now - arrival, failure: outcome.failure)
        } else {
            metrics.messages += 1
            scheduler.schedule(.reply(job: parent, generation: jobs[job].parentGeneration,
                                      attempt: jobs[job].parentAttempt, outcome: outcome), after: latency())
        }
        release(job)
    }

    // MARK: - Faults and sampling

    /// The service goes down: everything it held or queued is lost; callers will time out.
    mutating func crash(_ service: Int, _ scheduler: inout Scheduler<Event>) {
        _ = pools[service].reset()
        var doomed: [Int32] = []
        for slot in jobs.liveSlots where jobs[slot].phase != .arriving && config.chain[Int(jobs[slot].hop)] == service {
            doomed.append(slot)
        }
        for slot in doomed {
            scheduler.cancel(jobs[slot].timer)
            if jobs[slot].parent < 0 {
                metrics.recordResponse(latency: scheduler.now - requests[jobs[slot].request].arrival, failure: .unavailable)
            }
            release(slot)
        }
    }

    mutating func sample(_ scheduler: inout Scheduler<Event>) {
        let gauges = pools.map { Double($0.queueLength) } + pools.map { Double($0.busy) }
        metrics.series.close(at: scheduler.now, gauges: gauges)
        if scheduler.now + world.sampleInterval <= world.end { scheduler.schedule(.sample, after: world.sampleInterval) }
    }

    mutating func latency() -> TimeSpan { .nanoseconds(world.network.latency.sample(&networkRandom)) }
}

/// How a call ended, as the caller learns it.
public enum CallOutcome: UInt8, Sendable {
    case ok, timeout, rejected, error, unavailable

    /// The user-facing failure this outcome becomes, or `nil` for success.
    var failure: FailureKind? {
        switch self {
        case .ok: nil
        case .timeout: .timeout
        case .rejected: .rejected
        case .error: .error
        case .unavailable: .unavailable
        }
    }
}

/// A request in flight, shared by the jobs that serve it.
struct RequestState: Sendable {
    var id: UInt64
    var key: Int32
    var version: Int32 = 0
    var arrival: Instant
    var committedAt: Instant = .zero
    var effectsLeft: Int16 = 0
    var references: Int32 = 0

    init(id: UInt64, key: Int32, arrival: Instant) {
        self.id = id
        self.key = key
        self.arrival = arrival
    }
}

/// One service's part of one request: one attempt of one call, from arrival at the
/// service until its answer is sent.
struct SyncJob: Sendable {
    enum Phase: UInt8, Sendable { case arriving, queued, working, waiting, backoff, free }

    var request: Int32
    var hop: Int16
    var parent: Int32
    var parentGeneration: UInt32
    var parentAttempt: UInt16
    var phase: Phase = .arriving
    /// The current attempt of this job's own call downstream (1 for the first).
    var attempt: UInt16 = 0
    var timer: TimerHandle = .none
    var tookWorkerAt: Instant = .zero
    var lastBackoff: TimeSpan = .zero
    var arrivedAt: Instant

    init(request: Int32, hop: Int16, parent: Int32, parentGeneration: UInt32, parentAttempt: UInt16, arrivedAt: Instant) {
        self.request = request
        self.hop = hop
        self.parent = parent
        self.parentGeneration = parentGeneration
        self.parentAttempt = parentAttempt
        self.arrivedAt = arrivedAt
    }
}
