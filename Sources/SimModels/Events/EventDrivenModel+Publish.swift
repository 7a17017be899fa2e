import SimKernel
import SimMetrics

/// Publishing: the entry's producer sends each partition's events to the broker in commit
/// order (see `ProducerLane`), retrying after a failure from the oldest unacknowledged
/// event; the broker appends what reaches it and acknowledges it back across the network.
///
/// With the idempotent producer (the default on the log), each copy carries its sequence
/// number in its partition and the broker appends only the next one it expects: a resend or a
/// network duplicate of an appended event is acknowledged without a second append, and a copy
/// after a gap is refused. Without it, every copy that reaches the broker is appended.
///
/// The outbox relay retries for ever. A dual write is given up once its delivery timeout has
/// passed at a failed attempt; it is lost only if no copy of it was ever appended, which is
/// known once the last copy on the wire has arrived.
extension EventDrivenModel {
    /// Puts `message` at the back of its partition's lane and sends what the lane allows.
    mutating func enqueue(_ message: Int32, _ scheduler: inout Scheduler<Event>) {
        let lane: Int
        if config.broker != .log {
            lane = 0
        } else if config.isKeyed {
            lane = Int(keyPartitions[Int(messages[message].record.key)])
        } else {
            lane = nextRoundRobin
            nextRoundRobin = (nextRoundRobin + 1) % config.partitions
        }
        messages[message].lane = Int32(lane)
        messages[message].number = lanes[lane].nextNumber
        messages[message].isInLane = true
        lanes[lane].nextNumber &+= 1
        lanes[lane].events.append(message)
        pump(lane, &scheduler)
    }

    /// Sends the lane's next events, in order, as far as its window (or probe) allows.
    mutating func pump(_ lane: Int, _ scheduler: inout Scheduler<Event>) {
        guard !faults.isDown(entry, at: scheduler.now) else { return }  // the relay and the producer are down with it
        while lanes[lane].maySend {
            let message = lanes[lane].events[lanes[lane].sent]
            lanes[lane].sent += 1
            guard messages[message].state == .waiting else { continue }
            lanes[lane].inFlight += 1
            send(message, &scheduler)
        }
    }

    /// Sends a copy of `message` from the entry to the broker and starts waiting for its
    /// acknowledgement.
    mutating func send(_ message: Int32, _ scheduler: inout Scheduler<Event>) {
        let generation = messages.generation(of: message)
        let m = messages[message], lane = Int(m.lane)  // the lane's fields one by one: a copy of it would retain its queue
        let round = lanes[lane].round
        let arrival = Event.publishArrives(message: message, generation: generation, round: round, epoch: lanes[lane].epoch,
                                           sequence: m.number &- lanes[lane].epochBase)
        metrics.attempts += 1
        metrics.messages += 1
        if m.hasBeenSent { metrics.retries += 1 }
        messages[message].hasBeenSent = true
        network.transmit(from: entry, to: broker, at: scheduler.now).forEachDelay { delay in
            messages[message].copiesInFlight += 1
            scheduler.schedule(arrival, after: delay)
            traceMessage(.publish, request: m.record.request, from: TraceTrack(node: entry), to: TraceTrack(node: broker), after: delay, scheduler.now)
        }
        messages[message].timer = scheduler.scheduleCancellable(.publishTimeout(message: message, generation: generation, round: round),
                                                                after: config.publishTimeout)
    }

    /// The outbox relay polls: it hands every new row to the producer, in commit order, unless
    /// the entry (and the relay with it) is down. It polls again while rows wait.
    mutating func relay(_ scheduler: inout Scheduler<Event>) {
        isRelayScheduled = false
        relayPolledAt = scheduler.now
        if !faults.isDown(entry, at: scheduler.now) {
            while let message = outbox.popFirst() { enqueue(message, &scheduler) }
        }
        if !outbox.isEmpty { scheduleRelay(&scheduler) }
    }

    /// Schedules the relay's next poll: every `relayInterval` after its last one, the first
    /// such instant after now (a row committed at a poll's instant waits for the next poll).
    /// Polls of an idle relay would find nothing, so they are not scheduled at all: a long,
    /// quiet run costs no events for them.
    mutating func scheduleRelay(_ scheduler: inout Scheduler<Event>) {
        let interval = config.relayInterval.nanoseconds
        let polls = (scheduler.now - relayPolledAt).nanoseconds / interval + 1
        let next = relayPolledAt + .nanoseconds(polls * interval)
        guard next <= world.end else { return }
        isRelayScheduled = true
        scheduler.schedule(.relay, at: next)
    }

