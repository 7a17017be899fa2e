import SimKernel
import SimMetrics

/// Synchronous calls inside the event-driven design: the entry's before it publishes, a
/// consumer's after its own work on an event. A failed call fails the user's request, or
/// the consumer's attempt, which then follows the group's retry and dead-letter policy.
extension EventDrivenModel {
    /// Every root here is steps-only: its own work is the entry's or the consumer's.
    mutating func rootWorkDone(_ job: Int32, at now: Instant) {
        preconditionFailure("an event-driven root job only runs steps")
    }

    /// A called node's effect counts in the consistency figures; a request completes when
    /// its consumers have applied theirs, after their own calls.
    mutating func effectApplied(request slot: Int32, at now: Instant) {}

    /// The calls of an entry request or of a consumer's attempt are over: the entry
    /// publishes (or answers the user's failure), the consumer finishes its attempt. Calls
    /// that outlived their origin (a crash, a revoked partition) are ignored.
    mutating func rootFinished(_ job: Int32, outcome: CallOutcome, _ scheduler: inout Scheduler<Event>) {
        let origin = calling.jobs[job].origin
        if origin.owner < 0 {
            let isAnswering = entryJobs.isLive(origin.item, origin.generation)
            if isAnswering, outcome == .ok { return publish(origin.item, &scheduler) }
            holdForFailedCalls(calling.jobs[job].request)
            guard isAnswering else { return }
            return finishEntryJob(origin.item, failure: outcome.failure, &scheduler)
        }
        let g = Int(origin.owner)
        if isOnLog[g] {
            let p = Int(origin.item)
            guard groups[g].cursors[p].epoch == origin.generation, groups[g].cursors[p].isBusy else { return }
            if outcome != .ok { groups[g].cursors[p].fate = .fails }
            finishProcessing(g, p, &scheduler)
        } else {
            guard queueGroups[g].jobs.isLive(origin.item, origin.generation) else { return }
            if outcome != .ok { queueGroups[g].jobs[origin.item].fate = .fails }
            finishJob(g, origin.item, &scheduler)
        }
    }

    /// The entry's calls for the request in call-tree slot `calls` failed (or its crash ended
    /// them): the request completes nothing, and the entry publishes nothing for it. The events
    /// its called services published before the failure still reach their consumers, so the
    /// request stays pending, its effects at those consumers counted as for any event, until
    /// no job of its calls is left to publish more (see `callsEnded`).
    mutating func holdForFailedCalls(_ calls: Int32) {
        let r = calling.requests[calls]
        guard pending.isLive(r.pendingSlot, r.pendingGeneration) else { return }
        pending[r.pendingSlot].isIncomplete = true
        pending[r.pendingSlot].failedCalls = calls
    }

    /// The calls in call-tree slot `slot` have ended. If they are the failed calls a pending
    /// request waits on, every consumer none of them published to will never have the event:
    /// its effect settles unapplied (nothing was published to lose), as do those downstream.
    mutating func callsEnded(_ slot: Int32) {
        let r = calling.requests[slot], p = r.pendingSlot
        guard p >= 0, pending.isLive(p, r.pendingGeneration), pending[p].failedCalls == slot else { return }
        pending[p].failedCalls = -1
        let record = EventRecord(request: r.id, requestSlot: p, key: r.key, version: r.version, requestGeneration: r.pendingGeneration,
                                 arrival: r.arrival, createdAt: r.committedAt)
        let reached = pending[p].reached
        for g in config.consumers.indices where reached & (UInt64(1) << UInt64(g)) == 0 && !isDownstream(g, of: reached) {
            settle(record, at: g, isApplied: false, now: .zero)
        }
        if pending.isLive(p, r.pendingGeneration) { finishIfSettled(p) }
    }

    /// Whether consumer `g` reads, directly or through further topics, what one of the
    /// consumers in the `consumers` mask publishes.
    func isDownstream(_ g: Int, of consumers: UInt64) -> Bool {
        config.consumers.indices.contains { consumers & (UInt64(1) << UInt64($0)) != 0 && downstream[$0].contains(g) }
    }

    /// A called service has published `record` to topic `t`, or written it to its outbox for
    /// the relay to: the topic's consumers have the event coming.
    mutating func markReached(_ record: EventRecord, topic t: Int) {
        guard pending.isLive(record.requestSlot, record.requestGeneration) else { return }
        for g in topicConsumers[t] { pending[record.requestSlot].reached |= UInt64(1) << UInt64(g) }
    }

    /// Consumer `g` has done its own work on the head of partition `p`: it makes its calls
    /// if it has any and the work succeeded, else it is done with the attempt.
    mutating func workDone(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        guard let root = config.calls?.consumerRoots[g], groups[g].cursors[p].fate == .served else { return finishProcessing(g, p, &scheduler) }
        let origin = JobOrigin(owner: Int32(g), item: Int32(p), generation: groups[g].cursors[p].epoch)
        runSteps(at: root, request: callRequest(for: groups[g].cursors[p].inFlight!), origin: origin, visit: groups[g].cursors[p].visit, &scheduler)
    }

    /// Queue consumer `g` has done its own work on `job`: it makes its calls if it has any
    /// and the work succeeded, else it is done with the receive.
    mutating func workDone(_ g: Int, job: Int32, _ scheduler: inout Scheduler<Event>) {
        guard let root = config.calls?.consumerRoots[g], queueGroups[g].jobs[job].fate == .served else { return finishJob(g, job, &scheduler) }
        let origin = JobOrigin(owner: Int32(g), item: job, generation: queueGroups[g].jobs.generation(of: job))
        runSteps(at: root, request: callRequest(for: queueGroups[g].jobs[job].record), origin: origin, visit: queueGroups[g].jobs[job].visit, &scheduler)
    }

    /// The request an event stands for, as the services a consumer calls see it.
    func callRequest(for record: EventRecord) -> RequestState {
        var request = RequestState(id: record.request, key: record.key, arrival: record.arrival)
        (request.version, request.committedAt) = (record.version, record.createdAt)
        (request.pendingSlot, request.pendingGeneration) = (record.requestSlot, record.requestGeneration)
        return request
    }

    /// `job`'s node has made its calls and publishes the request's event: through its
    /// outbox (written with its work, the node answers at once) or by a dual write (the node
    /// answers when the broker does: a refusal or no answer within `publishTimeout` fails it).
    mutating func publishAfterSteps(_ job: Int32, _ scheduler: inout Scheduler<Event>) {
        let publisher = callPublisher[Int(calling.jobs[job].node)]
        let r = calling.requests[calling.jobs[job].request]
        var record = EventRecord(request: r.id, requestSlot: r.pendingSlot, key: r.key, version: r.version,
                                 requestGeneration: r.pendingGeneration, arrival: r.arrival, createdAt: r.committedAt)
        record.lineage = calling.jobs[job].visit.lineage
        if writeOutboxRow(publisher, record, isWritten: true, &scheduler) {
            markReached(record, topic: publishers[publisher].topic)
            return finish(job, outcome: .ok, &scheduler)
        }
        // The publish holds the request until the broker is done with it: a late append still reaches the topic.
        calling.requests[calling.jobs[job].request].references += 1
        var item = OnwardPublish(record: record, group: Int32(publisher), item: job, generation: calling.jobs.generation(of: job), round: 0,
                                 instance: -1)
        item.calls = calling.jobs[job].request
        sendOnward(item, &scheduler)
    }
}
