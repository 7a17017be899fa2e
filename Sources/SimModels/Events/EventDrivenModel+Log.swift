import SimKernel
import SimMetrics

/// Consuming from the partitioned log: each partition is read in order by the instance
/// that owns it, one event at a time; a failed event is retried in line or parked. A fetch
/// brings the instance what the partition holds from its position, up to
/// `ConsumerConfig.maxPollRecords` events, and the instance works through them before it
/// fetches again, as a Kafka consumer does: a round trip to the broker per fetch, not per event.
extension EventDrivenModel {
    /// Starts the next event of partition `p` for group `g`, if it can take one: at once when
    /// its owner holds it from its last fetch, else delivered by the broker if it is serving
    /// (when it is not, the partition is fetched again when the broker resumes).
    mutating func fetch(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        guard !groups[g].cursors[p].isBusy else { return }
        let log = groups[g].firstPartition + p
        // What the owner holds from its last fetch starts at once (a group committing before
        // processing holds nothing); a retry fetches again, as a redelivery.
        if groups[g].cursors[p].holdsNextFetched, groups[g].cursors[p].failures == 0,
           groups[g].cursors[p].position >= partitions[log].startOffset, groups[g].canFetch(p, endOffset: partitions[log].endOffset) {
            groups[g].take(p, partitions[log].record(at: groups[g].cursors[p].position))
            groups[g].cursors[p].hasDuplicate = groups[g].cursors[p].position < groups[g].cursors[p].duplicatedThrough
            return process(g, p, &scheduler)
        }
        guard isBrokerServing(at: scheduler.now), groups[g].canFetch(p, endOffset: partitions[log].endOffset) else {
            if groups[g].cursors[p].position < partitions[log].endOffset { groups[g].markReady(p) }  // a freed worker will ask it again
            return
        }
        if groups[g].cursors[p].position < partitions[log].startOffset {
            skipExpired(g, p)
            if groups[g].cursors[p].position == partitions[log].endOffset { return }  // reset to the end: nothing to read yet
        }
        groups[g].take(p, partitions[log].record(at: groups[g].cursors[p].position))
        if groups[g].config.commit == .beforeProcessing { recordCommit(g, p, at: scheduler.now) }
        sendDelivery(g, p, &scheduler)
    }

    /// The broker sends the events from the group's position in partition `p`, up to
    /// `ConsumerConfig.maxPollRecords` (one for a group that commits before processing), to
    /// the instance that owns it. If no copy arrives within `fetchTimeout` (the network dropped
    /// it, or a partition holds it longer), the instance asks again then; a late copy is
    /// ignored, as a client discards the answer to a request it has timed out. Each event of a
    /// second copy (a network duplicate) is processed, and applied, a second time once its
    /// first is done.
    mutating func sendDelivery(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let log = groups[g].firstPartition + p, position = groups[g].cursors[p].position
        // A group committing before processing commits each event as it is fetched: one at a time.
        let batch = groups[g].config.commit == .beforeProcessing ? 1 : ConsumerConfig.maxPollRecords
        let fetched = Swift.min(partitions[log].endOffset, position + batch)
        (groups[g].cursors[p].fetchingThrough, groups[g].cursors[p].duplicatedThrough) = (fetched, position)
        metrics.messages += 1
        let now = scheduler.now, timeout = groups[g].config.fetchTimeout
        let delivered = Event.delivered(group: Int32(g), partition: Int32(p), epoch: groups[g].cursors[p].epoch)
        let (service, id) = (groups[g].config.service, groups[g].cursors[p].inFlight!.request)
        let instance = TraceTrack(node: service, instance: groups[g].cursors[p].busyInstance)
        var copies = 0
        network.transmit(from: broker, to: service, at: now).forEachDelay { delay in
            guard delay < timeout else { return }
            traceMessage(.delivery, request: id, from: TraceTrack(node: broker), to: instance, after: delay, now)
            traceFetched(log, from: position + 1, to: fetched, instance, after: delay, now)
            if copies == 0 {
                scheduler.schedule(delivered, after: delay)
            } else {
                groups[g].cursors[p].hasDuplicate = true
                (groups[g].cursors[p].duplicateArrives, groups[g].cursors[p].duplicatedThrough) = (now + delay, fetched)
            }
            copies += 1
        }
        if copies == 0 { scheduler.schedule(.fetchTimedOut(group: Int32(g), partition: Int32(p), epoch: groups[g].cursors[p].epoch), after: timeout) }
    }

    /// Draws the delivery of each traced event among offsets `from ..< to` of `log`, fetched
    /// behind the one at the position. A fetch of many events is read once, and comes once
    /// for as many events as it holds.
    mutating func traceFetched(_ log: Int, from: Int64, to: Int64, _ instance: TraceTrack, after delay: TimeSpan, _ now: Instant) {
        for offset in from..<Swift.max(from, to) {
            traceMessage(.delivery, request: partitions[log].record(at: offset).request, from: TraceTrack(node: broker), to: instance,
                         after: delay, now)
        }
    }

