import SimKernel

/// Which of its request's visits to a service a job is, as that service's draws (its work,
/// and whether a fault strikes) tell visits apart: every visit draws afresh, so a retry at
/// any level, a redelivered event's calls, or a second node calling the same service meets
/// its own fate, as a real transient fault strikes each call on its own.
///
/// The first visit along the first attempts draws with the attempt number alone (0 for the
/// entry, 1 for a call's first attempt), the same word in every design, so the designs face
/// the same work and faults where they visit the same service. A job on any other path
/// (an ancestor retried, or a node whose service an earlier node of the graph also calls)
/// draws with a word mixed from its caller's, its node and its attempt.
struct Visit: Sendable, Equatable {
    /// The word a job's draws mix with the request's id (see `RequestDraws.stream`).
    var word: UInt64
    /// Whether this is the first visit along the first attempts of every level above.
    var isFirst: Bool

    /// Attempt `attempt` of a root's own part, numbered from `first` (a first attempt is a
    /// first visit).
    static func root(attempt: Int, first: Int) -> Visit {
        Visit(word: RequestDraws.attemptWord(attempt), isFirst: attempt == first)
    }

    /// The visit of attempt `attempt` (from 1) of a call into `node`, made by a job on this
    /// visit; `isPrimary` says whether `node` is the first of the graph's called nodes at its
    /// service, and no consumer of the design processes at that service.
    @inline(__always) func call(node: Int, attempt: UInt16, isPrimary: Bool) -> Visit {
        guard isFirst, isPrimary else {
            return Visit(word: SplitMix64.mix(word ^ SplitMix64.mix(UInt64(node) << 16 | UInt64(attempt))), isFirst: false)
        }
        return Visit(word: RequestDraws.attemptWord(Int(attempt)), isFirst: attempt == 1)
    }

    /// Copy `copy` of this visit, when the network duplicates the message that makes it:
    /// the first copy is the visit itself, every other draws afresh.
    func copy(_ copy: Int) -> Visit {
        copy == 0 ? self : Visit(word: SplitMix64.mix(word ^ SplitMix64.mix(0xC0FF_EE00_0000_0000 | UInt64(copy))), isFirst: false)
    }

    /// What an event published on this visit carries for its consumers' draws: 0 from a first
    /// visit, else the visit's word (see `processing`).
    var lineage: UInt64 { isFirst ? 0 : word }

    /// The lineage of copy `copy` of an event the broker appends more than once (a resend it
    /// does not deduplicate): the first copy keeps `lineage`, every other is an event of its
    /// own to its consumers' draws.
    static func appended(_ lineage: UInt64, copy: Int) -> UInt64 {
        copy == 0 ? lineage : SplitMix64.mix(lineage ^ SplitMix64.mix(0xA99E_4D00_0000_0000 | UInt64(copy)))
    }

    /// A consumer's processing attempt `attempt` (from 1) of an event published with `lineage`.
    /// The first processing of an event from a first visit, by the first group at its service,
    /// draws with the attempt alone, as a synchronous callee's first attempt does; any other
    /// (an event from a retried or duplicated publisher, a replay after a crash or rebalance,
    /// a duplicated delivery, a second group at the service) draws with a word mixed from the
    /// lineage and `salt`, which tells those cases apart.
    static func processing(lineage: UInt64, attempt: Int, isFirstProcessing: Bool, salt: UInt64) -> Visit {
        guard lineage == 0, isFirstProcessing else {
            return Visit(word: SplitMix64.mix(lineage ^ SplitMix64.mix(salt ^ UInt64(attempt) << 48)), isFirst: false)
        }
        return root(attempt: attempt, first: 1)
    }
}
