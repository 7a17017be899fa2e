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
    /// The event log consumer `g` publishes onward for the head of partition `p`: the head,
    /// carrying the lineage of the processing that publishes it (`Visit.lineage`).
    func onwardRecord(_ g: Int, _ p: Int) -> EventRecord {
        var record = groups[g].cursors[p].inFlight!
        record.lineage = groups[g].cursors[p].visit.lineage
        return record
    }

    /// The event queue consumer `g` publishes onward for receive `job`, as `onwardRecord(_:_:)`.
    func onwardRecord(queue g: Int, job: Int32) -> EventRecord {
        var record = queueGroups[g].jobs[job].record
        record.lineage = queueGroups[g].jobs[job].visit.lineage
        return record
    }

    /// Log consumer `g` publishes the event at the head of partition `p` to its output topic.
    mutating func publishOnward(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        groups[g].cursors[p].publishRound &+= 1
        let cursor = groups[g].cursors[p]
        let item = OnwardPublish(record: onwardRecord(g, p), group: Int32(g), item: Int32(p), generation: cursor.epoch, round: cursor.publishRound,
                                 instance: Int32(cursor.busyInstance))
        sendOnward(item, &scheduler)
    }

    /// Queue consumer `g` publishes the event of receive `job` to its output topic.
    mutating func publishOnward(queue g: Int, job: Int32, _ scheduler: inout Scheduler<Event>) {
        let j = queueGroups[g].jobs[job]
        sendOnward(OnwardPublish(record: onwardRecord(queue: g, job: job), group: Int32(g), item: job, generation: queueGroups[g].jobs.generation(of: job), round: 0,
                           instance: j.instance), &scheduler)
    }

    /// Sends `item` from its consumer to the broker and starts waiting for the answer.
    mutating func sendOnward(_ item: OnwardPublish, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now, service = publishers[Int(item.group)].service, record = item.record
        let (slot, generation) = onward.insert(item)
        metrics.messages += 1
        let track = TraceTrack(node: service, instance: Int(Swift.max(item.instance, 0)))
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
        var isAppended = !isBrokerDown(at: now)
        if isAppended {
            if item.relayLane >= 0 {
                isAppended = relayed(item, &scheduler)
                onward[publish].isRefusedAfterGap = !isAppended
            } else {
                if item.calls >= 0 { markReached(item.record, topic: publishers[Int(item.group)].topic) }
                appendOnward(item.record, to: publishers[Int(item.group)].topic, &scheduler)
            }
        }
        let service = publishers[Int(item.group)].service
        let answer = Event.onwardAnswered(publish: publish, generation: onward.generation(of: publish), isAppended: isAppended)
        metrics.messages += 1
        var copies = 0
        network.transmit(from: broker, to: service, at: now).forEachDelay { delay in
            copies += 1
            guard copies == 1 else { return }
            scheduler.schedule(answer, after: delay)
            let track = TraceTrack(node: service, instance: Int(Swift.max(item.instance, 0)))
            traceMessage(.ack, request: item.record.request, from: TraceTrack(node: broker), to: track, after: delay, now)
        }
        retireOnwardIfDone(publish)
    }

    /// The broker appends `record` to `topic`: to one partition, whose consumers fetch from
    /// it, or a copy to each of its consumers' queues.
    mutating func appendOnward(_ record: EventRecord, to t: Int, _ scheduler: inout Scheduler<Event>) {
        appendOnward(record, to: t, partition: topicBrokers[t] == .log ? onwardPartition(of: record, in: t) : 0, &scheduler)
    }

    /// The broker appends `record` to partition `p` of `topic` (on a queue topic: a copy to
    /// each of its consumers' queues).
    mutating func appendOnward(_ record: EventRecord, to t: Int, partition p: Int, _ scheduler: inout Scheduler<Event>) {
        var record = record
        record.appendedAt = scheduler.now
        guard topicBrokers[t] == .log else {
            for k in topicConsumers[t].indices {  // by index: iterating the array would retain it at every append
                let g = topicConsumers[t][k]
                metrics.messages += 1
                queues[g].send(record, at: scheduler.now)
                dispatch(g, &scheduler)
            }
            return holdsOneMore(topic: t, &scheduler)
        }
        _ = partitions[topicFirstPartition[t] + p].append(record)
        holdsOneMore(topic: t, &scheduler)
        for k in topicConsumers[t].indices { fetch(topicConsumers[t][k], p, &scheduler) }
    }

    /// The partition of log topic `t` that `record` goes to: its key's, or the next one round-robin.
    mutating func onwardPartition(of record: EventRecord, in t: Int) -> Int {
        let topic = config.topic(t)
        guard topic.isKeyed else {
            let p = onwardRoundRobin[t]
            onwardRoundRobin[t] = (p + 1) % topic.partitions
            return p
        }
        return topic.partitions == config.partitions ? Int(keyPartitions[Int(record.key)])
            : Int(KeyPartitioner.partition(key: record.key, partitions: topic.partitions))
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
        if item.relayLane >= 0 { return relayAnswered(item, isAppended: isAppended, &scheduler) }
        let g = Int(item.group)
        if g >= config.consumers.count {  // a called service's publish: its node answers its caller now
            guard calling.jobs.isLive(item.item, item.generation) else { return }
            return finish(item.item, outcome: isAppended ? .ok : .error, &scheduler)
        }
        guard isOnLog[g] else {
            guard queueGroups[g].jobs.isLive(item.item, item.generation) else { return }
            return closeJob(g, item.item, succeeded: isAppended, &scheduler)
        }
        let p = Int(item.item)
        let cursor = groups[g].cursors[p]
        guard cursor.epoch == item.generation, cursor.publishRound == item.round, cursor.isBusy else { return }
        if groups[g].cursors[p].isProcessingDuplicate {
            groups[g].cursors[p].isProcessingDuplicate = false
            return moveOn(g, p, &scheduler)
        }
        if !isAppended { return failAttempt(g, p, &scheduler) }
        finishApplied(g, p, &scheduler)
    }

    /// Frees an onward publish once the broker is done with it and its consumer no longer
    /// waits, and a called service's publish lets go of its request.
    mutating func retireOnwardIfDone(_ publish: Int32) {
        let item = onward[publish]
        guard !item.isAtBroker, !item.isAwaited else { return }
        onward.remove(publish)
        if item.calls >= 0 { releaseRequest(item.calls) }
    }
}

