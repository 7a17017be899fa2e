import SimKernel
import SimMetrics

/// A design whose services call one another and wait: it holds a `CallTree`, nests its
/// events, and hears when a root job is done. The whole life of a call is written here
/// once: arrival at the callee, its line and work under the faults in force, its steps,
/// the caller's timeout, retries, breaker, bulkhead and retry budget, and the answer.
///
/// Timeouts stop the caller waiting but not the callee working: an abandoned call still
/// does its work and applies its side effect, and a retry applies it again.
protocol Calling: EventHandling, ~Copyable {
    var calling: CallTree { get set }
    var network: Network { get set }
    var metrics: ArchitectureMetrics { get set }
    var faults: FaultBook { get }
    var world: WorldConfig { get }
    /// Wraps one of the call tree's events in the design's.
    static func call(_ event: CallTree.Event) -> Event
    /// The root job `job` finished its own work: the design commits the request's version.
    mutating func rootWorkDone(_ job: Int32, at now: Instant)
    /// Node work applied an effect of the request in `slot` (in order or out of order).
    mutating func effectApplied(request slot: Int32, at now: Instant)
    /// The root job `job` is done with `outcome`; the tree frees it afterwards.
    mutating func rootFinished(_ job: Int32, outcome: CallOutcome, _ scheduler: inout Scheduler<Event>)
    /// `job`'s node publishes (its steps succeeded): the design sends the event and, when it
    /// is done with it, hands the job back through `finish(_:outcome:_:)`.
    mutating func publishAfterSteps(_ job: Int32, _ scheduler: inout Scheduler<Event>)
    /// Nothing refers to the request in `slot` any more (no job of its calls is left): it is
    /// freed after this returns.
    mutating func callsEnded(_ slot: Int32)
}

extension Calling where Self: ~Copyable {
    /// Handles one of the call tree's events; one naming a job or call that has since ended,
    /// or an attempt no longer awaited, is skipped.
    mutating func handleCall(_ event: CallTree.Event, _ scheduler: inout Scheduler<Event>) {
        switch event {
        case .deliver(let job, let generation):
            if calling.jobs.isLive(job, generation) { deliver(job, &scheduler) }
        case .workDone(let job, let generation):
            if calling.jobs.isLive(job, generation) { finishOwnWork(job, &scheduler) }
        case .reply(let call, let generation, let attempt, let outcome):
            if awaits(call, generation, attempt: attempt) {
                scheduler.cancel(calling.calls[call].timer)
                countAnswer(outcome, at: Int(calling.calls[call].node))
                answered(call, outcome, &scheduler)
            }
        case .timeout(let call, let generation, let attempt):
            if awaits(call, generation, attempt: attempt) {
                traceTimeout(call, at: scheduler.now)
                metrics.edges[calling.edgeRecord[Int(calling.calls[call].node)]].timeouts += 1
                answered(call, .timeout, &scheduler)
            }
        case .retry(let call, let generation):
            if calling.calls.isLive(call, generation) {
                calling.calls[call].attempt += 1
                metrics.retries += 1
                metrics.edges[calling.edgeRecord[Int(calling.calls[call].node)]].retries += 1
                send(call, &scheduler)
            }
        }
    }

    // MARK: - Jobs

    @inline(__always) mutating func newJob(request: Int32, node: Int, call: Int32, callGeneration: UInt32, attempt: UInt16, visit: Visit) -> Int32 {
        calling.requests[request].references += 1
        let job = CallJob(request: request, requestID: calling.requests[request].id, node: Int16(node),
                          service: Int32(calling.graph.nodes[node].service), call: call, callGeneration: callGeneration, attempt: attempt,
                          visit: visit)
        return calling.jobs.insert(job).slot
    }

    /// Frees `job` and, when nothing refers to its request any more, the request.
    @inline(__always) mutating func release(_ job: Int32) {
        let request = calling.jobs[job].request
        calling.jobs.remove(job)
        releaseRequest(request)
    }

    /// Drops one reference to the request in `slot` (a job's, or its design's); the last one
    /// frees it, after its design has heard that its calls ended.
    @inline(__always) mutating func releaseRequest(_ slot: Int32) {
        calling.requests[slot].references -= 1
        guard calling.requests[slot].references == 0 else { return }
        callsEnded(slot)
        calling.requests.remove(slot)
    }

