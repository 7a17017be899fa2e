/// A waiting line that grew past the run's line limit, which stopped the run: a service's
/// line of requests, or the backlog of events the broker holds for a topic (its partitions'
/// events not yet past every consumer, or the messages in its consumers' queues).
public struct LineOverflow: Sendable, Equatable {
    /// The line, as `metrics.json` names it in `run.overflowedLine`: the service's name, or
    /// `topic NAME` for a topic's backlog (`topic of ENTRY` for the entry service's topic).
    /// Names hold no spaces, so the two never meet.
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

    /// Whether it is a topic's backlog of events (else a service's line of requests).
    public var isBacklog: Bool { line.hasPrefix("topic ") }

    /// What passed the limit: `the line at payment passed 10000000 waiting requests`, or
    /// `the backlog of the topic orders passed 10000000 events`.
    public var passed: String {
        isBacklog ? "the backlog of the \(line) passed \(limit) events" : "the line at \(line) passed \(limit) waiting requests"
    }

    /// What keeps it below the limit, in a sentence's words.
    public var remedy: String {
        isBacklog ? "its consumers fell behind; give them more instances or concurrency" : "give it a bounded `queue`"
    }

    /// Why it grew and what would stop it, for a failed check's `why`.
    public var cause: String {
        isBacklog
            ? "events were published faster than the consumers of the \(line) processed them (or while they were down); "
                + "give them more instances or concurrency, or lower the arrival rate"
            : "requests arrived faster than \(line) served them; give \(line) a bounded \"queue\" (or more workers, or a lower arrival rate)"
    }
}
