import SimKernel

/// One topic: the broker that holds it (a partitioned log, or a queue per consumer), its
/// partitions, how events are routed to them, and how long they are kept. Consumers of one
/// topic may publish onward to another (chained events), on the same broker kind or not.
public struct TopicConfig: Sendable, Equatable {
    /// The topic's name, as consumers' `publishes` refer to it (empty for the entry's topic).
    public var name: String
    /// What holds its events: a Kafka-like log, or one SQS-like queue per consumer (the
    /// partition and retention fields below are the log's).
    public var broker: Broker
    /// Partitions of the topic.
    public var partitions: Int
    /// Whether events are routed by entity key (ordered per key) or spread round-robin.
    public var isKeyed: Bool
    /// Events older than this are deleted even if unread; `nil` keeps them for ever.
    public var retention: TimeSpan?
    /// Each partition keeps at most this many events, the oldest deleted first; `nil` for no limit.
    public var retentionEvents: Int?

    public init(name: String, broker: Broker = .log, partitions: Int = 12, isKeyed: Bool = true, retention: TimeSpan? = nil, retentionEvents: Int? = nil) {
        precondition(partitions >= 1, "a topic has a partition")
        self.name = name
        self.broker = broker
        self.partitions = partitions
        self.isKeyed = isKeyed
        self.retention = retention
        self.retentionEvents = retentionEvents
    }
}
