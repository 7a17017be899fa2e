/// A waiting line that grew past the run's line limit, which stopped the run: a service's
/// line of requests, the backlog of events the broker holds for a topic (its partitions'
/// events not yet past every consumer, or the messages in its consumers' queues), the
/// events the entry has committed and the broker has not acknowledged (its outbox's rows, or
/// its dual-writing producer's events), or the users who wait for the entry's answer.
public struct LineOverflow: Sendable, Equatable {
    /// The line, as `metrics.json` names it in `run.overflowedLine`: the service's name,
    /// `topic NAME` for a topic's backlog (`topic of ENTRY` for the entry service's topic),
    /// `outbox of ENTRY` or `producer of ENTRY` for the events the entry has not had
    /// acknowledged, or `users of ENTRY` for its users waiting for an answer. Names hold no
    /// spaces, so none of them meet.
    public var line: String
    /// The line limit it passed, in waiting requests or held events.
    public var limit: Int

    /// The line named `line` (as `metrics.json` names it), which passed `limit`.
    public init(line: String, limit: Int) {
        self.line = line
        self.limit = limit
    }

    /// The line at `service`, which passed `limit` waiting requests.
    public init(service: String, limit: Int) {
        self.init(line: service, limit: limit)
    }

    /// The backlog of the onward topic named `topic`, which passed `limit` held events.
    public init(topic: String, limit: Int) {
        self.init(line: "topic " + topic, limit: limit)
    }

    /// The backlog of the topic `entry` publishes to, which passed `limit` held events.
    public init(topicOfEntry entry: String, limit: Int) {
        self.init(line: "topic of " + entry, limit: limit)
    }

    /// The events that `entry` has committed and the broker has not acknowledged, which passed
    /// `limit`: the rows of its outbox (`isOutbox`), or the events of its dual-writing producer.
    public init(unacknowledgedAt entry: String, isOutbox: Bool, limit: Int) {
        self.init(line: (isOutbox ? "outbox of " : "producer of ") + entry, limit: limit)
    }

    /// The users of `entry` (a workload's client) waiting for an answer to an attempt or for
    /// their next attempt, who passed `limit`.
    public init(usersOf entry: String, limit: Int) {
        self.init(line: "users of " + entry, limit: limit)
    }

    /// Whether it is the users waiting for the entry's answers.
    public var isUsers: Bool { line.hasPrefix("users of ") }

    /// Whether it is a topic's backlog of events.
    public var isBacklog: Bool { line.hasPrefix("topic ") }

    /// Whether it is the events the entry has committed and the broker has not acknowledged.
    public var isUnacknowledged: Bool { line.hasPrefix("outbox of ") || line.hasPrefix("producer of ") }

    /// What passed the limit: `the line at payment passed 10000000 waiting requests`,
    /// `the backlog of the topic orders passed 10000000 events`,
    /// `the outbox of orders passed 10000000 events the broker has not acknowledged`, or
    /// `the users of payment passed 10000000 waiting for an answer`.
    public var passed: String {
        if isUsers { return "the \(line) passed \(limit) waiting for an answer" }
        if isUnacknowledged { return "the \(line) passed \(limit) events the broker has not acknowledged" }
        return isBacklog ? "the backlog of the \(line) passed \(limit) events" : "the line at \(line) passed \(limit) waiting requests"
    }

    /// What keeps it below the limit, in a sentence's words.
    public var remedy: String {
        if isUsers { return "the entry answered them too slowly or not at all (a hang); shorten workload.client.timeout, give the entry a bounded queue, or lower the arrival rate" }
        if isUnacknowledged { return "the broker was down or out of reach for too long at this arrival rate; shorten its outage or lower the arrival rate" }
        return isBacklog ? "its consumers fell behind; give them more instances or concurrency" : "give it a bounded queue"
    }

    /// Why it grew and what would stop it, for a failed check's `why`.
    public var cause: String {
        if isUsers {
            return "users arrived faster than the entry answered them or they gave up (a hang on it, or a long client timeout); "
                + "shorten workload.client.timeout, give the entry a bounded \"queue\", or lower the arrival rate"
        }
        if isUnacknowledged {
            return "events were committed faster than the broker acknowledged them (it was down or out of reach); "
                + "shorten the broker's outage or lower the arrival rate"
        }
        return isBacklog
            ? "events were published faster than the consumers of the \(line) processed them (or while they were down); "
                + "give them more instances or concurrency, or lower the arrival rate"
            : "requests arrived faster than \(line) served them; give \(line) a bounded \"queue\" (or more workers, or a lower arrival rate)"
    }
}
