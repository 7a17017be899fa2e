import SimKernel

/// Where one consumer group stands on one partition: how far it has read and committed,
/// which instance owns it, and the event in hand, if any.
struct PartitionCursor: Sendable {
    // The fields a fetch reads come first, so that asking whether a partition can take its
    // next event touches one cache line of its cursor.
    /// The next offset to read.
    var position: Int64 = 0
    /// The owning instance, or −1 when no instance is left to own it.
    var owner = 0
    /// Whether an event is being delivered or processed.
    var isBusy = false
    /// Whether a rebalance has revoked it and not yet assigned it again.
    var isPaused = false
    /// The committed offset (where a restart resumes).
    var committed: Int64 = 0
    /// The instance working on its event while `isBusy` (the owner when it started, which a
    /// rebalance may have changed since).
    var busyInstance = 0
    /// Bumped whenever work in progress is abandoned, so late events are ignored.
    var epoch: UInt32 = 0
    /// Bumped at each onward publish, so only the answer to the latest counts.
    var publishRound: UInt32 = 0
    /// One past the last offset processed. A crash rewinds `position` to the committed
    /// offset but not this: the effects of the events below it have happened.
    var processedThrough: Int64 = 0
    /// Failed attempts at the event at `position`.
    var failures = 0
    /// What the faults do to the processing under way. A `hang` is given up as failed after
    /// the fetch timeout; an error fails at once.
    var fate = AttemptFate.served
    /// Whether the network duplicated the delivery of the event being processed, so the
    /// instance processes (and applies) it a second time.
    var hasDuplicate = false
    /// Whether the processing under way is of that second copy.
    var isProcessingDuplicate = false
    /// Whether the event in hand belongs to an instance the group has evicted: if its work
    /// ends before the rebalance does, it is not committed and the partition goes back to its
    /// committed offset; else the rebalance's end drops it (see `ConsumerGroup.dropFencedWork`).
    var isFenced = false
    /// The owner the rebalance in progress will give it.
    var target = 0
    /// Whether a worker is processing the event in hand (from `processingSince` until its
    /// processing ends or is abandoned).
    var isProcessing = false
    /// When processing of the current event began.
    var processingSince = Instant.zero
    /// When the second copy of a duplicated delivery reaches the instance.
    var duplicateArrives = Instant.zero
    /// A copy of the event being delivered or processed. Retention may delete it from the
    /// log meanwhile, as Kafka may delete a segment a consumer has fetched.
    var inFlight: EventRecord?
    /// The visit of the processing in progress (`Visit.processing`), and how many processings
    /// the partition has started, which sets apart the draws of a replay or a duplicate.
    var visit = Visit(word: 0, isFirst: false)
    var processings: UInt64 = 0
    /// One past the furthest offset whose processing started (`processedThrough` counts only
    /// those passed): a head below it that has no failures counted was abandoned in hand.
    var startedThrough: Int64 = 0
    /// The events instance `fetchedBy` holds from its last fetch, offsets `fetchedFrom` up to
    /// `fetchedThrough`, as a Kafka consumer holds the records a fetch returned: it reads them
    /// without a round trip to the broker. The fetch on its way brings up to `fetchingThrough`.
    var fetchedFrom: Int64 = 0
    var fetchedThrough: Int64 = 0
    var fetchedBy = -1
    var fetchingThrough: Int64 = 0
    /// The events below this offset came twice (the network duplicated their fetch): each is
    /// processed a second time once its first is done.
    var duplicatedThrough: Int64 = 0

    /// Whether the owner holds the event at `position` from its last fetch.
    var holdsNextFetched: Bool { fetchedBy == owner && fetchedFrom <= position && position < fetchedThrough }

    /// The fetch on its way arrived at `busyInstance`: it holds the events from `position` on.
    mutating func receiveFetched() {
        (fetchedFrom, fetchedThrough, fetchedBy) = (position, fetchingThrough, busyInstance)
    }

    /// Reading goes back to the committed offset after work was abandoned (a crash, an
    /// eviction, a rebalance): the events held from the last fetch are gone with it.
    mutating func rewindToCommitted() {
        position = committed
        fetchedBy = -1
    }
}