    /// A copy of the publish of `message` reaches the broker. A crashed broker refuses it (the
    /// connection is refused); an idempotent producer's copy is judged by its sequence number;
    /// else it is appended. The broker answers an appended or duplicate copy with an
    /// acknowledgement and a refused one with a refusal, whatever the producer thinks of the
    /// message by now.
    mutating func publishArrives(_ message: Int32, round: UInt32, epoch: UInt32, sequence: UInt32, _ scheduler: inout Scheduler<Event>) {
        messages[message].copiesInFlight -= 1
        let verdict: AppendedSequence.Verdict
        if isBrokerDown(at: scheduler.now) {
            verdict = .refuse
        } else if config.isIdempotentPublish {
            verdict = appendedSequences[Int(messages[message].lane)].judge(epoch: epoch, sequence: sequence)
        } else {
            verdict = .append
        }
        if verdict == .append {
            var record = messages[message].record
            record.lineage = Visit.appended(record.lineage, copy: Int(messages[message].appends))
            messages[message].appends += 1
            append(record, to: Int(messages[message].lane), &scheduler)
        }
        metrics.messages += 1
        let generation = messages.generation(of: message)
        let answer = verdict == .refuse
            ? Event.refusalArrives(message: message, generation: generation, round: round, isBrokerDown: isBrokerDown(at: scheduler.now))
            : .ackArrives(message: message, generation: generation)
        let id = messages[message].record.request
        network.transmit(from: broker, to: entry, at: scheduler.now).forEachDelay { delay in
            scheduler.schedule(answer, after: delay)
            traceMessage(.ack, request: id, from: TraceTrack(node: broker), to: TraceTrack(node: entry), after: delay, scheduler.now)
        }
        retireIfDone(message)
    }

    /// The broker appends `record`: to partition `lane` of the log, or to every consumer's queue.
    mutating func append(_ record: EventRecord, to lane: Int, _ scheduler: inout Scheduler<Event>) {
        var record = record
        record.appendedAt = scheduler.now
        guard case .log = config.broker else {
            // Fan-out: every consumer service's queue gets its own copy.
            for k in topicConsumers[0].indices {  // by index: iterating the array would retain it at every append
                let g = topicConsumers[0][k]
                metrics.messages += 1
                queues[g].send(record, at: scheduler.now)
                dispatch(g, &scheduler)
            }
            return holdsOneMore(topic: 0, &scheduler)
        }
        _ = partitions[lane].append(record)
        holdsOneMore(topic: 0, &scheduler)
        for k in topicConsumers[0].indices { fetch(topicConsumers[0][k], lane, &scheduler) }
    }

    /// An acknowledgement reaches the producer. Only the first one for a message the producer
    /// still waits on counts; the others (duplicates, or one after a dual write gave up) are
    /// ignored. The lane then moves past what is acknowledged at its front.
    mutating func acknowledge(_ message: Int32, _ scheduler: inout Scheduler<Event>) {
        guard messages[message].state == .waiting else { return }
        scheduler.cancel(messages[message].timer)
        leaveFlight(message)
        messages[message].state = .acknowledged
        unacknowledged -= 1
        let (job, generation) = (messages[message].entryJob, messages[message].entryJobGeneration)
        if job >= 0, entryJobs.isLive(job, generation) { finishEntryJob(job, failure: nil, &scheduler) }
        let lane = Int(messages[message].lane)
        advance(lane)
        pump(lane, &scheduler)
    }

    /// `message`, still waiting, is acknowledged or given up: if it was sent in its lane's
    /// current round, it no longer counts against the window.
    mutating func leaveFlight(_ message: Int32) {
        let lane = Int(messages[message].lane)
        guard messages[message].isInLane, let front = lanes[lane].events.first else { return }
        if Int(messages[message].number &- messages[front].number) < lanes[lane].sent { lanes[lane].inFlight -= 1 }
    }

    /// Removes the acknowledged (or given up) events at the front of `lane`; once nothing is in
    /// flight, a probing lane opens its window again.
    mutating func advance(_ lane: Int) {
        while let first = lanes[lane].events.first, messages[first].state != .waiting {
            _ = lanes[lane].events.popFirst()
            if lanes[lane].sent > 0 { lanes[lane].sent -= 1 }
            messages[first].isInLane = false
            retireIfDone(first)
        }
        if lanes[lane].sent == 0 { lanes[lane].isProbing = false }
    }