    /// The delivery of partition `p`'s event never came: the instance fetches it again.
    mutating func fetchTimedOut(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        metrics.recordRedelivery(consumer: g)
        release(g, p, &scheduler)
    }

    /// The group's position was deleted by retention: it jumps, and what it skips is lost,
    /// except events it had processed before a crash rewound it (their effects happened).
    mutating func skipExpired(_ g: Int, _ p: Int) {
        let log = groups[g].firstPartition + p
        let start = partitions[log].startOffset
        let target = groups[g].config.offsetReset == .earliest ? start : partitions[log].endOffset
        loseSkipped(g, p, before: target)
        groups[g].cursors[p].position = target
        groups[g].cursors[p].committed = Swift.max(groups[g].cursors[p].committed, target)
    }

    /// Partition `p` of group `g` moves forward to `target` without reading what lies between:
    /// the events there it never processed are lost, the rest are not (a crash rewound the
    /// partition after their effects happened). The one such event a free partition can hold
    /// back from its committed offset was committed before processing and never delivered: its
    /// refetch could not start (the broker was down or paused).
    mutating func loseSkipped(_ g: Int, _ p: Int, before target: Int64) {
        let log = groups[g].firstPartition + p, cursor = groups[g].cursors[p]
        let unprocessed = Swift.max(cursor.position, Swift.min(cursor.processedThrough, target))
        for offset in unprocessed..<Swift.max(unprocessed, target) { lose(partitions[log].record(at: offset), at: g) }
    }

    mutating func process(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let service = groups[g].config.service
        let record = groups[g].cursors[p].inFlight!
        let cursor = groups[g].cursors[p]
        // A replay (the head was passed before a crash or rebalance rewound the partition) or
        // a duplicated delivery is a processing of its own: it draws with a word unique to it.
        // The head was passed before, or started and given up by a crash or an eviction (a
        // retry in line keeps counting its failures and its own attempt words).
        let isReplay = cursor.position < cursor.processedThrough || (cursor.position < cursor.startedThrough && cursor.failures == 0)
        groups[g].cursors[p].startedThrough = Swift.max(cursor.startedThrough, cursor.position + 1)
        groups[g].cursors[p].processings &+= 1
        let visit = Visit.processing(lineage: record.lineage, attempt: 1 + cursor.failures,
                                     isFirstProcessing: !isReplay && !cursor.isProcessingDuplicate && isFirstConsumer[g],
                                     salt: UInt64(g) << 40 ^ groups[g].cursors[p].processings)
        groups[g].cursors[p].visit = visit
        var work = calling.workTime(of: service, request: record.request, visit: visit, at: scheduler.now, faults: faults)
        let fate = calling.stations.fate(of: service, request: record.request, visit: visit, at: scheduler.now, faults: faults)
        switch fate {
        case .served: break
        case .fails: work = 0  // an error fails at once, as a synchronous callee's does
        case .hangs: work += groups[g].config.fetchTimeout.nanoseconds
        }
        metrics.services[service].started += 1
        groups[g].startProcessing(p, fate: fate, at: scheduler.now)
        scheduler.schedule(.processed(group: Int32(g), partition: Int32(p), epoch: groups[g].cursors[p].epoch), after: .nanoseconds(work))
    }

    mutating func finishProcessing(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let service = groups[g].config.service
        metrics.recordHeld(now - groups[g].cursors[p].processingSince, service: service)
        let id = groups[g].cursors[p].inFlight!.request
        if metrics.trace.isSampled(id) {
            metrics.trace.span(.process, request: id, track: TraceTrack(node: service, instance: groups[g].cursors[p].busyInstance),
                               from: groups[g].cursors[p].processingSince, to: now)
        }
        let fails = groups[g].endProcessing(p)
        let publishes = groups[g].config.publishesTo != nil
        if groups[g].cursors[p].isProcessingDuplicate {
            // The second copy of a duplicated delivery: applied (and published) again unless
            // it fails, and then done with, whatever its fate (it is not retried).
            if !fails {
                let isWritten = applyEffect(g, groups[g].cursors[p].inFlight!, at: now)
                if publishes, !writeOutboxRow(g, onwardRecord(g, p), isWritten: isWritten, &scheduler) { return publishOnward(g, p, &scheduler) }
            }
            groups[g].cursors[p].isProcessingDuplicate = false
            return moveOn(g, p, &scheduler)
        }
        if fails { return failAttempt(g, p, &scheduler) }
        let isWritten = applyEffect(g, groups[g].cursors[p].inFlight!, at: now)
        if publishes, !writeOutboxRow(g, onwardRecord(g, p), isWritten: isWritten, &scheduler) { return publishOnward(g, p, &scheduler) }
        finishApplied(g, p, &scheduler)
    }

    /// The head of partition `p` is applied (and published onward, if `g` does): its attempt
    /// succeeded, so its failed attempts are forgotten, and a duplicated delivery's second
    /// copy is processed next, else the position moves on.
    mutating func finishApplied(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        groups[g].cursors[p].failures = 0
        if groups[g].cursors[p].hasDuplicate {
            groups[g].cursors[p].hasDuplicate = false
            groups[g].cursors[p].isProcessingDuplicate = true
            let delivered = Event.delivered(group: Int32(g), partition: Int32(p), epoch: groups[g].cursors[p].epoch)
            return scheduler.schedule(delivered, at: Swift.max(now, groups[g].cursors[p].duplicateArrives))
        }
        moveOn(g, p, &scheduler)
    }

