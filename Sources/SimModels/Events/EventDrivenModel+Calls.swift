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
            guard entryJobs.isLive(origin.item, origin.generation) else { return }
            if outcome == .ok { return publish(origin.item, &scheduler) }
            let j = entryJobs[origin.item]
            if pending.isLive(j.pendingSlot, j.pendingGeneration) { pending.remove(j.pendingSlot) }  // the request failed: nothing completes
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

    /// Consumer `g` has done its own work on the head of partition `p`: it makes its calls
    /// if it has any and the work succeeded, else it is done with the attempt.
    mutating func workDone(_ g: Int, _ p: Int, _ scheduler: inout Scheduler<Event>) {
        guard let root = config.calls?.consumerRoots[g], groups[g].cursors[p].fate == .served else { return finishProcessing(g, p, &scheduler) }
        let origin = JobOrigin(owner: Int32(g), item: Int32(p), generation: groups[g].cursors[p].epoch)
        runSteps(at: root, request: callRequest(for: groups[g].cursors[p].inFlight!), origin: origin, &scheduler)
    }

    /// Queue consumer `g` has done its own work on `job`: it makes its calls if it has any
    /// and the work succeeded, else it is done with the receive.
    mutating func workDone(_ g: Int, job: Int32, _ scheduler: inout Scheduler<Event>) {
        guard let root = config.calls?.consumerRoots[g], queueGroups[g].jobs[job].fate == .served else { return finishJob(g, job, &scheduler) }
        let origin = JobOrigin(owner: Int32(g), item: job, generation: queueGroups[g].jobs.generation(of: job))
        runSteps(at: root, request: callRequest(for: queueGroups[g].jobs[job].record), origin: origin, &scheduler)
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
        let record = EventRecord(request: r.id, requestSlot: r.pendingSlot, key: r.key, version: r.version,
                                 requestGeneration: r.pendingGeneration, arrival: r.arrival, createdAt: r.committedAt)
        if writeOutboxRow(publisher, record, isWritten: true, &scheduler) { return finish(job, outcome: .ok, &scheduler) }
        sendOnward(OnwardPublish(record: record, group: Int32(publisher), item: job, generation: calling.jobs.generation(of: job), round: 0,
                                 instance: -1), &scheduler)
    }
}