    /// Starts a root job at `node` whose own work its design has done (and whose worker it
    /// holds) on the visit `visit`: it runs the node's steps at once. The design hears of it
    /// in `rootFinished`.
    mutating func runSteps(at node: Int, request: RequestState, origin: JobOrigin, visit: Visit, _ scheduler: inout Scheduler<Event>) {
        let slot = calling.requests.insert(request).slot
        let job = newJob(request: slot, node: node, call: -1, callGeneration: 0, attempt: 0, visit: visit)
        calling.jobs[job].isStepsOnly = true
        calling.jobs[job].origin = origin
        calling.jobs[job].tookWorkerAt = scheduler.now
        calling.jobs[job].workDoneAt = scheduler.now
        runStep(0, of: job, &scheduler)
    }

    // MARK: - A job at its service

    mutating func deliver(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let service = calling.service(of: job)
        let now = scheduler.now
        calling.jobs[job].arrivedAt = now
        if faults.isDown(service, at: now) { return answer(job, .unavailable, &scheduler) }
        let id = calling.jobs[job].requestID
        switch calling.stations.fate(of: service, request: id, visit: calling.jobs[job].visit, at: now, faults: faults) {
        case .served: break
        case .fails: return answer(job, .error, &scheduler)
        case .hangs: return release(job)  // never answers: the caller times out
        }
        switch calling.pools[service].admit(job, at: now) {
        case .started: startWork(job, queuedSince: now, &scheduler)
        case .queued:
            calling.jobs[job].phase = .queued
            if calling.pools[service].queueLength > world.lineLimit { stopAtLineLimit(of: service, &scheduler) }
        case .rejected:
            metrics.services[service].rejected += 1
            answer(job, .rejected, &scheduler)
        }
    }

    @inline(__always) mutating func startWork(_ job: Int32, queuedSince: Instant, _ scheduler: inout Scheduler<Event>) {
        let service = calling.service(of: job)
        let now = scheduler.now
        calling.jobs[job].phase = .working
        calling.jobs[job].tookWorkerAt = now
        metrics.services[service].started += 1
        metrics.services[service].queueing.record((now - queuedSince).nanoseconds)
        let id = calling.jobs[job].requestID
        if metrics.trace.isSampled(id), now > calling.jobs[job].arrivedAt {
            metrics.trace.span(.queued, request: id, track: TraceTrack(node: service), from: calling.jobs[job].arrivedAt, to: now)
        }
        let work = calling.workTime(of: service, request: id, visit: calling.jobs[job].visit, at: now, faults: faults)
        scheduler.schedule(Self.call(.workDone(job: job, generation: calling.jobs.generation(of: job))), after: .nanoseconds(work))
    }

    @inline(__always) mutating func finishOwnWork(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let node = Int(calling.jobs[job].node)
        let slot = calling.jobs[job].request
        let now = scheduler.now
        calling.jobs[job].workDoneAt = now
        let service = calling.service(of: job), id = calling.jobs[job].requestID
        if metrics.trace.isSampled(id) {
            metrics.trace.span(.work, request: id, track: TraceTrack(node: service), from: calling.jobs[job].tookWorkerAt, to: now)
        }
        if !isAwaited(job) { metrics.services[service].wastedWork += 1 }
        let target = calling.targets[node]
        if target < 0 {
            rootWorkDone(job, at: now)
        } else {
            let r = calling.requests[slot]
            let outcome = metrics.recordApply(target: target, key: r.key, version: r.version, committedAt: r.committedAt, at: now)
            if outcome == .inOrder || outcome == .outOfOrder { effectApplied(request: slot, at: now) }
        }
        runStep(0, of: job, &scheduler)
    }

    /// Whether the caller still waits for `job`'s answer.
    @inline(__always) func isAwaited(_ job: Int32) -> Bool {
        let call = calling.jobs[job].call
        guard call >= 0 else { return true }
        return awaits(call, calling.jobs[job].callGeneration, attempt: calling.jobs[job].attempt)
    }

