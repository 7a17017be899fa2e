import SimKernel

/// Tracks, per entity, which versions each effect target has applied, so that lost,
/// duplicated and out-of-order effects are counted the same way in every architecture.
///
/// The entry service commits version 1, 2, 3, … of an entity; every target (a downstream
/// service in a chain, a consumer of events) should apply each version exactly once and in
/// order. Memory: per (target, entity) the highest version applied, a count of distinct
/// versions applied, and the exact gaps below the highest (see `VersionSet`: nothing for
/// versions applied in order, 8 bytes per range of missing versions, at most `gapLimit` ranges).
///
/// A version that was never committed (0 or less, or above the entity's latest) is refused:
/// a model error, counted in `refused`; a gap the limit could not keep is counted in
/// `untracked`. Either makes the run's figures wrong, and the run says so.
public struct ConsistencyLedger: Sendable {
    /// The bytes one (target, entity) cell takes: its highest version, its gaps' array (empty
    /// while versions come in order) and its count of distinct versions.
    public static let bytesPerCell = 2 * MemoryLayout<Int32>.stride + MemoryLayout<[VersionSet.Gap]>.stride

    /// Names of the effect targets, in index order.
    public let targets: [String]
    let keyCount: Int
    /// Per entity: versions committed so far (the latest version).
    var committed: [Int32]
    /// Per (target, entity): the versions applied.
    var applied: VersionSet
    /// Per (target, entity): how many distinct versions were applied.
    var distinct: [Int32]
    /// Per target: what was counted.
    public private(set) var counts: [EffectCounts]

    /// The first model error, described (`nil` while there is none).
    public private(set) var firstError: String?

    /// A ledger for `targets` over `keyCount` entities, keeping at most `gapLimit` ranges of
    /// versions applied out of order.
    public init(targets: [String], keyCount: Int, gapLimit: Int = VersionSet.defaultGapLimit) {
        self.targets = targets
        self.keyCount = keyCount
        committed = [Int32](repeating: 0, count: keyCount)
        applied = VersionSet(cells: keyCount * targets.count, gapLimit: gapLimit)
        distinct = [Int32](repeating: 0, count: keyCount * targets.count)
        counts = [EffectCounts](repeating: EffectCounts(), count: targets.count)
    }

    /// Records that the entry committed a change to `key`; returns the new version.
    public mutating func commit(key: Int32) -> Int32 {
        committed[Int(key)] += 1
        return committed[Int(key)]
    }

    /// The outcome of one application.
    public enum Application: Sendable, Equatable {
        /// The version was applied for the first time, after every older one it had seen.
        case inOrder
        /// The version was applied for the first time, after a newer one.
        case outOfOrder
        /// The version had been applied before: its effect happened twice.
        case duplicate
        /// The version was never committed: a model error, counted in `refused` and not applied.
        case refused
    }

    /// Records that `target` applied `version` of `key` (the time it took is the metrics'
    /// staleness, not the ledger's).
    /// - Complexity: O(1) amortised for versions applied in order; see `VersionSet.insert`.
    @discardableResult
    public mutating func apply(target: Int, key: Int32, version: Int32) -> Application {
        guard isCommitted(version, of: key, at: target, by: "applied") else { return .refused }
        let untracked = applied.untracked
        let outcome: Application
        switch applied.insert(version, in: target * keyCount + Int(key)) {
        case .newest: outcome = .inOrder
        case .late: outcome = .outOfOrder
        case .seen: outcome = .duplicate
        }
        if applied.untracked > untracked { recordUntracked(target: target, key: key, version: version) }
        switch outcome {
        case .refused: break
        case .duplicate:
            counts[target].duplicated += 1
        case .outOfOrder, .inOrder:
            distinct[target * keyCount + Int(key)] += 1
            counts[target].applied += 1
            if outcome == .outOfOrder { counts[target].outOfOrder += 1 }
        }
        return outcome
    }

