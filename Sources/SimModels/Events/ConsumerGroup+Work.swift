import SimKernel

/// A partition's event through one worker: taken, processed, passed, and the worker freed.
///
/// Each step changes several fields of the group at once. Made in one mutating call, the
/// group's arrays are checked for sole ownership once per step, not once per field written
/// through `groups[g]` by the model.
extension ConsumerGroup {
    /// Partition `p`'s owner takes `record`, the event at its position, on a worker: the
    /// partition is busy and leaves the ready set. A group committing before processing
    /// commits it now, at the broker, as it hands the event out.
    mutating func take(_ p: Int, _ record: EventRecord) {
        let owner = cursors[p].owner
        ready.remove(p, instance: owner)
        cursors[p].isBusy = true
        cursors[p].inFlight = record
        cursors[p].busyInstance = owner
        load[owner] += 1
        if config.commit == .beforeProcessing { cursors[p].committed = cursors[p].position + 1 }
    }

    /// Processing of partition `p`'s event starts at `now`, with the `fate` the faults give it.
    mutating func startProcessing(_ p: Int, fate: AttemptFate, at now: Instant) {
        cursors[p].fate = fate
        cursors[p].isProcessing = true
        cursors[p].processingSince = now
    }

    /// Processing of partition `p`'s event ends: returns whether it failed. The fate is
    /// cleared; the failed attempts are not, as an onward publish may still fail this one.
    mutating func endProcessing(_ p: Int) -> Bool {
        let fails = cursors[p].fate != .served
        cursors[p].fate = .served
        cursors[p].isProcessing = false
        return fails
    }

    /// The head of partition `p` is done with: the position moves past it. Returns the new position.
    mutating func passHead(_ p: Int) -> Int64 {
        let next = cursors[p].position + 1
        cursors[p].position = next
        cursors[p].processedThrough = Swift.max(cursors[p].processedThrough, next)
        return next
    }

    /// Partition `p` frees its worker. If the group evicted the instance meanwhile, the
    /// partition goes back, uncommitted, to its committed offset; if a rebalance took it from
    /// the instance, the instance commits it as it lets it go. Returns the instance.
    mutating func free(_ p: Int) -> Int {
        cursors[p].isBusy = false
        let instance = cursors[p].busyInstance
        load[instance] -= 1
        if cursors[p].isFenced {
            cursors[p].isFenced = false
            cursors[p].rewindToCommitted()
        } else if cursors[p].isPaused || cursors[p].owner != instance {
            commitOnRevoke(p)
        }
        return instance
    }
}
