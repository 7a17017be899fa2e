import SimKernel
import SimMetrics

/// Consuming from queues: the broker hands each consumer service's messages to its
/// instances round-robin, hides each until it is deleted or its visibility timeout runs
/// out, and hands it out again then (a duplicate if it had been processed after all).
extension EventDrivenModel {
    /// Hands visible messages of queue `g` to instances with room, until one runs out;
    /// nothing while the broker is crashed or paused.
    mutating func dispatch(_ g: Int, _ scheduler: inout Scheduler<Event>) {
        guard isBrokerServing(at: scheduler.now) else { return }
        while queues[g].firstVisible() != nil, let instance = queueGroups[g].takeInstanceWithRoom() {
            let now = scheduler.now
            let (message, receives) = queues[g].receive(at: now)!
            if let limit = queues[g].settings.maxReceiveCount, receives > Int32(limit) {
                redrive(g, message)
                continue
            }
            if receives > 1 { metrics.recordRedelivery(consumer: g) }
            scheduler.schedule(.visibilityEnds(group: Int32(g), message: message.slot, generation: message.generation, receive: receives),
                               at: queues[g].messages[message.slot].visibleAt)
            send(QueueJob(instance: Int32(instance), message: message, receive: receives, record: queues[g].messages[message.slot].record),
                 of: g, &scheduler)
        }
    }

    /// The broker sends a received message to its instance. A copy the network drops never
    /// arrives: the message stays hidden until its visibility timeout runs out, then goes to
    /// whichever instance is next. Each copy that arrives is held, processed and answered
    /// by the instance, so a duplicate is applied twice.
    mutating func send(_ job: QueueJob, of g: Int, _ scheduler: inout Scheduler<Event>) {
        metrics.messages += 1
        let track = TraceTrack(node: queueGroups[g].config.service, instance: Int(job.instance))
        var copy: Int32 = 0
        network.transmit(from: broker, to: queueGroups[g].config.service, at: scheduler.now).forEachDelay { delay in
            traceMessage(.delivery, request: job.record.request, from: TraceTrack(node: broker), to: track, after: delay, scheduler.now)
            var job = job
            job.copy = copy
            copy += 1
            let (slot, generation) = queueGroups[g].jobs.insert(job)
            queueGroups[g].held[Int(job.instance)] += 1
            scheduler.schedule(.received(group: Int32(g), job: slot, generation: generation), after: delay)
        }
    }

    /// A received message reaches its instance: a free worker takes it, or it waits.
    mutating func arriveAtInstance(_ g: Int, _ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let instance = Int(queueGroups[g].jobs[job].instance)
        if queueGroups[g].busy[instance] < queueGroups[g].config.concurrency {
            startJob(g, job, &scheduler)
        } else {
            queueGroups[g].waiting[instance].append(job)
        }
    }

    mutating func startJob(_ g: Int, _ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let j = queueGroups[g].jobs[job]
        let service = queueGroups[g].config.service
        queueGroups[g].busy[Int(j.instance)] += 1
        queueGroups[g].jobs[job].isStarted = true
        queueGroups[g].jobs[job].startedAt = scheduler.now
        // A duplicated delivery's copy is a processing of its own: it draws with a word unique to it.
        let visit = Visit.processing(lineage: j.record.lineage, attempt: Int(j.receive), isFirstProcessing: j.copy == 0 && isFirstConsumer[g],
                                     salt: UInt64(g) << 40 ^ UInt64(j.copy))
        queueGroups[g].jobs[job].visit = visit
        var work = calling.workTime(of: service, request: j.record.request, visit: visit, at: scheduler.now, faults: faults)
        let fate = calling.stations.fate(of: service, request: j.record.request, visit: visit, at: scheduler.now, faults: faults)
        queueGroups[g].jobs[job].fate = fate
        switch fate {
        case .served: break
        case .fails: work = 0  // an error fails at once, as a synchronous callee's does
        case .hangs: work += queues[g].settings.visibilityTimeout.nanoseconds
        }
        metrics.services[service].started += 1
        scheduler.schedule(.handled(group: Int32(g), job: job, generation: queueGroups[g].jobs.generation(of: job)), after: .nanoseconds(work))
    }

    /// An instance finishes processing a message: on success it applies the effect (and
    /// publishes it onward, if it does, holding its worker until the broker answers).
    mutating func finishJob(_ g: Int, _ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let j = queueGroups[g].jobs[job]
        guard j.fate == .served else { return closeJob(g, job, succeeded: false, &scheduler) }
        let isWritten = applyEffect(g, j.record, at: scheduler.now)
        if queues[g].isLive(j.message) { queues[g].messages[j.message.slot].isApplied = true }
        if config.consumers[g].publishesTo != nil, !writeOutboxRow(g, onwardRecord(queue: g, job: job), isWritten: isWritten, &scheduler) {
            return publishOnward(queue: g, job: job, &scheduler)
        }
        closeJob(g, job, succeeded: true, &scheduler)
    }