    /// Whether `call`'s attempt `attempt` is still awaited. (Written here on the tree's tables,
    /// not as a method of the tree: a call of the tree's own method from a design reads the
    /// whole tree through the `calling` accessor, which the optimiser left out of line.)
    @inline(__always) func awaits(_ call: Int32, _ generation: UInt32, attempt: UInt16) -> Bool {
        calling.calls.isLive(call, generation) && calling.calls[call].isWaiting && calling.calls[call].attempt == attempt
    }

    /// Calls every node of step `step` at once, or finishes the job after its last step.
    @inline(__always) mutating func runStep(_ step: Int, of job: Int32, _ scheduler: inout Scheduler<Event>) {
        let node = Int(calling.jobs[job].node)
        let steps = calling.steps[node]
        guard step < steps.count else {
            if calling.publishes[node], calling.jobs[job].failure == nil { return publishAfterSteps(job, &scheduler) }
            return finish(job, outcome: calling.jobs[job].failure ?? .ok, &scheduler)
        }
        calling.jobs[job].phase = .waiting
        calling.jobs[job].step = Int16(step)
        calling.jobs[job].pendingCalls = Int16(steps[step].count)
        let generation = calling.jobs.generation(of: job)
        for node in steps[step] {
            let call = calling.calls.insert(PendingCall(job: job, jobGeneration: generation, node: Int16(node))).slot
            open(call, &scheduler)
        }
    }

    // MARK: - Calls

    /// A new call passes its edge's breaker and bulkhead, or fails at once. A call the
    /// bulkhead refuses is no outcome for the breaker.
    mutating func open(_ call: Int32, _ scheduler: inout Scheduler<Event>) {
        let node = Int(calling.calls[call].node)
        let record = calling.edgeRecord[node]
        metrics.edges[record].calls += 1
        if var breaker = calling.edges[node].breaker {
            let allowed = breaker.allowsCall(at: scheduler.now)
            calling.edges[node].breaker = breaker
            if !allowed {
                metrics.edges[record].shortCircuited += 1
                return close(call, .shortCircuited, &scheduler)
            }
        }
        if let limit = calling.policies[node].bulkhead {
            guard calling.edges[node].inFlight < limit else {
                calling.edges[node].breaker?.releaseTrial()  // never made: no outcome will come
                metrics.edges[record].rejected += 1
                return close(call, .rejected, &scheduler)
            }
            calling.edges[node].inFlight += 1
        }
        calling.edges[node].budget?.deposit()
        calling.calls[call].attempt = 1
        send(call, &scheduler)
    }

    mutating func send(_ call: Int32, _ scheduler: inout Scheduler<Event>) {
        let c = calling.calls[call]
        let generation = calling.calls.generation(of: call)
        calling.calls[call].isWaiting = true
        metrics.attempts += 1
        metrics.edges[calling.edgeRecord[Int(c.node)]].attempts += 1
        metrics.services[calling.graph.nodes[Int(c.node)].service].callAttempts += 1
        metrics.messages += 1
        let from = calling.service(of: c.job), to = calling.graph.nodes[Int(c.node)].service
        let request = calling.jobs[c.job].request
        let id = calling.jobs[c.job].requestID
        let visit = calling.jobs[c.job].visit.call(node: Int(c.node), attempt: c.attempt, isPrimary: calling.isPrimary[Int(c.node)])
        var copies = 0
        network.transmit(from: from, to: to, at: scheduler.now).forEachDelay { delay in
            // A duplicated call arrives twice: the callee serves (and applies) it twice, each copy on a visit of its own.
            let child = newJob(request: request, node: Int(c.node), call: call, callGeneration: generation, attempt: c.attempt,
                               visit: visit.copy(copies))
            copies += 1
            scheduler.schedule(Self.call(.deliver(job: child, generation: calling.jobs.generation(of: child))), after: delay)
            if metrics.trace.isSampled(id) {
                metrics.trace.message(.call, request: id, from: TraceTrack(node: from), to: TraceTrack(node: to),
                                      sent: scheduler.now, received: scheduler.now + delay, attempt: Int(c.attempt))
            }
        }
        let timeout = Self.call(.timeout(call: call, generation: generation, attempt: c.attempt))
        calling.calls[call].timer = scheduler.scheduleCancellable(timeout, after: calling.policies[Int(c.node)].timeout)
    }

