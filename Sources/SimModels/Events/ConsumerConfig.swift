import SimKernel

/// One consuming service: its instances and how it processes and commits.
public struct ConsumerConfig: Sendable {
    /// The service that consumes (its work distribution is the processing time).
    public var service: Int
    /// Instances in the consumer group; partitions (or a queue's messages) are shared among them.
    public var instances: Int
    /// Events one instance processes at once: on a log, one at a time per partition; on a
    /// queue, any messages it has received.
    public var concurrency: Int
    /// When offsets are committed.
    public var commit: CommitPolicy
    /// Whether the consumer skips events it has already applied.
    public var isIdempotent: Bool
    /// Where a consumer starts when its position has been deleted by retention.
    public var offsetReset: OffsetReset
    /// Attempts at one event before it is dead-lettered, the first included (log broker).
    /// 10 by default, as Spring Kafka's `DefaultErrorHandler` (`FixedBackOff(0, 9)`).
    public var maxAttempts: Int
    /// The pause after a failed attempt before the next one; zero by default, as Spring
    /// Kafka's default back-off. On a queue: how long a failed message stays invisible.
    public var retryBackoff: TimeSpan
    /// What a failed attempt does to the events behind it.
    public var onFailure: FailureHandling
    /// How long the group waits without hearing from a crashed instance before it takes
    /// the instance's partitions away (Kafka's `session.timeout.ms`, 45 s since Kafka 3.0).
    public var sessionTimeout: TimeSpan
    /// How long a rebalance pauses the partitions it revokes, from its start to the new
    /// assignment taking effect. 3 s by default, borrowed from Kafka's
    /// `group.initial.rebalance.delay.ms`: Kafka has no single figure for this.
    public var rebalancePause: TimeSpan
    /// How partitions are shared among the instances in the group.
    public var assignment: PartitionAssignment
    /// Which partitions a rebalance pauses.
    public var rebalance: RebalanceProtocol
    /// How long an instance waits for a delivery from the log before it asks again (a
    /// delivery the network dropped, or held past this). 30 s by default, Kafka's
    /// `request.timeout.ms`.
    public var fetchTimeout: TimeSpan
    /// The most events one fetch from the log brings an instance, for one partition: Kafka's
    /// `max.poll.records` (500).
    public static let maxPollRecords: Int64 = 500
    /// The topic it reads (0: the entry's; see `EventsConfig.topic(_:)`).
    public var topic = 0
    /// The topic it publishes each processed event to, after its work, calls and effect, if
    /// any (chained events).
    public var publishesTo: Int?
    /// How it publishes there: a dual write (it sends the event and waits for the broker's
    /// answer before it commits; a failed publish fails the attempt) or an outbox (the event
    /// is written with its effect, the attempt succeeds at once, and a relay publishes the
    /// rows in order, retrying until the broker has each).
    public var publishesVia = PublishDiscipline.dualWrite

    public init(service: Int, instances: Int = 1, concurrency: Int = 1, commit: CommitPolicy = .afterProcessing,
                isIdempotent: Bool = false, offsetReset: OffsetReset = .latest,
                maxAttempts: Int = 10, retryBackoff: TimeSpan = .zero, onFailure: FailureHandling = .retryInLine,
                sessionTimeout: TimeSpan = .seconds(45), rebalancePause: TimeSpan = .seconds(3),
                assignment: PartitionAssignment = .roundRobin, rebalance: RebalanceProtocol = .eager,
                fetchTimeout: TimeSpan = .seconds(30)) {
        precondition(maxAttempts >= 1, "an event is attempted at least once")
        self.service = service
        self.instances = instances
        self.concurrency = concurrency
        self.commit = commit
        self.isIdempotent = isIdempotent
        self.offsetReset = offsetReset
        self.maxAttempts = maxAttempts
        self.retryBackoff = retryBackoff
        self.onFailure = onFailure
        self.sessionTimeout = sessionTimeout
        self.rebalancePause = rebalancePause
        self.assignment = assignment
        self.rebalance = rebalance
        self.fetchTimeout = fetchTimeout
    }
}

/// What a consumer does with an event whose processing failed.
public enum FailureHandling: String, Sendable, CaseIterable {
    /// Retry it where it is, after `retryBackoff`, up to `maxAttempts` attempts, then
    /// dead-letter it and move on. On a log the partition waits meanwhile (head-of-line
    /// blocking, as Spring Kafka's blocking retries); a queue has no line to block, so the
    /// message goes back to the queue and the broker counts its receives.
    case retryInLine = "retry-in-line"
    /// Dead-letter it at the first failure and move on at once: nothing waits behind it.
    case park
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

/// How a consumer group shares a topic's partitions among its live instances, taken in
/// instance order.
public enum PartitionAssignment: String, Sendable, CaseIterable {
    /// Contiguous runs of partitions, the first instances taking one more when they do not
    /// divide evenly (Kafka's `RangeAssignor`, its default).
    case range
    /// Partition p to the (p mod n)-th instance (Kafka's `RoundRobinAssignor`).
    case roundRobin = "round-robin"
}

/// Which partitions stop while a consumer group rebalances.
public enum RebalanceProtocol: String, Sendable, CaseIterable {
    /// Every instance gives up every partition until the new assignment: the whole group
    /// stops (Kafka's classic protocol).
    case eager
    /// Only partitions that change owner stop; the rest keep being processed (Kafka's
    /// incremental cooperative rebalancing, KIP-429).
    case cooperative
}
