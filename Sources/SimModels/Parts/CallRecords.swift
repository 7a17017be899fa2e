import SimKernel

/// A request in flight, shared by the jobs that serve it.
struct RequestState: Sendable {
    var id: UInt64
    var key: Int32
    var version: Int32 = 0
    var arrival: Instant
    var committedAt: Instant = .zero
    var effectsLeft: Int16 = 0
    var references: Int32 = 0
    /// The user request this is an attempt of, when users have a client policy (else −1).
    var user: Int32 = -1
    var userGeneration: UInt32 = 0
    /// In an event-driven design: the request's slot (and its generation) among those awaiting
    /// effects, so that an event a called service publishes settles there (else −1).
    var pendingSlot: Int32 = -1
    var pendingGeneration: UInt32 = 0

    init(id: UInt64, key: Int32, arrival: Instant) {
        self.id = id
        self.key = key
        self.arrival = arrival
    }
}

/// One node's part of one request: one attempt of one call (or the root's part: the user's
/// request at the entry, or a consumer's processing of an event), from arrival at the
/// service until its answer is sent.
struct CallJob: Sendable {
    enum Phase: UInt8, Sendable { case arriving, queued, working, waiting }

    var request: Int32
    /// The request's id, and the service of the job's node: read on every event of the job,
    /// kept here so that reading them takes no look-up in the request table or the graph.
    var requestID: UInt64
    var service: Int32
    var node: Int16
    /// The call this job answers, or −1 for the root's job.
    var call: Int32
    var callGeneration: UInt32
    /// Which attempt of that call this job is (0 for the user's request).
    var attempt: UInt16
    /// Which visit of its request to the service this is, for the service's draws.
    var visit: Visit
    var phase: Phase = .arriving
    var step: Int16 = 0
    var pendingCalls: Int16 = 0
    /// The first failure of a required call in the current step.
    var failure: CallOutcome?
    var arrivedAt: Instant = .zero
    var tookWorkerAt: Instant = .zero
    var workDoneAt: Instant = .zero
    /// Whether the job only runs the node's steps: its own work was done, and its worker
    /// held, by the design that started it (an event-driven entry or consumer).
    var isStepsOnly = false
    /// What a steps-only root job works for, in its design's terms.
    var origin = JobOrigin()

    init(request: Int32, requestID: UInt64, node: Int16, service: Int32, call: Int32, callGeneration: UInt32, attempt: UInt16,
         visit: Visit) {
        self.request = request
        self.requestID = requestID
        self.service = service
        self.node = node
        self.call = call
        self.callGeneration = callGeneration
        self.attempt = attempt
        self.visit = visit
    }
}

/// A caller's call to one node, across its attempts.
struct PendingCall: Sendable {
    var job: Int32
    var jobGeneration: UInt32
    var node: Int16
    var attempt: UInt16 = 0
    var isWaiting = false
    var timer: TimerHandle = .none
    var lastBackoff: TimeSpan = .zero

    init(job: Int32, jobGeneration: UInt32, node: Int16) {
        self.job = job
        self.jobGeneration = jobGeneration
        self.node = node
    }
}

/// The protections on the edge into one node.
struct CallEdge: Sendable {
    var breaker: CircuitBreaker?
    var budget: RetryBudget?
    var inFlight = 0

    init(_ policy: CallPolicy) {
        breaker = policy.breaker.map(CircuitBreaker.init)
        budget = policy.retryBudget.map(RetryBudget.init)
    }

    /// The caller crashed at `now`: it restarts with a closed breaker and a full retry budget,
    /// both kept in its memory.
    mutating func restartCaller(at now: Instant) {
        breaker?.restart(at: now)
        if let ratio = budget?.ratio { budget = RetryBudget(ratio: ratio) }
    }

    /// Whether the edge's retry budget allows one more retry (spending it).
    mutating func allowsRetry() -> Bool {
        guard budget != nil else { return true }
        return budget!.withdraw()
    }
}

/// What a steps-only root job works for: an entry job, a log partition's head (group,
/// partition, epoch), or a queue consumer's job (group, job, generation).
struct JobOrigin: Sendable {
    var owner: Int32 = -1
    var item: Int32 = -1
    var generation: UInt32 = 0
}
