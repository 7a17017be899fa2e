import SimKernel

/// The producer's line of unacknowledged events for one partition (one line for a queue
/// broker), oldest first, sent in that order.
///
/// Events go out in order, up to `window` in flight (sent and not yet acknowledged). When an attempt fails (no
/// acknowledgement within the request timeout, or a refusal from the broker), the lane goes
/// back to its oldest unacknowledged event: after the retry back-off it sends that one alone
/// (a probe) until it is acknowledged, then the rest again, in order. So the broker sees a
/// partition's events in commit order, as Kafka's producer and the relays built on it
/// (log-based change capture, ordered polling publishers) deliver them.
struct ProducerLane: Sendable {
    /// The most events of one lane in flight at once: Kafka's five in-flight requests per
    /// connection, each a batch, counted here in events.
    static let window = 1024

    /// Events not yet acknowledged (nor given up), oldest first; an event acknowledged out of
    /// turn stays until it reaches the front.
    var events = RingBuffer<Int32>(capacity: 16)
    /// How many events at the front were sent in the current round and not failed since, and
    /// how many of them wait for their acknowledgement: the window counts only those, as
    /// Kafka's in-flight limit counts the requests not yet answered.
    var sent = 0
    var inFlight = 0
    /// Bumped whenever the lane goes back to its oldest event: timeouts and refusals of older
    /// rounds are stale.
    var round: UInt32 = 0
    /// After a failure, only the oldest event goes out until it is acknowledged.
    var isProbing = false
    /// A resend is scheduled after the retry back-off.
    var isBackingOff = false
    /// The producer's epoch for this partition: bumped when it restarts, or when it gives up
    /// on an event and its sequence numbers start again at zero.
    var epoch: UInt32 = 0
    /// The lane number of the event that is sequence 0 in the current epoch.
    var epochBase: UInt32 = 0
    /// The lane number the next event gets.
    var nextNumber: UInt32 = 0

    /// Whether the lane may send another event now.
    var maySend: Bool {
        !isBackingOff && sent < events.count && (isProbing ? sent < 1 : inFlight < Self.window)
    }

    /// Starts a new epoch: sequence numbers restart at zero with the next number given out.
    mutating func startEpoch() {
        epoch += 1
        epochBase = nextNumber
    }
}

/// What the broker knows of the producer's sequence on one partition (idempotent producer):
/// its newest epoch and the next sequence number it will append.
struct AppendedSequence: Sendable {
    var epoch: UInt32 = 0
    var next: UInt32 = 0

    /// The broker's verdict on a copy numbered `sequence` in `epoch`.
    enum Verdict { case append, duplicate, refuse }

    /// Judges a copy: the next number is appended; an older one is a resend already appended
    /// (acknowledged, not appended again); a gap, or a copy of a fenced older epoch, is refused.
    mutating func judge(epoch copyEpoch: UInt32, sequence: UInt32) -> Verdict {
        if copyEpoch < epoch { return .refuse }
        if copyEpoch > epoch { (epoch, next) = (copyEpoch, 0) }
        if sequence < next { return .duplicate }
        guard sequence == next else { return .refuse }
        next += 1
        return .append
    }
}
