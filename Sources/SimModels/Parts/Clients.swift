import SimKernel
import SimMetrics

/// A part: the users at the entry, each waiting a bounded time for an attempt and trying
/// again after a failure or a timeout (`ClientPolicy`). Each user request keeps its id and
/// key across attempts; attempt `k` is the entry's attempt `k − 1` for the draws, so both
/// designs face the same users. Backoffs are drawn per (request, attempt).
public struct Clients: ~Copyable {
    /// What can happen to a waiting user.
    public enum Event: Sendable {
        /// The user has waited the timeout for attempt `attempt`: it gives up on it.
        case timeout(user: Int32, generation: UInt32, attempt: UInt16)
        /// The user's backoff is over: it tries again.
        case retry(user: Int32, generation: UInt32)
    }

    /// One user's request, across its attempts.
    struct User: Sendable {
        var id: UInt64
        var key: Int32
        var arrival: Instant
        var attempt: UInt16 = 1
        var isWaiting = true
        var timer: TimerHandle = .none
        var lastBackoff: TimeSpan = .zero
    }

    /// Whether the workload describes its users' client; without one, each request is one
    /// attempt, and its user waits for its answer however long it takes.
    let isModelled: Bool
    /// The users' timeout and retries; only users of a modelled client exist to follow it.
    let policy: ClientPolicy
    var users = SlotTable<User>()
    let backoffDraws: RequestDraws

    /// The users of `policy` (`nil`: the workload describes no client), their backoffs drawn
    /// from the world's `seed`.
    init(policy: ClientPolicy?, seed: UInt64) {
        isModelled = policy != nil
        self.policy = policy ?? ClientPolicy()
        backoffDraws = RequestDraws(seed: seed, name: "client/backoff")
    }
}

/// A design whose entry serves `Clients`: it sends each attempt to its entry and reports
/// each attempt's answer; the part decides what the user does and records one response per
/// user request.
protocol Serving: EventHandling, ~Copyable {
    var clients: Clients { get set }
    var metrics: ArchitectureMetrics { get set }
    var world: WorldConfig { get }
    /// Wraps one of the clients' events in the design's.
    static func client(_ event: Clients.Event) -> Event
    /// Sends attempt `attempt` (1 for the first) of user request `user` to the entry.
    mutating func sendToEntry(user: Int32, generation: UInt32, attempt: UInt16, _ scheduler: inout Scheduler<Event>)
}

extension Serving where Self: ~Copyable {
    /// A user request arrives: it is counted once, and its first attempt goes to the entry.
    /// The users waiting for an answer (or for their next attempt) are a line of their own:
    /// past the world's line limit the run stops there, as at a service's line, since users
    /// whose attempts hang take no place in any line and would otherwise pile up unbounded.
    mutating func arriveAsUser(id: UInt64, key: Int32, _ scheduler: inout Scheduler<Event>) {
        metrics.recordArrival()
        let (user, generation) = clients.users.insert(Clients.User(id: id, key: key, arrival: scheduler.now))
        send(user, generation, &scheduler)
        if clients.users.liveCount > world.lineLimit, metrics.lineOverflow == nil {
            metrics.lineOverflow = LineOverflow(usersOf: world.services[world.workload.entry].name, limit: world.lineLimit)
            scheduler.stop(.lineLimit)
        }
    }

    mutating func send(_ user: Int32, _ generation: UInt32, _ scheduler: inout Scheduler<Event>) {
        let attempt = clients.users[user].attempt
        clients.users[user].isWaiting = true
        if let patience = clients.policy.timeout {
            let timeout = Self.client(.timeout(user: user, generation: generation, attempt: attempt))
            clients.users[user].timer = scheduler.scheduleCancellable(timeout, after: patience)
        }
        sendToEntry(user: user, generation: generation, attempt: attempt, &scheduler)
    }

    /// Handles one of the clients' events; one for a user who has moved on is skipped.
    mutating func handleClient(_ event: Clients.Event, _ scheduler: inout Scheduler<Event>) {
        switch event {
        case .timeout(let user, let generation, let attempt):
            guard clients.users.isLive(user, generation), clients.users[user].isWaiting, clients.users[user].attempt == attempt else { return }
            metrics.abandonedAttempts += 1
            attemptEnded(user, generation, failure: .timeout, &scheduler)
        case .retry(let user, let generation):
            guard clients.users.isLive(user, generation) else { return }
            clients.users[user].attempt += 1
            metrics.clientRetries += 1
            send(user, generation, &scheduler)
        }
    }

    /// Whether user request `user` (of `generation`) still waits for the entry's answer to
    /// its attempt `attempt`: the user has neither had an answer nor given up on it.
    func awaits(user: Int32, generation: UInt32, attempt: UInt16) -> Bool {
        clients.users.isLive(user, generation) && clients.users[user].isWaiting && clients.users[user].attempt == attempt
    }

    /// The entry answered attempt `attempt` of `user` with `failure` (`nil`: success). An
    /// answer the user no longer waits for is dropped: its work was done for nothing.
    mutating func entryAnswered(user: Int32, generation: UInt32, attempt: UInt16, failure: FailureKind?, _ scheduler: inout Scheduler<Event>) {
        guard awaits(user: user, generation: generation, attempt: attempt) else { return }
        scheduler.cancel(clients.users[user].timer)
        attemptEnded(user, generation, failure: failure, &scheduler)
    }

    /// An attempt ended: the user is answered, gives up, or tries again after its backoff.
    mutating func attemptEnded(_ user: Int32, _ generation: UInt32, failure: FailureKind?, _ scheduler: inout Scheduler<Event>) {
        clients.users[user].isWaiting = false
        let u = clients.users[user]
        let retries = clients.policy.retries
        guard failure != nil, Int(u.attempt) < retries.attempts else {
            metrics.recordResponse(latency: scheduler.now - u.arrival, failure: failure)
            return clients.users.remove(user)
        }
        var random = clients.backoffDraws.stream(request: u.id, attempt: Int(u.attempt))
        let wait = retries.delay(retry: Int(u.attempt), previous: u.lastBackoff, random: &random)
        clients.users[user].lastBackoff = wait
        scheduler.schedule(Self.client(.retry(user: user, generation: generation)), after: wait)
    }
}
