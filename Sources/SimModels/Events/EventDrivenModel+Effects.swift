import SimKernel

/// What becomes of each event's effect at each consumer. The ledger counts applications,
/// losses and dead letters; the request behind the event is kept until the effect at every
/// consumer is settled one way or the other and its user has had the entry's answer (and, if
/// the entry's calls failed, until no job of them is left to publish), then freed (and
/// counted complete if the answer was a success and every effect was applied).
extension EventDrivenModel {
    /// A consumer of `g` applied `record` at `now`: the ledger counts it, and the request it
    /// came from completes when its last effect is applied (if its user was answered with
    /// success, then or before; else when that answer comes).
    ///
    /// An idempotent consumer keeps, per entity, the highest version it has applied, and skips
    /// any version at or below it: a replay of one it applied (a duplicate avoided), or one it
    /// never applied that a newer version has superseded (counted by the ledger; its effect is
    /// settled unapplied). Returns whether the consumer wrote its state: false for a skip, for
    /// which a consumer with an outbox writes no row either (a superseded version then goes no
    /// further: the effects downstream settle unapplied).
    @discardableResult
    mutating func applyEffect(_ g: Int, _ record: EventRecord, at now: Instant) -> Bool {
        if config.consumers[g].isIdempotent {
            let key = Int(record.key)
            guard record.version > highestApplied[g][key] else {
                // Counted superseded once, with the first copy skipped (the effect unsettled till then).
                if isUnsettled(record, at: g), metrics.ledger.recordSkip(target: g, key: record.key, version: record.version) {
                    settle(record, at: g, isApplied: false, now: now)
                    if relayFirstLane[g] >= 0 { settleDownstream(record, of: g) }
                }
                return false
            }
            highestApplied[g][key] = record.version
        }
        let outcome = metrics.recordApply(target: g, key: record.key, version: record.version, committedAt: record.createdAt, at: now)
        guard outcome == .inOrder || outcome == .outOfOrder else { return true }
        settle(record, at: g, isApplied: true, now: now)
        return true
    }

    /// Whether `record`'s effect at consumer `g` is still unsettled: no copy of it applied,
    /// lost, dead-lettered or skipped as superseded there yet.
    func isUnsettled(_ record: EventRecord, at g: Int) -> Bool {
        pending.isLive(record.requestSlot, record.requestGeneration) && pending[record.requestSlot].unsettled & (UInt64(1) << UInt64(g)) != 0
    }

    /// `record`'s event can never reach consumer `g`. It counts as lost only if no copy of it
    /// had settled there before (been applied, lost or dead-lettered): a lost duplicate of an
    /// event applied already loses nothing. Nor will it reach the consumers downstream of
    /// `g`: their effects settle unapplied, the loss counted once, where it happened.
    mutating func lose(_ record: EventRecord, at g: Int) {
        if settle(record, at: g, isApplied: false, now: .zero) { metrics.ledger.recordLoss(target: g) }
        settleDownstream(record, of: g)
    }

    /// `record`'s event will never reach any consumer of the entry's topic, nor those downstream.
    mutating func loseEverywhere(_ record: EventRecord) {
        for g in config.consumers.indices where config.consumers[g].topic == 0 { lose(record, at: g) }
    }

    /// Consumer `g` parks `record`'s event in its dead-letter queue. Every parked message
    /// counts; the effect settles (unapplied) only if it had not settled before. The
    /// consumers downstream of `g` will not see it: their effects settle unapplied.
    mutating func deadLetter(_ record: EventRecord, at g: Int) {
        metrics.recordDeadLetter(target: g)
        settle(record, at: g, isApplied: false, now: .zero)
        settleDownstream(record, of: g)
    }

    /// The consumers downstream of `g` will not get `record`'s event from it.
    mutating func settleDownstream(_ record: EventRecord, of g: Int) {
        for d in downstream[g] { settle(record, at: d, isApplied: false, now: .zero) }
    }

    /// Settles the effect of `record` at consumer `g`, if it is not settled yet; returns
    /// whether it was unsettled. An effect applied at `now` moves the request's last
    /// application there (its end-to-end time ends at the last one).
    @discardableResult
    mutating func settle(_ record: EventRecord, at g: Int, isApplied: Bool, now: Instant) -> Bool {
        let slot = record.requestSlot, bit = UInt64(1) << UInt64(g)
        guard pending.isLive(slot, record.requestGeneration), pending[slot].unsettled & bit != 0 else { return false }
        pending[slot].unsettled &= ~bit
        if isApplied {
            pending[slot].lastAppliedAt = now
        } else {
            pending[slot].isIncomplete = true
        }
        finishIfSettled(slot)
        return true
    }

    /// The user has had the entry's answer to the request awaiting effects in `slot` (of
    /// `generation`): only a success the user was still waiting for lets it complete. The
    /// answer may come before or after its effects settle.
    mutating func settleAnswer(_ slot: Int32, _ generation: UInt32, isSuccess: Bool) {
        guard slot >= 0, pending.isLive(slot, generation), pending[slot].awaitsAnswer else { return }
        pending[slot].awaitsAnswer = false
        if !isSuccess { pending[slot].isIncomplete = true }
        finishIfSettled(slot)
    }

    /// Once every effect of the request in `slot` has settled and its user has been answered,
    /// it is freed, and counted complete if the answer was a success and every effect was
    /// applied. Its end-to-end time runs from its arrival to its last application, whenever
    /// the answer came; one whose last application came before the warm-up ended is not recorded.
    mutating func finishIfSettled(_ slot: Int32) {
        let request = pending[slot]
        guard request.unsettled == 0, !request.awaitsAnswer, request.failedCalls < 0 else { return }
        if !request.isIncomplete {
            metrics.completed += 1
            if request.lastAppliedAt >= metrics.warmupEnded ?? .zero {
                metrics.endToEnd.record((request.lastAppliedAt - request.arrival).nanoseconds)
            }
        }
        pending.remove(slot)
    }
}