    /// An attempt at the head of partition `p` failed: retry it in line after the back-off
    /// (the partition waits, its worker held as a blocking retry holds its thread), or
    /// dead-letter it once parked or out of attempts.
    mutating func failAttempt(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        groups[g].cursors[p].failures += 1
        let config = groups[g].config
        if config.onFailure == .park || groups[g].cursors[p].failures >= config.maxAttempts {
            groups[g].cursors[p].failures = 0
            groups[g].cursors[p].hasDuplicate = false  // a second copy of a parked event is parked with it
            deadLetter(groups[g].cursors[p].inFlight!, at: g)
            return moveOn(g, p, &scheduler)
        }
        metrics.recordRedelivery(consumer: g)
        if config.retryBackoff == .zero { return release(g, p, &scheduler) }
        scheduler.schedule(.retryDue(group: Int32(g), partition: Int32(p), epoch: groups[g].cursors[p].epoch), after: config.retryBackoff)
    }

    /// The head of partition `p` is done with (applied or dead-lettered): the position moves
    /// past it, the commit policy commits it, and the worker takes the next event.
    mutating func moveOn(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let next = groups[g].passHead(p)
        if groups[g].config.commit == .afterProcessing, !groups[g].cursors[p].isFenced {
            metrics.messages += 1
            let commit = Event.commitArrives(group: Int32(g), partition: Int32(p), offset: next, epoch: groups[g].cursors[p].epoch)
            network.transmit(from: groups[g].config.service, to: broker, at: scheduler.now).forEachDelay { delay in
                scheduler.schedule(commit, after: delay)
            }
        }
        release(g, p, &scheduler)
    }

    /// Partition `p` frees its worker: it fetches again (the same event after a failure),
    /// then the instance's other partitions may use the free worker, in partition order; only
    /// those in its ready set are asked (a partition that is busy, paused or read to the end
    /// would start nothing, and leaves the set). If a rebalance has taken the partition from
    /// the instance meanwhile, the instance lets it go now; if the group evicted the instance,
    /// it lets it go uncommitted, back at its committed offset.
    mutating func release(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let instance = groups[g].free(p)
        fetch(g, p, &scheduler)
        var from = 0
        // Until every worker is taken (then none can start).
        while groups[g].load[instance] < groups[g].config.concurrency, let other = groups[g].ready.first(of: instance, from: from) {
            from = other + 1
            guard other != p else { continue }
            if groups[g].cursors[other].isBusy || groups[g].cursors[other].isPaused
                || groups[g].cursors[other].position >= partitions[groups[g].firstPartition + other].endOffset {
                groups[g].ready.remove(other, instance: instance)
            } else {
                fetch(g, other, &scheduler)
            }
        }
    }

    /// Every `commitEvery`, the group sends the broker one commit of the position of every
    /// partition a live instance owns, moved or not (as Kafka's auto-commit does). A commit
    /// the network drops is lost; the next one supersedes it.
    mutating func commitPeriodically(_ g: Int, _ scheduler: inout Scheduler<Event>) {
        guard case .periodic(let interval) = groups[g].config.commit else { return }
        if !groups[g].isDown {
            metrics.messages += 1
            network.transmit(from: groups[g].config.service, to: broker, at: scheduler.now).forEachDelay { delay in
                for p in groups[g].cursors.indices where groups[g].isOwnedByLiveInstance(p) {
                    let cursor = groups[g].cursors[p]
                    let commit = Event.commitArrives(group: Int32(g), partition: Int32(p), offset: cursor.position, epoch: cursor.epoch)
                    scheduler.schedule(commit, after: delay)
                }
            }
        }
        if scheduler.now + interval <= world.end { scheduler.schedule(.commitTick(group: Int32(g)), after: interval) }
    }

    /// A commit reaches the broker. One sent before the partition's work was abandoned (a
    /// crash) is fenced off, as Kafka fences a stale generation; a commit never moves the
    /// committed offset back.
    mutating func commitArrives(_ g: Int, _ p: Int, offset: Int64, epoch: UInt32, at now: Instant) {
        guard groups[g].cursors[p].epoch == epoch else { return }
        if offset > groups[g].cursors[p].committed {
            groups[g].cursors[p].committed = offset
            dropConsumed(topic: groups[g].config.topic, p)
        }
        recordCommit(g, p, at: now)
    }

    /// Drops from memory the events of partition `p` of `topic` that every group reading it is past.
    /// - Complexity: O(groups + events dropped).
    mutating func dropConsumed(topic: Int, _ p: Int) {
        var oldest = Int64.max
        for k in topicConsumers[topic].indices { oldest = Swift.min(oldest, groups[topicConsumers[topic][k]].oldestNeeded(p)) }
        if oldest != .max { heldEvents[topic] -= partitions[topicFirstPartition[topic] + p].dropConsumed(below: oldest) }
    }
}