    /// Records that an idempotent `target` skipped `version` of `key` because it had applied
    /// a newer one. Returns whether the skipped version had never been applied: its effect
    /// is then superseded (counted, and missing at the end) rather than a duplicate avoided.
    /// - Complexity: O(log *g*), *g* gap ranges of the (target, entity).
    @discardableResult
    public mutating func recordSkip(target: Int, key: Int32, version: Int32) -> Bool {
        guard isCommitted(version, of: key, at: target, by: "skipped") else { return false }
        guard !applied.contains(version, in: target * keyCount + Int(key)) else { return false }
        counts[target].superseded += 1
        return true
    }

    /// Whether `version` of `key` was committed; if not, the refusal is counted at `target`
    /// and, if it is the first model error, described.
    mutating func isCommitted(_ version: Int32, of key: Int32, at target: Int, by verb: String) -> Bool {
        let latest = committed[Int(key)]
        guard version < 1 || version > latest else { return true }
        counts[target].refused += 1
        if firstError == nil {
            firstError = "\(targets[target]) \(verb) version \(version) of entity \(key), which has \(latest) committed"
        }
        return false
    }

    /// `target`'s application of `version` of `key` needed a gap range beyond the limit.
    mutating func recordUntracked(target: Int, key: Int32, version: Int32) {
        counts[target].untracked += 1
        if firstError == nil {
            firstError = "\(targets[target]) applied version \(version) of entity \(key) with \(applied.gapRanges) gap ranges kept, "
                + "the limit: later versions may be misclassified"
        }
    }

    /// Model errors over all targets: versions refused and gaps left untracked.
    public var modelErrors: Int { counts.reduce(0) { $0 + $1.refused + $1.untracked } }

    /// Records an effect that can never be applied (an event lost before it reached `target`).
    public mutating func recordLoss(target: Int) {
        counts[target].lost += 1
    }

    /// Records an effect given up on and parked in a dead-letter queue.
    public mutating func recordDeadLetter(target: Int) {
        counts[target].deadLettered += 1
    }

    /// The state at the end of the run: what is still missing, per target.
    public func finalReport() -> [TargetConsistency] {
        targets.indices.map { t in
            var missing = 0, divergent = 0
            for key in 0..<keyCount {
                let cell = t * keyCount + key
                missing += Int(committed[key] - distinct[cell])
                if applied.highest(in: cell) != committed[key] { divergent += 1 }
            }
            return TargetConsistency(name: targets[t], counts: counts[t], missingAtEnd: missing, divergentEntities: divergent)
        }
    }

    /// Total versions committed over all entities.
    public var totalCommitted: Int { committed.reduce(0) { $0 + Int($1) } }
}

/// Counters of what happened to the effects a target should apply.
public struct EffectCounts: Sendable, Equatable {
    /// Distinct versions applied (first applications).
    public var applied = 0
    /// Applications of a version already applied.
    public var duplicated = 0
    /// First applications that came after a newer version.
    public var outOfOrder = 0
    /// Effects known to be lost (never deliverable).
    public var lost = 0
    /// Effects parked in a dead-letter queue.
    public var deadLettered = 0
    /// Versions an idempotent consumer skipped, never having applied them, because it had
    /// applied a newer one (the newer state supersedes them).
    public var superseded = 0
    /// Applications or skips of a version never committed: model errors.
    public var refused = 0
    /// Applications whose gap the ledger could not keep (its limit was reached): model errors.
    public var untracked = 0

    /// Counts that are all zero.
    public init() {}
}

/// One target's consistency at the end of a run.
public struct TargetConsistency: Sendable {
    /// The target's name as the ledger lists it: a called service in the sync design, a consumer
    /// in the event-driven one.
    public var name: String
    /// What happened to the effects this target should have applied.
    public var counts: EffectCounts
    /// Committed versions never applied by the end of the drain (lost, dead-lettered or still pending).
    public var missingAtEnd: Int
    /// Entities whose latest applied version is not the latest committed one.
    public var divergentEntities: Int
}