    /// The instance is done with receive `job`: on success it deletes the message; on
    /// failure it returns the message to the queue, or parks it in the dead-letter queue and
    /// deletes it. Then it takes the next one.
    mutating func closeJob(_ g: Int, _ job: Int32, succeeded: Bool, _ scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let j = queueGroups[g].jobs[job]
        let instance = Int(j.instance)
        let service = queueGroups[g].config.service
        queueGroups[g].jobs.remove(job)
        if j.isRedriven { endRedrivenReceive(j, of: g) }
        queueGroups[g].busy[instance] -= 1
        queueGroups[g].held[instance] -= 1
        metrics.recordHeld(now - j.startedAt, service: service)
        if metrics.trace.isSampled(j.record.request) {
            metrics.trace.span(.process, request: j.record.request, track: TraceTrack(node: service, instance: instance), from: j.startedAt, to: now)
        }
        if succeeded {
            answer(g, j, isDelete: true, &scheduler)
        } else if queueGroups[g].config.onFailure == .park {
            deadLetter(j.record, at: g)
            answer(g, j, isDelete: true, &scheduler)
        } else {
            answer(g, j, isDelete: false, &scheduler)
        }
        if let next = queueGroups[g].waiting[instance].popFirst() { startJob(g, next, &scheduler) }
        dispatch(g, &scheduler)
    }

    /// Sends the broker a delete (acknowledgement) or a return (a negative acknowledgement,
    /// or a visibility change to the retry back-off) for receive `j`.
    /// A delete or return the network drops is lost: the message reappears when its
    /// visibility timeout runs out (and, once deleted, is received again: a duplicate).
    mutating func answer(_ g: Int, _ j: QueueJob, isDelete: Bool, _ scheduler: inout Scheduler<Event>) {
        metrics.messages += 1
        let (group, slot, generation) = (Int32(g), j.message.slot, j.message.generation)
        let answer: Event = isDelete ? .deleteArrives(group: group, message: slot, generation: generation, receive: j.receive)
                                     : .returnArrives(group: group, message: slot, generation: generation, receive: j.receive)
        network.transmit(from: queueGroups[g].config.service, to: broker, at: scheduler.now).forEachDelay { delay in
            scheduler.schedule(answer, after: delay)
        }
    }

    /// A delete reaches the broker. It deletes the message only if no later receive has
    /// taken it since (as with SQS's receipt handles): otherwise the message stays, and the
    /// later receive processes it again.
    mutating func deleteArrives(_ g: Int, _ message: MessageReference, receive: Int32, at now: Instant) {
        guard queues[g].isLive(message), queues[g].messages[message.slot].receives == receive else { return }
        queues[g].delete(message)
        queueDeletes[g] += 1
        recordQueueAnswer(g, at: now)
    }

    /// A return reaches the broker: the message is visible again after the retry back-off.
    mutating func returnArrives(_ g: Int, _ message: MessageReference, receive: Int32, _ scheduler: inout Scheduler<Event>) {
        guard queues[g].isHidden(message, byReceive: receive) else { return }
        recordQueueAnswer(g, at: scheduler.now)
        let backoff = queueGroups[g].config.retryBackoff
        queues[g].messages[message.slot].visibleAt = scheduler.now + backoff
        if backoff == .zero { return reappear(g, message, &scheduler) }
        scheduler.schedule(.visibilityEnds(group: Int32(g), message: message.slot, generation: message.generation, receive: receive),
                           after: backoff)
    }

    /// A receive's visibility timeout (or a return's back-off) may have run out.
    mutating func visibilityEnds(_ g: Int, _ message: MessageReference, receive: Int32, _ scheduler: inout Scheduler<Event>) {
        guard queues[g].isHidden(message, byReceive: receive), scheduler.now >= queues[g].messages[message.slot].visibleAt else { return }
        reappear(g, message, &scheduler)
    }

    /// A hidden message becomes visible again, unless retention deleted it meanwhile.
    mutating func reappear(_ g: Int, _ message: MessageReference, _ scheduler: inout Scheduler<Event>) {
        if queues[g].messages[message.slot].isExpired {
            let record = queues[g].messages[message.slot].record
            if !queues[g].delete(message) { lose(record, at: g) }
            return
        }
        queues[g].makeVisible(message)
        dispatch(g, &scheduler)
    }

    /// Instance `instance` of queue consumer `g` (every instance with `nil`) goes down or
    /// comes back. Messages it held reappear when their visibility timeouts run out; those
    /// the broker has redriven meanwhile do not, and the receives it drops of them end.
    mutating func queueCrashEdge(_ g: Int, instance: Int?, isStart: Bool, _ scheduler: inout Scheduler<Event>) {
        if isStart {
            for job in queueGroups[g].stop(instance: instance) { endRedrivenReceive(job, of: g) }
        }
        if let instance { queueGroups[g].isInstanceDown[instance] = isStart } else { queueGroups[g].isDown = isStart }
        if !isStart { dispatch(g, &scheduler) }
    }
}
