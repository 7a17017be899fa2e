import SimKernel
import SimMetrics

/// What happens at the end of each sampling interval: retention, dropping consumed events
/// from memory, the gauges, and each consumer group's health; and, once the run is over, the
/// row of its last, shorter interval.
extension EventDrivenModel {
    /// The time-series interval ends: retention applies, its row is recorded, and the next
    /// sample is scheduled.
    mutating func sample(_ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        applyRetention(at: now)
        recordSample(at: now)
        if now + world.sampleInterval <= world.end { scheduler.scheduleObservation(.sample, after: world.sampleInterval) }
    }

    /// The run ended at `end`: when that is after the last sample (a run whose length is not a
    /// multiple of the interval, or one stopped early), the shorter interval since then gets its
    /// row too, so the rows count every request. Taken once the run is over, not scheduled, and
    /// without retention: it observes the run's last state without changing it.
    mutating func closeLastInterval(at end: Instant) {
        guard end > metrics.series.currentStart else { return }  // the last sample was taken at the end
        recordSample(at: end)
    }

    /// Deletes what each topic's and queue's retention no longer keeps at `now`, and drops from
    /// memory the events every consumer of a log has processed.
    mutating func applyRetention(at now: Instant) {
        for t in topicBrokers.indices where topicBrokers[t] == .log { expire(topic: t, at: now) }
        for g in queueConsumers {
            let retention = queues[g].settings.retention.nanoseconds
            guard now.nanoseconds > retention else { continue }
            for record in queues[g].expire(sentBefore: Instant(nanoseconds: now.nanoseconds - retention)) { lose(record, at: g) }
        }
        for t in topicBrokers.indices where topicBrokers[t] == .log {
            for p in 0..<config.topic(t).partitions { dropConsumed(topic: t, p) }
        }
    }

    /// Closes the time series' interval at `now` with the gauges read then, and judges each
    /// consumer group's health over the interval. It only observes: nothing a later event
    /// sees changes.
    mutating func recordSample(at now: Instant) {
        let ends = partitions.map(\.endOffset)
        var gauges = [Double(entryPool.queueLength), Double(entryPool.busy), Double(unacknowledged + relayRowsWaiting)]
        for g in config.consumers.indices {
            gauges.append(isOnLog[g] ? Double(groups[g].lag(endOffsets: ends)) : Double(queues[g].count))
        }
        let called = config.calls?.calledServices ?? []
        for service in called { gauges.append(Double(calling.pools[service].queueLength)) }
        for service in called { gauges.append(Double(calling.pools[service].busy)) }
        for g in config.consumers.indices { gauges.append((now - oldestUnprocessed(g, at: now)).seconds) }
        for breaker in calling.breakers { gauges.append(breaker.level(at: now)) }
        metrics.closeInterval(at: now, gauges: gauges)
        for g in config.consumers.indices { metrics.consumers[g].record(status(of: g, at: now), over: now - lastSample) }
        lastSample = now
    }

    /// Deletes what `topic`'s retention no longer keeps. A consumer that is down resets its
    /// offset when it comes back (or when the partition's next owner first reads it), as
    /// Kafka's does.
    mutating func expire(topic t: Int, at now: Instant) {
        let topic = config.topic(t)
        guard topic.retention != nil || topic.retentionEvents != nil else { return }
        for p in 0..<topic.partitions {
            let log = topicFirstPartition[t] + p
            if let retention = topic.retention, now.nanoseconds > retention.nanoseconds {
                partitions[log].expire(appendedBefore: Instant(nanoseconds: now.nanoseconds - retention.nanoseconds))
            }
            if let count = topic.retentionEvents { partitions[log].expire(keepingLast: count) }
            for g in topicConsumers[t] where groups[g].isOwnedByLiveInstance(p) && !groups[g].cursors[p].isBusy
                && groups[g].cursors[p].position < partitions[log].startOffset {
                skipExpired(g, p)
            }
        }
    }

    /// When the oldest event consumer `g` has not processed yet was written (`now` when it
    /// has processed everything): on the log, the oldest event at a partition's position;
    /// on a queue, its oldest message, received or not.
    /// - Complexity: O(partitions), or amortised O(1) on a queue.
    mutating func oldestUnprocessed(_ g: Int, at now: Instant) -> Instant {
        guard isOnLog[g] else { return queues[g].oldestSentAt() ?? now }
        var oldest = now
        let first = groups[g].firstPartition
        for p in groups[g].cursors.indices where groups[g].cursors[p].position < partitions[first + p].endOffset {
            oldest = Swift.min(oldest, partitions[first + p].record(at: groups[g].cursors[p].position).appendedAt)
        }
        return oldest
    }

    /// Consumer `g`'s health now: the worst of its partitions' (see `ConsumerHealthWindows`).
    /// A partition's lag counts from its committed offset; on a queue, the messages in it.
    /// - Complexity: O(partitions × `ConsumerHealthWindows.intervals`).
    mutating func status(of g: Int, at now: Instant) -> ConsumerStatus {
        guard isOnLog[g] else {
            let waitingSince = queues[g].oldestSentAt() ?? now
            return health[g].status(partition: 0, lag: Int64(queues[g].count), waitingSince: waitingSince, at: now)
        }
        var worst = ConsumerStatus.ok
        let first = groups[g].firstPartition
        for p in groups[g].cursors.indices {
            let committed = groups[g].cursors[p].committed, end = partitions[first + p].endOffset
            guard committed < end else { continue }
            let waitingSince = partitions[first + p].record(at: committed).appendedAt
            worst = Swift.max(worst, health[g].status(partition: p, lag: end - committed, waitingSince: waitingSince, at: now))
        }
        return worst
    }

    /// A commit of partition `p` by group `g` reached the broker (whether it moved the
    /// committed offset or not): its health window records it.
    mutating func recordCommit(_ g: Int, _ p: Int, at now: Instant) {
        let committed = groups[g].cursors[p].committed
        health[g].recordCommit(partition: p, offset: committed, lag: partitions[groups[g].firstPartition + p].endOffset - committed, at: now)
    }

    /// An instance's delete or return reached queue `g`: the queue's health window records
    /// it, with the messages deleted so far as the offset.
    mutating func recordQueueAnswer(_ g: Int, at now: Instant) {
        health[g].recordCommit(partition: 0, offset: queueDeletes[g], lag: Int64(queues[g].count), at: now)
    }
}