/// A consumer's onward publish of one event, on its way to the broker or awaiting its answer.
struct OnwardPublish: Sendable {
    var record: EventRecord
    /// Its publisher (see `EventDrivenModel.publishers`): a consumer group, or a called service's node.
    var group: Int32
    /// Its partition on a log, its receive (job slot) on a queue, the publishing node's job
    /// (0 for an outbox row).
    var item: Int32
    /// The partition's epoch (the receive's generation on a queue) and publish round when it
    /// was sent: a later answer to work abandoned or retried since is ignored. For an outbox
    /// row: its relay lane's epoch (the producer's) and the row's sequence number in it.
    var generation: UInt32
    var round: UInt32
    /// The consumer instance that sent it (−1 for its outbox relay).
    var instance: Int32
    /// The outbox relay lane it was sent from, or −1 for a dual write; for an outbox row, its
    /// number in the lane and the lane's round when it was sent (see `RelayLane`).
    var relayLane: Int32 = -1
    var relayRow: UInt32 = 0
    var relayRound: UInt32 = 0
    /// For a called service's dual write: its request's slot in the call tree, held until
    /// the broker is done with the publish (else −1).
    var calls: Int32 = -1
    var timer: TimerHandle = .none
    /// Whether its first copy is still on its way to the broker.
    var isAtBroker = true
    /// Whether its consumer still waits for the answer.
    var isAwaited = true
    /// For an outbox row: whether the broker, up, refused it as a copy after a gap.
    var isRefusedAfterGap = false
}

/// Something that publishes onward: a consumer group (`publishes`) or a node of the calls
/// that ends in a publish step.
struct Publisher: Sendable {
    /// The service that publishes.
    let service: Int
    /// The topic it publishes to (−1 for a consumer that publishes nothing).
    let topic: Int
    /// How it publishes.
    let via: PublishDiscipline
}

extension EventDrivenModel {
    /// Every consumer in order (publishing or not, so that a consumer's index is its
    /// publisher's), then every node of the calls that publishes, in node order; and, per
    /// node, its publisher (−1 for one that does not publish).
    static func publishers(of config: EventsConfig) -> (publishers: [Publisher], callPublisher: [Int]) {
        var publishers = config.consumers.map { Publisher(service: $0.service, topic: $0.publishesTo ?? -1, via: $0.publishesVia) }
        var callPublisher: [Int] = []
        for node in config.calls?.graph.nodes ?? [] {
            guard let publish = node.publish else { callPublisher.append(-1); continue }
            callPublisher.append(publishers.count)
            publishers.append(Publisher(service: node.service, topic: publish.topic, via: publish.via))
        }
        return (publishers, callPublisher)
    }
}
