import SimKernel

/// Consuming from the partitioned log: each partition is read in order by the instance
/// that owns it, one event at a time; a failed event is retried in line or parked.
extension EventDrivenModel {
    /// Starts delivering the next event of partition `p` to group `g`, if it can take one.
    mutating func fetch(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        guard groups[g].canFetch(p, endOffset: partitions[p].endOffset) else { return }
        if groups[g].position[p] < partitions[p].startOffset {
            skipExpired(g, p)
            if groups[g].position[p] == partitions[p].endOffset { return }  // reset to the end: nothing to read yet
        }
        groups[g].isBusy[p] = true
        groups[g].inFlight[p] = partitions[p].record(at: groups[g].position[p])
        groups[g].busyInstance[p] = groups[g].owner[p]
        groups[g].load[groups[g].owner[p]] += 1
        if groups[g].config.commit == .beforeProcessing { groups[g].committed[p] = groups[g].position[p] + 1 }
        metrics.messages += 1
        scheduler.schedule(.delivered(group: Int32(g), partition: Int32(p), epoch: groups[g].epoch[p]), after: latency())
    }

    /// The group's position was deleted by retention: it jumps, and what it skips is lost,
    /// except events it had processed before a crash rewound it (their effects happened).
    mutating func skipExpired(_ g: Int, _ p: Int) {
        let start = partitions[p].startOffset
        let target = groups[g].config.offsetReset == .earliest ? start : partitions[p].endOffset
        let unprocessed = Swift.max(groups[g].position[p], Swift.min(groups[g].processedThrough[p], target))
        for _ in unprocessed..<target { metrics.ledger.recordLoss(target: g) }
        groups[g].position[p] = target
        groups[g].committed[p] = Swift.max(groups[g].committed[p], target)
    }

    mutating func process(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let service = groups[g].config.service
        let record = groups[g].inFlight[p]!
        var random = workDraws[service].stream(request: record.request, attempt: 1 + groups[g].failures[p])
        let work = faults.work(of: service, normally: world.services[service].work, at: scheduler.now).sample(&random)
        metrics.services[service].started += 1
        groups[g].processingSince[p] = scheduler.now
        scheduler.schedule(.processed(group: Int32(g), partition: Int32(p), epoch: groups[g].epoch[p]), after: .nanoseconds(work))
    }

    mutating func finishProcessing(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let service = groups[g].config.service
        recordHolding(service, since: groups[g].processingSince[p], now)
        if errorRandom.chance(faults.errorProbability(of: service, at: now)) { return failAttempt(g, p, &scheduler) }
        groups[g].failures[p] = 0
        applyEffect(g, groups[g].inFlight[p]!, at: now)
        moveOn(g, p, &scheduler)
    }

    /// An attempt at the head of partition `p` failed: retry it in line after the back-off
    /// (the partition waits, its worker held as a blocking retry holds its thread), or
    /// dead-letter it once parked or out of attempts.
    mutating func failAttempt(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        groups[g].failures[p] += 1
        let config = groups[g].config
        if config.onFailure == .park || groups[g].failures[p] >= config.maxAttempts {
            groups[g].failures[p] = 0
            metrics.recordDeadLetter(target: g)
            return moveOn(g, p, &scheduler)
        }
        metrics.redeliveries += 1
        if config.retryBackoff == .zero { return release(g, p, &scheduler) }
        scheduler.schedule(.retryDue(group: Int32(g), partition: Int32(p), epoch: groups[g].epoch[p]), after: config.retryBackoff)
    }

    /// The head of partition `p` is done with (applied or dead-lettered): the position moves
    /// past it, the commit policy commits it, and the worker takes the next event.
    mutating func moveOn(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let next = groups[g].position[p] + 1
        groups[g].position[p] = next
        groups[g].processedThrough[p] = Swift.max(groups[g].processedThrough[p], next)
        if groups[g].config.commit == .afterProcessing {
            metrics.messages += 1
            scheduler.schedule(.commitArrives(group: Int32(g), partition: Int32(p), offset: next, epoch: groups[g].epoch[p]),
                               after: latency())
        }
        release(g, p, &scheduler)
    }

    /// Partition `p` frees its worker: it fetches again (the same event after a failure),
    /// then the instance's other partitions may use the free worker. If a rebalance has
    /// taken the partition from the instance meanwhile, the instance lets it go now.
    mutating func release(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        groups[g].isBusy[p] = false
        let instance = groups[g].busyInstance[p]
        groups[g].load[instance] -= 1
        if groups[g].isPaused[p] || groups[g].owner[p] != instance { groups[g].commitOnRevoke(p) }
        fetch(g, p, &scheduler)
        for other in partitions.indices where other != p && groups[g].owner[other] == instance { fetch(g, other, &scheduler) }
    }

    mutating func commitPeriodically(_ g: Int, _ scheduler: inout Scheduler<Event>) {
        guard case .periodic(let interval) = groups[g].config.commit else { return }
        if !groups[g].isDown { groups[g].committed = groups[g].position }
        if scheduler.now + interval <= world.end { scheduler.schedule(.commitTick(group: Int32(g)), after: interval) }
    }
}
