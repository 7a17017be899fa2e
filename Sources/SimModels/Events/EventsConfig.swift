import SimKernel

/// The event-driven design: the entry commits its own work, an event goes to a broker's
/// topic, and each consumer service reads the topic at its own pace.
public struct EventsConfig: Sendable {
    /// Partitions of the topic (Kafka-like log).
    public var partitions: Int
    /// Whether events are routed by entity key (ordered per key) or spread round-robin.
    public var isKeyed: Bool
    /// How the entry gets its event to the broker.
    public var publish: PublishDiscipline
    /// How often the outbox relay looks for new rows (outbox only).
    public var relayInterval: TimeSpan
    /// How long a dual-writing producer buffers an event before sending it (Kafka's
    /// `linger.ms`, 5 ms by default since Kafka 4.0); a crash loses what is buffered.
    public var linger: TimeSpan
    /// Whether the entry waits for the broker's acknowledgement before answering (dual write only).
    public var waitsForAck: Bool
    /// How long a sender waits for an acknowledgement before it counts the publish as failed.
    public var publishTimeout: TimeSpan
    /// Events older than this are deleted even if unread; `nil` keeps them for ever.
    public var retention: TimeSpan?
    /// The consumers, one group per consuming service.
    public var consumers: [ConsumerConfig]

    public init(partitions: Int = 12, isKeyed: Bool = true, publish: PublishDiscipline = .outbox,
                relayInterval: TimeSpan = .milliseconds(10), linger: TimeSpan = .milliseconds(5), waitsForAck: Bool = true,
                publishTimeout: TimeSpan = .seconds(1), retention: TimeSpan? = nil, consumers: [ConsumerConfig]) {
        self.partitions = partitions
        self.isKeyed = isKeyed
        self.publish = publish
        self.relayInterval = relayInterval
        self.linger = linger
        self.waitsForAck = waitsForAck
        self.publishTimeout = publishTimeout
        self.retention = retention
        self.consumers = consumers
    }
}

/// How the entry service hands its event to the broker.
public enum PublishDiscipline: String, Sendable, CaseIterable {
    /// The event is written with the state change in one transaction; a relay publishes it
    /// later and retries until acknowledged. Nothing is lost; duplicates are possible.
    case outbox
    /// The state change commits, then the event is published; a failure in between loses it.
    case dualWrite = "dual-write"
}

/// One consuming service: its instances and how it processes and commits.
public struct ConsumerConfig: Sendable {
    /// The service that consumes (its work distribution is the processing time).
    public var service: Int
    /// Instances in the consumer group; partitions are shared among them.
    public var instances: Int
    /// Partitions one instance processes at once (one event at a time per partition).
    public var concurrency: Int
    /// When offsets are committed.
    public var commit: CommitPolicy
    /// Whether the consumer skips events it has already applied.
    public var isIdempotent: Bool
    /// Where a consumer starts when its position has been deleted by retention.
    public var offsetReset: OffsetReset

    public init(service: Int, instances: Int = 1, concurrency: Int = 1, commit: CommitPolicy = .afterProcessing,
                isIdempotent: Bool = false, offsetReset: OffsetReset = .earliest) {
        self.service = service
        self.instances = instances
        self.concurrency = concurrency
        self.commit = commit
        self.isIdempotent = isIdempotent
        self.offsetReset = offsetReset
    }
}

/// When a consumer commits its offset.
public enum CommitPolicy: Sendable, Equatable {
    /// After processing each event: at-least-once (a crash replays, so duplicates).
    case afterProcessing
    /// Before processing each event: at-most-once (a crash loses events).
    case beforeProcessing
    /// Every interval, whatever was processed (Kafka's auto-commit, 5 s by default).
    case periodic(TimeSpan)
}

/// Where a consumer group restarts when its committed offset is no longer in the log.
public enum OffsetReset: String, Sendable, CaseIterable {
    /// At the oldest retained event.
    case earliest
    /// At the end of the log: everything in between is skipped.
    case latest
}
