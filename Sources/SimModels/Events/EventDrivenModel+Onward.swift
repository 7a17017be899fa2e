import SimKernel
import SimMetrics

/// Chained events: a consumer that publishes onward sends each event it has processed (its
/// work, calls and effect done) to its output topic, and waits for the broker's answer
/// before it commits and takes the next event, as a Kafka consumer that produces with
/// `acks=all` and then commits its offset. The event keeps its request, key and version, so
/// consistency and end-to-end latency follow it through every topic.
///
/// No answer within `publishTimeout`, or a refusal by a broker that is down, fails the
/// processing attempt, which then follows the group's retry and dead-letter policy. So a
/// lost answer to a publish that was appended makes a downstream duplicate, and a retried
/// attempt applies the consumer's own effect again unless it is idempotent: at-least-once,
/// as without Kafka's transactions. The broker keeps one copy of a publish the network
/// duplicated (the producer is idempotent within one attempt).
extension EventDrivenModel {
    /// Consumer `g` publishes the event at the head of partition `p` to its output topic.
    mutating func publishOnward(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now, service = groups[g].config.service
        groups[g].cursors[p].publishRound &+= 1
        let record = groups[g].cursors[p].inFlight!
        let (slot, generation) = onward.insert(OnwardPublish(record: record, group: Int32(g), partition: Int32(p),
                                                             epoch: groups[g].cursors[p].epoch, round: groups[g].cursors[p].publishRound))
        metrics.messages += 1
        let track = TraceTrack(node: service, instance: groups[g].cursors[p].busyInstance)
        var copies = 0
        network.transmit(from: service, to: broker, at: now).forEachDelay { delay in
            copies += 1
            guard copies == 1 else { return }
            scheduler.schedule(.onwardArrives(publish: slot, generation: generation), after: delay)
            traceMessage(.publish, request: record.request, from: track, to: TraceTrack(node: broker), after: delay, now)
        }
        if copies == 0 { onward[slot].isAtBroker = false }  // lost on the way: only the timeout will tell
        onward[slot].timer = scheduler.scheduleCancellable(.onwardTimedOut(publish: slot, generation: generation), after: config.publishTimeout)
    }

    /// An onward publish reaches the broker: appended to its topic's partition for the
    /// event's key (or the next one round-robin) unless the broker is down, and answered.
    mutating func onwardArrives(_ publish: Int32, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now, item = onward[publish]
        onward[publish].isAtBroker = false
        let isAppended = !isBrokerDown(at: now)
        if isAppended { appendOnward(item.record, to: config.consumers[Int(item.group)].publishesTo!, &scheduler) }
        let service = groups[Int(item.group)].config.service
        let answer = Event.onwardAnswered(publish: publish, generation: onward.generation(of: publish), isAppended: isAppended)
        metrics.messages += 1
        var copies = 0
        network.transmit(from: broker, to: service, at: now).forEachDelay { delay in
            copies += 1
            guard copies == 1 else { return }
            scheduler.schedule(answer, after: delay)
            let track = TraceTrack(node: service, instance: groups[Int(item.group)].cursors[Int(item.partition)].busyInstance)
            traceMessage(.ack, request: item.record.request, from: TraceTrack(node: broker), to: track, after: delay, now)
        }
        retireOnwardIfDone(publish)
    }

    /// The broker appends `record` to `topic`, and its consumers fetch from that partition.
    mutating func appendOnward(_ record: EventRecord, to t: Int, _ scheduler: inout Scheduler<Event>) {
        let topic = config.topic(t)
        let p: Int
        if topic.isKeyed {
            p = topic.partitions == config.partitions ? Int(keyPartitions[Int(record.key)])
                : Int(KeyPartitioner.partition(key: record.key, partitions: topic.partitions))
        } else {
            p = onwardRoundRobin[t]
            onwardRoundRobin[t] = (p + 1) % topic.partitions
        }
        var record = record
        record.appendedAt = scheduler.now
        _ = partitions[topicFirstPartition[t] + p].append(record)
        for g in topicConsumers[t] { fetch(g, p, &scheduler) }
    }

    /// The answer to an onward publish reaches its consumer, or the consumer stops waiting
    /// for it (`isAppended` false). Only the answer to the latest publish of work still in
    /// hand counts: the consumer commits and moves on, or fails the attempt. The second copy
    /// of a duplicated delivery is done with either way.
    mutating func onwardAnswered(_ publish: Int32, isAppended: Bool, _ scheduler: inout Scheduler<Event>) {
        let item = onward[publish]
        scheduler.cancel(item.timer)
        onward[publish].isAwaited = false
        retireOnwardIfDone(publish)
        let (g, p) = (Int(item.group), Int(item.partition))
        guard groups[g].cursors[p].epoch == item.epoch, groups[g].cursors[p].publishRound == item.round, groups[g].cursors[p].isBusy else { return }
        if groups[g].cursors[p].isProcessingDuplicate {
            groups[g].cursors[p].isProcessingDuplicate = false
            return moveOn(g, p, &scheduler)
        }
        if !isAppended { return failAttempt(g, p, &scheduler) }
        finishApplied(g, p, &scheduler)
    }

    /// Frees an onward publish once the broker is done with it and its consumer no longer waits.
    mutating func retireOnwardIfDone(_ publish: Int32) {
        if !onward[publish].isAtBroker, !onward[publish].isAwaited { onward.remove(publish) }
    }
}

/// A consumer's onward publish of one event, on its way to the broker or awaiting its answer.
struct OnwardPublish: Sendable {
    var record: EventRecord
    var group: Int32
    var partition: Int32
    /// The partition's epoch and publish round when it was sent: a later answer to work
    /// abandoned or retried since is ignored.
    var epoch: UInt32
    var round: UInt32
    var timer: TimerHandle = .none
    /// Whether its first copy is still on its way to the broker.
    var isAtBroker = true
    /// Whether its consumer still waits for the answer.
    var isAwaited = true
}
