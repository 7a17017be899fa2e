/// A running fingerprint of the events a run handled: how many, and a 64-bit hash of each
/// one's (time, sequence) in the order they were handled.
///
/// Two runs of the same model from the same seed must handle the same events at the same
/// instants in the same order, so their fingerprints must be equal; unequal fingerprints
/// mean something outside the seed (hash order, wall-clock time, uninitialised state)
/// reached the schedule. The hash is FNV-1a over 64-bit words: each step
/// `h = (h ^ word) &* prime` is a bijection of `h`, so two runs that differ in exactly one
/// event always end with different digests.
public struct EventFingerprint: Sendable, Hashable {
    /// How many events were handled.
    public var count: Int { handled }
    /// The hash of every handled event's time and sequence number, in handling order.
    public var digest: UInt64 { hash }
    @usableFromInline var handled = 0
    @usableFromInline var hash = EventFingerprint.offsetBasis

    /// The FNV-1a 64-bit offset basis and prime.
    @inlinable static var offsetBasis: UInt64 { 0xCBF2_9CE4_8422_2325 }
    @inlinable static var prime: UInt64 { 0x0000_0100_0000_01B3 }

    /// The fingerprint of no events.
    public init() {}

    /// The fingerprint of `count` events that hashed to `digest` (for reading one back).
    public init(count: Int, digest: UInt64) {
        handled = count
        hash = digest
    }

    /// Adds one handled event.
    @inlinable mutating func add(time: Instant, sequence: UInt64) {
        handled &+= 1
        hash = (hash ^ UInt64(bitPattern: time.nanoseconds)) &* Self.prime
        hash = (hash ^ sequence) &* Self.prime
    }

    /// The digest as 16 hexadecimal digits, as reports print it.
    public var hexDigest: String {
        let digits = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// One handled event as a determinism check records it: when it ran and its place in the
/// insertion order.
public struct HandledEvent: Sendable, Hashable {
    /// When the event ran.
    public var time: Instant
    /// Its insertion sequence number, which orders events at the same instant (with the top
    /// bit set on an observation).
    public var sequence: UInt64

    /// Whether the event was an observation, run after every other event of its instant.
    public var isObservation: Bool { sequence & ScheduledEvent<Never>.observationBit != 0 }

    /// The record of an event handled at `time` with insertion sequence number `sequence`.
    @inlinable public init(time: Instant, sequence: UInt64) {
        self.time = time
        self.sequence = sequence
    }
}

/// What the kernel saw of a run's events: the fingerprint of all of them and, when a run
/// asked for it with `Scheduler.record(first:)`, the first few one by one.
public struct EventHistory: Sendable, Hashable {
    /// The count and hash of every event handled.
    public var fingerprint: EventFingerprint
    /// The first events handled, up to the recording limit; empty when nothing was recorded.
    public var firstEvents: [HandledEvent]

    /// A history of `fingerprint`, with the `firstEvents` handled when the run recorded them.
    public init(fingerprint: EventFingerprint, firstEvents: [HandledEvent] = []) {
        self.fingerprint = fingerprint
        self.firstEvents = firstEvents
    }

    /// How many events were handled.
    public var count: Int { fingerprint.count }
}