    /// An attempt of `message` in `round` failed: no acknowledgement came within
    /// `publishTimeout`, or the broker refused it. Unless the lane has gone back since, it goes
    /// back to its oldest unacknowledged event and resends after the retry back-off: that
    /// event alone (a probe) after a timeout or a refusal by a crashed broker, or its whole
    /// window after a refusal of a sequence gap, which says the broker is there and an earlier
    /// event went missing.
    mutating func attemptFailed(_ message: Int32, round: UInt32, probes: Bool, _ scheduler: inout Scheduler<Event>) {
        let lane = Int(messages[message].lane)
        guard messages[message].state == .waiting, messages[message].isInLane, lanes[lane].round == round else { return }
        rewind(lane, &scheduler)
        lanes[lane].isProbing = probes
        lanes[lane].isBackingOff = true
        scheduler.schedule(.laneRetryDue(lane: Int32(lane), round: lanes[lane].round), after: config.producer.retryBackoff)
    }

    /// Forgets what `lane` has in flight: its timers stop, and its events will be sent again
    /// from the oldest.
    mutating func rewind(_ lane: Int, _ scheduler: inout Scheduler<Event>) {
        for i in 0..<lanes[lane].sent { scheduler.cancel(messages[lanes[lane].events[i]].timer) }
        (lanes[lane].sent, lanes[lane].inFlight) = (0, 0)
        lanes[lane].round &+= 1
        lanes[lane].isBackingOff = false
    }

    /// The back-off after a failure ends: a dual write gives up on the events at the front
    /// whose delivery timeout has passed, then the lane probes with its oldest event.
    mutating func retryLane(_ lane: Int, round: UInt32, _ scheduler: inout Scheduler<Event>) {
        guard lanes[lane].round == round, lanes[lane].isBackingOff else { return }
        lanes[lane].isBackingOff = false
        if config.publish == .dualWrite { expire(lane, &scheduler) }
        pump(lane, &scheduler)
    }

    /// Gives up on the dual writes at the front of `lane` whose delivery timeout has passed,
    /// failing a user who waits for one with `timeout`. The sequence numbers of the events left
    /// start again in a new epoch, so the broker does not wait for the ones given up.
    mutating func expire(_ lane: Int, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        var expired = false
        while let first = lanes[lane].events.first, messages[first].state != .waiting || messages[first].deadline <= now {
            if messages[first].state == .waiting {
                abandon(first, &scheduler)
                expired = true
            }
            _ = lanes[lane].events.popFirst()
            messages[first].isInLane = false
            retireIfDone(first)
        }
        if expired { startEpoch(lane) }
    }

    /// `lane` starts a new epoch, whose sequence numbers run on without a gap over the events
    /// it will send again: those still unacknowledged, renumbered from zero in order. An event
    /// acknowledged out of turn leaves the lane now, as a new epoch will not send it, and the
    /// broker would otherwise wait in vain for its number.
    mutating func startEpoch(_ lane: Int) {
        lanes[lane].startEpoch()
        var kept = RingBuffer<Int32>(capacity: Swift.max(lanes[lane].events.count, 16))
        while let message = lanes[lane].events.popFirst() {
            guard messages[message].state == .waiting else {
                messages[message].isInLane = false
                retireIfDone(message)
                continue
            }
            messages[message].number = lanes[lane].nextNumber
            lanes[lane].nextNumber &+= 1
            kept.append(message)
        }
        lanes[lane].events = kept
    }

    /// The producer gives up on `message`; its user, if waiting, gets `timeout`.
    mutating func abandon(_ message: Int32, _ scheduler: inout Scheduler<Event>) {
        scheduler.cancel(messages[message].timer)
        leaveFlight(message)
        messages[message].state = .abandoned
        unacknowledged -= 1
        let (job, generation) = (messages[message].entryJob, messages[message].entryJobGeneration)
        if job >= 0, entryJobs.isLive(job, generation) { finishEntryJob(job, failure: .timeout, &scheduler) }
    }

    /// Frees `message` once the producer is done with it, it has left its lane and no copy is
    /// left on the wire. A dual write given up on and never appended is then known to be lost
    /// for every consumer.
    mutating func retireIfDone(_ message: Int32) {
        let m = messages[message]
        guard m.state != .waiting, !m.isInLane, m.copiesInFlight == 0 else { return }
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
