import SimKernel

/// How the entry's producer retries a publish the broker did not acknowledge, after Kafka's
/// producer (`retry.backoff.ms`, `delivery.timeout.ms`, `enable.idempotence`); the wait for
/// each attempt is `EventsConfig.publishTimeout` (Kafka's `request.timeout.ms`).
public struct ProducerSettings: Sendable, Equatable {
    /// How long the producer waits after a failed attempt before it sends again (Kafka's
    /// `retry.backoff.ms`, 100 ms).
    public var retryBackoff: TimeSpan
    /// How long after its commit a dual write may take to be acknowledged, retries included,
    /// before the producer gives up on it (Kafka's `delivery.timeout.ms`); `nil` for Kafka's
    /// default, 120 s or `linger` + `publishTimeout` if that is longer. The outbox relay never
    /// gives up: its rows stay in the table until acknowledged.
    public var deliveryTimeout: TimeSpan?
    /// Whether the broker deduplicates the producer's resends (Kafka's `enable.idempotence`,
    /// on by default since Kafka 3.0): each event carries a sequence number per partition,
    /// and the broker appends only the next one it expects (log broker only).
    public var isIdempotent: Bool

    /// Kafka's default `delivery.timeout.ms`.
    public static let defaultDeliveryTimeout = TimeSpan.seconds(120)

    public init(retryBackoff: TimeSpan = .milliseconds(100), deliveryTimeout: TimeSpan? = nil, isIdempotent: Bool = true) {
        self.retryBackoff = retryBackoff
        self.deliveryTimeout = deliveryTimeout
        self.isIdempotent = isIdempotent
    }
}