    /// Counts an attempt into `node` that its callee answered with `outcome`: a refusal
    /// (a full line) as rejected, any other failure as failed.
    mutating func countAnswer(_ outcome: CallOutcome, at node: Int) {
        switch outcome {
        case .ok: break
        case .rejected: metrics.edges[calling.edgeRecord[node]].rejected += 1
        case .timeout, .error, .unavailable, .shortCircuited: metrics.edges[calling.edgeRecord[node]].failed += 1
        }
    }

    /// Writes each breaker's openings and time open through `now` into the metrics: per
    /// breaker, in node order, and added to its edge's record.
    mutating func recordBreakers(through now: Instant) {
        var index = 0
        for node in calling.edges.indices where calling.edgeRecord[node] >= 0 {
            guard let breaker = calling.edges[node].breaker else { continue }
            let (openings, timeOpen) = (breaker.openings, breaker.timeOpen(through: now))
            metrics.breakers[index].openings = openings
            metrics.breakers[index].timeOpen = timeOpen
            metrics.edges[calling.edgeRecord[node]].openings += openings
            metrics.edges[calling.edgeRecord[node]].timeOpen += timeOpen
            index += 1
        }
    }

    /// Writes the longest line each service's pool held into its metrics (a line the design
    /// keeps elsewhere may have written a longer one).
    mutating func recordLongestLines() {
        for service in 0..<calling.pools.count {
            metrics.services[service].peakQueue = Swift.max(metrics.services[service].peakQueue, calling.pools[service].longestLine)
        }
    }

    /// An attempt of `call` ended with `outcome`: done, or retried after a backoff.
    mutating func answered(_ call: Int32, _ outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let node = Int(calling.calls[call].node)
        calling.calls[call].isWaiting = false
        if var breaker = calling.edges[node].breaker {
            breaker.record(failure: outcome != .ok, at: scheduler.now)
            calling.edges[node].breaker = breaker
        }
        let attempt = Int(calling.calls[call].attempt)
        let retries = calling.policies[node].retries
        // The budget is asked last: asking spends a token, which only a retry made may cost.
        guard outcome != .ok, attempt < retries.attempts,
              calling.jobs.isLive(calling.calls[call].job, calling.calls[call].jobGeneration), calling.edges[node].allowsRetry() else {
            return close(call, outcome, &scheduler)
        }
        let wait = retries.delay(retry: attempt, previous: calling.calls[call].lastBackoff, random: &calling.backoffRandom)
        calling.calls[call].lastBackoff = wait
        scheduler.schedule(Self.call(.retry(call: call, generation: calling.calls.generation(of: call))), after: wait)
    }

    /// `call` is over; its caller moves on when the whole step is answered.
    mutating func close(_ call: Int32, _ outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let c = calling.calls[call]
        if calling.policies[Int(c.node)].bulkhead != nil, c.attempt > 0 { calling.edges[Int(c.node)].inFlight -= 1 }
        metrics.recordCallEnded(attempts: Int(c.attempt))
        calling.calls.remove(call)
        guard calling.jobs.isLive(c.job, c.jobGeneration) else { return }
        if outcome != .ok, calling.graph.nodes[Int(c.node)].isRequired, calling.jobs[c.job].failure == nil {
            calling.jobs[c.job].failure = outcome
        }
        calling.jobs[c.job].pendingCalls -= 1
        guard calling.jobs[c.job].pendingCalls == 0 else { return }
        if let failure = calling.jobs[c.job].failure {
            finish(c.job, outcome: failure, &scheduler)
        } else {
            runStep(Int(calling.jobs[c.job].step) + 1, of: c.job, &scheduler)
        }
    }

    /// `job` is done: its worker goes to the next in line and its answer goes to its caller.
    @inline(__always) mutating func finish(_ job: Int32, outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        if calling.jobs[job].isStepsOnly {
            rootFinished(job, outcome: outcome, &scheduler)
            return release(job)
        }
        let service = calling.service(of: job)
        let id = calling.jobs[job].requestID
        if metrics.trace.isSampled(id), scheduler.now > calling.jobs[job].workDoneAt, calling.jobs[job].phase == .waiting {
            metrics.trace.span(.waiting, request: id, track: TraceTrack(node: service), from: calling.jobs[job].workDoneAt, to: scheduler.now)
        }
        metrics.recordHeld(scheduler.now - calling.jobs[job].tookWorkerAt, service: service)
        if let next = calling.pools[service].release() { startWork(next.job, queuedSince: next.since, &scheduler) }
        answer(job, outcome, &scheduler)
    }

