import SimKernel

/// The event-driven design: the entry commits its own work, an event goes to a broker's
/// topic, and each consumer service reads the topic at its own pace.
public struct EventsConfig: Sendable {
    /// Where the entry's events wait for their consumers: a partitioned log or one queue per
    /// consumer (each onward topic names its own).
    public var broker: Broker
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
    /// How long a sender waits for the acknowledgement of one attempt before it counts the
    /// attempt as failed (Kafka's `request.timeout.ms`, 30 s).
    public var publishTimeout: TimeSpan
    /// How the producer retries, gives up and is deduplicated.
    public var producer: ProducerSettings
    /// Events older than this are deleted from the log even if unread; `nil` keeps them for ever.
    public var retention: TimeSpan?
    /// Each partition keeps at most this many events, the oldest deleted first even if
    /// unread (a count in place of Kafka's `retention.bytes`); `nil` for no limit.
    public var retentionEvents: Int?
    /// The consumers, one group per consuming service (at most `maxConsumers` over every
    /// topic): first the entry's topic's, then each onward topic's.
    public var consumers: [ConsumerConfig]
    /// The topics consumers publish onward to; topic `t` ≥ 1 is `onwardTopics[t - 1]` (topic
    /// 0 is the entry's, set by the fields above).
    public var onwardTopics: [TopicConfig] = []
    /// The synchronous calls the entry and the consumers make, if any.
    public var calls: EventCalls?

    /// The most consumer services one architecture may have.
    public static let maxConsumers = 64

    public init(broker: Broker = .log, partitions: Int = 12, isKeyed: Bool = true, publish: PublishDiscipline = .outbox,
                relayInterval: TimeSpan = .milliseconds(10), linger: TimeSpan = .milliseconds(5), waitsForAck: Bool = true,
                publishTimeout: TimeSpan = .seconds(30), producer: ProducerSettings = ProducerSettings(), retention: TimeSpan? = nil,
                consumers: [ConsumerConfig]) {
        self.broker = broker
        self.partitions = partitions
        self.isKeyed = isKeyed
        self.publish = publish
        self.relayInterval = relayInterval
        self.linger = linger
        self.waitsForAck = waitsForAck
        self.publishTimeout = publishTimeout
        self.producer = producer
        self.retention = retention
        self.consumers = consumers
    }
}

extension EventsConfig {
    /// Topic `t`: the entry's (0) or an onward one.
    public func topic(_ t: Int) -> TopicConfig {
        t == 0 ? TopicConfig(name: "", broker: broker, partitions: partitions, isKeyed: isKeyed, retention: retention, retentionEvents: retentionEvents)
            : onwardTopics[t - 1]
    }

    /// How many topics there are, the entry's included.
    public var topicCount: Int { 1 + onwardTopics.count }

    /// How long a dual write may take to be acknowledged before the producer gives up: the
    /// scenario's `deliveryTimeout`, or Kafka's default raised to `linger` + `publishTimeout`
    /// when those are longer (as Kafka's producer does when the user did not set it).
    public var deliveryTimeout: TimeSpan {
        producer.deliveryTimeout ?? Swift.max(ProducerSettings.defaultDeliveryTimeout, linger + publishTimeout)
    }

    /// Whether the broker deduplicates resends by sequence number: an idempotent producer on
    /// the log (a queue appends every copy, as a standard SQS queue does).
    public var isIdempotentPublish: Bool { producer.isIdempotent && broker == .log }
}

/// How the entry service hands its event to the broker.
public enum PublishDiscipline: String, Sendable, CaseIterable {
    /// The event is written with the state change in one transaction; a relay publishes the
    /// rows in commit order and retries until acknowledged. Nothing is lost; duplicates are
    /// possible without an idempotent producer.
    case outbox
    /// The state change commits, then the event is published; a crash in between, or a broker
    /// out of reach for longer than the delivery timeout, loses it.
    case dualWrite = "dual-write"
}

/// Where events wait for their consumers.
public enum Broker: Sendable, Equatable {
    /// A Kafka-like topic: partitions read in order, each by one instance of each consumer
    /// group, which commits its offsets.
    case log
    /// One SQS- or RabbitMQ-like queue per consumer service (an SNS→SQS fan-out): the
    /// service's workers compete for messages, in no guaranteed order, and acknowledge each.
    case queue(QueueSettings)
}

extension Broker {
    /// The queues' settings, for a queue broker.
    public var queueSettings: QueueSettings? {
        if case .queue(let settings) = self { return settings }
        return nil
    }
}

/// The settings of the queues of `Broker.queue`.
public struct QueueSettings: Sendable, Equatable {
    /// How long a received message stays invisible to other consumers before it is
    /// delivered again unless acknowledged (SQS's default: 30 s).
    public var visibilityTimeout: TimeSpan
    /// Receives after which a message goes to the dead-letter queue; `nil` for none (SQS
    /// without a redrive policy; RabbitMQ 4's quorum queues default to a limit of 20).
    public var maxReceiveCount: Int?
    /// Messages one consumer instance may hold received but not yet answered (SQS returns
    /// at most 10 per receive).
    public var prefetch: Int
    /// Messages older than this are deleted even if never processed (SQS's default: 4 days).
    public var retention: TimeSpan

    public init(visibilityTimeout: TimeSpan = .seconds(30), maxReceiveCount: Int? = nil, prefetch: Int = 10,
                retention: TimeSpan = .hours(96)) {
        precondition(prefetch >= 1, "an instance must be able to hold a message")
        precondition(maxReceiveCount.map { $0 >= 1 } ?? true, "a message is received at least once")
        self.visibilityTimeout = visibilityTimeout
        self.maxReceiveCount = maxReceiveCount
        self.prefetch = prefetch
        self.retention = retention
    }
}
