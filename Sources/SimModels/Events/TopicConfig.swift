import SimKernel

/// One topic of the log broker: its partitions, how events are routed to them, and how long
/// they are kept. Consumers of one topic may publish onward to another (chained events).
public struct TopicConfig: Sendable, Equatable {
    /// The topic's name, as consumers' `publishes` refer to it (empty for the entry's topic).
    public var name: String
    /// Partitions of the topic.
    public var partitions: Int
    /// Whether events are routed by entity key (ordered per key) or spread round-robin.
    public var isKeyed: Bool
    /// Events older than this are deleted even if unread; `nil` keeps them for ever.
    public var retention: TimeSpan?
    /// Each partition keeps at most this many events, the oldest deleted first; `nil` for no limit.
    public var retentionEvents: Int?

    public init(name: String, partitions: Int = 12, isKeyed: Bool = true, retention: TimeSpan? = nil, retentionEvents: Int? = nil) {
        precondition(partitions >= 1, "a topic has a partition")
        self.name = name
        self.partitions = partitions
        self.isKeyed = isKeyed
        self.retention = retention
        self.retentionEvents = retentionEvents
    }
}
