import SimKernel
import SimMetrics

/// Publishing: the entry's events cross the network to the broker, which appends each copy
/// that reaches it and acknowledges it back across the network.
///
/// The producer is not idempotent: a publish the network duplicates, or one the outbox
/// resends after its acknowledgement was lost, is appended twice and consumers see it twice.
/// A dual write that is not acknowledged in time is given up on; it is lost only if no copy
/// of it was ever appended, which is known once the last copy on the wire has arrived.
extension EventDrivenModel {
    /// Sends a publish of `message` from the entry to the broker and starts waiting for its
    /// acknowledgement.
    mutating func send(_ message: Int32, _ scheduler: inout Scheduler<Event>) {
        let generation = messages.generation(of: message)
        let id = messages[message].record.request
        metrics.attempts += 1
        metrics.messages += 1
        network.transmit(from: entry, to: broker, at: scheduler.now).forEachDelay { delay in
            messages[message].copiesInFlight += 1
            scheduler.schedule(.publishArrives(message: message, generation: generation), after: delay)
            traceMessage(.publish, request: id, from: TraceTrack(node: entry), to: TraceTrack(node: broker), after: delay, scheduler.now)
        }
        messages[message].timer = scheduler.scheduleCancellable(.publishTimeout(message: message, generation: generation),
                                                                after: config.publishTimeout)
    }

    mutating func relay(_ scheduler: inout Scheduler<Event>) {
        if !faults.isDown(entry, at: scheduler.now) {
            while let message = outbox.popFirst() { send(message, &scheduler) }
        }
        if scheduler.now + config.relayInterval <= world.end { scheduler.schedule(.relay, after: config.relayInterval) }
    }

    /// A copy of the publish of `message` reaches the broker, which appends it and sends an
    /// acknowledgement back, whatever the producer thinks of the message by now. A crashed
    /// broker refuses it: the producer hears nothing and times out.
    mutating func publishArrives(_ message: Int32, _ scheduler: inout Scheduler<Event>) {
        messages[message].copiesInFlight -= 1
        guard !isBrokerDown(at: scheduler.now) else { return retireIfDone(message) }
        messages[message].appends += 1
        append(messages[message].record, &scheduler)
        metrics.messages += 1
        let ack = Event.ackArrives(message: message, generation: messages.generation(of: message))
        let id = messages[message].record.request
        network.transmit(from: broker, to: entry, at: scheduler.now).forEachDelay { delay in
            scheduler.schedule(ack, after: delay)
            traceMessage(.ack, request: id, from: TraceTrack(node: broker), to: TraceTrack(node: entry), after: delay, scheduler.now)
        }
        retireIfDone(message)
    }

    /// The broker appends `record`: to the partition its key (or round-robin) picks, or to
    /// every consumer's queue.
    mutating func append(_ record: EventRecord, _ scheduler: inout Scheduler<Event>) {
        var record = record
        record.appendedAt = scheduler.now
        guard case .log = config.broker else {
            // Fan-out: every consumer service's queue gets its own copy.
            for g in queues.indices {
                metrics.messages += 1
                queues[g].send(record, at: scheduler.now)
                dispatch(g, &scheduler)
            }
            return
        }
        let p: Int
        if config.isKeyed {
            p = Int(keyPartitions[Int(record.key)])
        } else {
            p = nextRoundRobin
            nextRoundRobin = (nextRoundRobin + 1) % config.partitions
        }
        _ = partitions[p].append(record)
        for g in groups.indices { fetch(g, p, &scheduler) }
    }

    /// An acknowledgement reaches the producer. Only the first one for a message the producer
    /// still waits on counts; the others (duplicates, or one after a dual write gave up) are
    /// ignored.
    mutating func acknowledge(_ message: Int32, _ scheduler: inout Scheduler<Event>) {
        guard messages[message].state == .waiting else { return }
        scheduler.cancel(messages[message].timer)
        messages[message].state = .acknowledged
        unacknowledged -= 1
        let (job, generation) = (messages[message].entryJob, messages[message].entryJobGeneration)
        if job >= 0, entryJobs.isLive(job, generation) { finishEntryJob(job, failure: nil, &scheduler) }
        retireIfDone(message)
    }

    /// No acknowledgement came within `publishTimeout`. The outbox relay sends the row again
    /// (or, while the entry is down, leaves it for the relay to send when it is back); a dual
    /// write gives up, failing the user who waits for it.
    mutating func publishTimedOut(_ message: Int32, _ scheduler: inout Scheduler<Event>) {
        guard messages[message].state == .waiting else { return }  // acknowledged meanwhile
        switch config.publish {
        case .outbox:
            metrics.retries += 1
            if faults.isDown(entry, at: scheduler.now) { outbox.append(message) } else { send(message, &scheduler) }
        case .dualWrite:
            messages[message].state = .abandoned
            unacknowledged -= 1
            let (job, generation) = (messages[message].entryJob, messages[message].entryJobGeneration)
            if job >= 0, entryJobs.isLive(job, generation) { finishEntryJob(job, failure: .timeout, &scheduler) }
            retireIfDone(message)
        }
    }

    /// Frees `message` once the producer is done with it and no copy is left on the wire. A
    /// dual write given up on and never appended is then known to be lost for every consumer.
    mutating func retireIfDone(_ message: Int32) {
        let m = messages[message]
        guard m.state != .waiting, m.copiesInFlight == 0 else { return }
        if m.state == .abandoned, m.appends == 0 { loseEverywhere(m.record) }
        messages.remove(message)
    }

    /// Records a message of a traced request sent at `now` that arrives after `delay`.
    mutating func traceMessage(_ kind: TraceMessage.Kind, request id: UInt64, from: TraceTrack, to: TraceTrack,
                               after delay: TimeSpan, _ now: Instant) {
        guard metrics.trace.isSampled(id) else { return }
        metrics.trace.message(kind, request: id, from: from, to: to, sent: now, received: now + delay)
    }
}