    /// Sends `job`'s answer to its caller (or, for a root, to its design) and frees the job.
    @inline(__always) mutating func answer(_ job: Int32, _ outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let call = calling.jobs[job].call
        if call < 0 {
            rootFinished(job, outcome: outcome, &scheduler)
        } else {
            metrics.messages += 1
            let generation = calling.jobs[job].callGeneration
            let callee = calling.service(of: job)
            let caller = calling.calls.isLive(call, generation) ? calling.service(of: calling.calls[call].job) : callee
            let reply = Self.call(.reply(call: call, generation: generation, attempt: calling.jobs[job].attempt, outcome: outcome))
            let id = calling.jobs[job].requestID
            let (node, attempt) = (Int(calling.jobs[job].node), Int(calling.jobs[job].attempt))
            network.transmit(from: callee, to: caller, at: scheduler.now).forEachDelay { delay in
                scheduler.schedule(reply, after: delay)
                if metrics.trace.isSampled(id) {
                    // A reply to a call already closed is traced to the caller's service, unawaited there.
                    let tracedCaller = calling.graph.nodes[calling.callers[node] ?? 0].service
                    metrics.trace.message(.reply, request: id, from: TraceTrack(node: callee), to: TraceTrack(node: tracedCaller),
                                          sent: scheduler.now, received: scheduler.now + delay, attempt: attempt, failure: outcome.failure)
                }
            }
        }
        release(job)
    }

    /// Records, for a traced request, that the caller of `call` stops waiting for its current attempt.
    mutating func traceTimeout(_ call: Int32, at now: Instant) {
        let c = calling.calls[call]
        let id = calling.jobs[c.job].requestID
        guard metrics.trace.isSampled(id) else { return }
        metrics.trace.timeout(request: id, caller: TraceTrack(node: calling.service(of: c.job)),
                              callee: TraceTrack(node: calling.graph.nodes[Int(c.node)].service), attempt: Int(c.attempt), at: now,
                              after: calling.policies[Int(c.node)].timeout)
    }

    /// The line at `service` passed the world's line limit: the run stops here, saying where.
    mutating func stopAtLineLimit(of service: Int, _ scheduler: inout Scheduler<Event>) {
        metrics.lineOverflow = LineOverflow(service: world.services[service].name, limit: world.lineLimit)
        scheduler.stop(.lineLimit)
    }

    // MARK: - Crashes

    /// `service` goes down: everything it held or queued is lost, with every call those jobs
    /// had open (its timer, a pending retry, the replies still on the wire); their callers
    /// time out. Work already sent to other services still runs there, unawaited. A root job
    /// that is lost reaches its design through `rootFinished` as `.unavailable`. The breakers
    /// and retry budgets on the edges it calls out on lived in its memory: it restarts with
    /// them closed and full, so a trial call lost with it cannot hold a breaker half-open.
    mutating func crashCalls(at service: Int, _ scheduler: inout Scheduler<Event>) {
        _ = calling.pools[service].reset()
        for node in calling.edges.indices {
            guard let caller = calling.callers[node], calling.graph.nodes[caller].service == service else { continue }
            calling.edges[node].restartCaller(at: scheduler.now)
        }
        for call in calling.calls.liveSlots where calling.isHeldByCrashed(call, service) {
            scheduler.cancel(calling.calls[call].timer)
            if calling.policies[Int(calling.calls[call].node)].bulkhead != nil, calling.calls[call].attempt > 0 {
                calling.edges[Int(calling.calls[call].node)].inFlight -= 1
            }
            calling.calls.remove(call)
        }
        for job in calling.jobs.liveSlots where calling.jobs[job].phase != .arriving && calling.service(of: job) == service {
            if calling.jobs[job].call < 0 { rootFinished(job, outcome: .unavailable, &scheduler) }
            release(job)
        }
    }
}
