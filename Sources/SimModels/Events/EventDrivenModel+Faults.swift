import SimKernel

/// Crashes and pauses of the entry, the consumers and the broker.
///
/// A paused node makes no progress: the events it would handle (work finishing, messages
/// reaching it, its own timers) wait until the pause ends, and nothing is lost. Users keep
/// arriving at a paused entry, which holds their requests. A paused or crashed broker serves
/// no fetch; a crashed one also refuses publishes and loses the commits, deletes and returns
/// that reach it. Its log and queues are durable: nothing acknowledged is lost, and when it
/// comes back every consumer group resumes from its committed offsets.
extension EventDrivenModel {
    /// The node whose progress `event` is, if any (for pauses). Messages reaching a node
    /// count as the node's progress: a paused node takes them in when it resumes.
    func node(handling event: Event) -> Int? {
        switch event {
        case .arrival, .crash, .sample, .brokerResumes:
            return nil  // users keep arriving (a paused entry holds them, see `arrive`); faults and sampling are outside the world
        case .entryArrives, .entryDone, .ackArrives, .refusalArrives, .publishTimeout, .laneRetryDue, .relay, .flush:
            return entry
        case .publishArrives, .onwardArrives, .commitArrives, .deleteArrives, .returnArrives, .visibilityEnds, .sessionExpires, .rebalanceEnds,
             .sessionLapses, .silenceEnds:
            return broker  // the group coordinator lives on the broker
        case .delivered(let g, _, _), .fetchTimedOut(let g, _, _), .processed(let g, _, _), .retryDue(let g, _, _), .commitTick(let g):
            return groups[Int(g)].config.service
        case .onwardAnswered(let publish, let generation, _), .onwardTimedOut(let publish, let generation):
            return onward.isLive(publish, generation) ? publishers[Int(onward[publish].group)].service : nil
        case .relayRetryDue(let lane, _, _):
            return publishers[relayLanes[Int(lane)].publisher].service
        case .received(let g, _, _), .handled(let g, _, _):
            return queueGroups[Int(g)].config.service
        case .call(let event):
            return calling.service(handling: event)
        case .client:
            return nil  // users keep waiting and retrying whatever the entry does
        }
    }

    /// Whether the broker is crashed at `time`.
    func isBrokerDown(at time: Instant) -> Bool { faults.isDown(broker, at: time) }

    /// Whether the broker hands out events at `time`: it is neither crashed nor paused.
    func isBrokerServing(at time: Instant) -> Bool {
        !isBrokerDown(at: time) && !(faults.hasPauses && faults.pausedUntil(broker, at: time) != nil)
    }

    /// Every consumer asks the broker again: on the log, every partition of every group
    /// fetches; every queue hands out what it can.
    mutating func serveWaitingConsumers(_ scheduler: inout Scheduler<Event>) {
        for g in logConsumers {
            for p in groups[g].cursors.indices { fetch(g, p, &scheduler) }
        }
        for g in queueConsumers { dispatch(g, &scheduler) }
    }

    mutating func crashEdge(_ service: Int, isStart: Bool, _ scheduler: inout Scheduler<Event>) {
        if service == broker { return brokerCrashEdge(isStart: isStart, &scheduler) }
        for g in logConsumers where groups[g].config.service == service {
            if isStart {
                for p in groups[g].cursors.indices where !groups[g].cursors[p].isBusy { loseSkipped(g, p, before: groups[g].cursors[p].committed) }
                for p in groups[g].crash() { lose(groups[g].cursors[p].inFlight!, at: g) }
            } else {
                groups[g].isDown = false
                for p in groups[g].cursors.indices { fetch(g, p, &scheduler) }
            }
        }
        for g in queueConsumers where queueGroups[g].config.service == service {
            queueCrashEdge(g, instance: nil, isStart: isStart, &scheduler)
        }
        for g in publishers.indices where publishers[g].service == service { relayCrashEdge(g, isStart: isStart, &scheduler) }
        if service == entry {
            if isStart { crashEntry(&scheduler) } else { restartProducer(&scheduler) }
        }
        if isStart, config.calls != nil { crashCalls(at: service, &scheduler) }
    }

    /// The broker crashes or comes back. While it is down, producers time out (and resend
    /// or lose events, by their discipline) and consumers stall once they have processed
    /// what they had received; commits sent meanwhile are lost. When it comes back, each
    /// group rejoins and reads from its committed offsets, so what was processed but not
    /// committed is read again. A partition with an event in hand keeps its place: the
    /// instance commits that event when it is done, to the broker now back. An event committed
    /// before processing whose delivery never came (the instance was to fetch it again) is
    /// not read again: it is lost.
    mutating func brokerCrashEdge(isStart: Bool, _ scheduler: inout Scheduler<Event>) {
        guard !isStart else { return }
        for g in logConsumers {
            for p in groups[g].cursors.indices where !groups[g].cursors[p].isBusy {
                loseSkipped(g, p, before: groups[g].cursors[p].committed)
                groups[g].cursors[p].rewindToCommitted()
            }
            groups[g].markEveryOwnedReady()
        }
        serveWaitingConsumers(&scheduler)
    }

    /// The entry goes down: requests in progress fail, and the producer dies with its memory.
    /// Dual-write events still in its buffer are lost, and so are those it was sending unless a
    /// copy on the wire is appended; outbox rows survive (they are in the database) and the
    /// restarted relay sends them again from the oldest. Either way the producer comes back
    /// in a new epoch.
    mutating func crashEntry(_ scheduler: inout Scheduler<Event>) {
        while let message = producerBuffer.popFirst() {
            unacknowledged -= 1
            loseEverywhere(messages[message].record)
            messages.remove(message)
        }
        for lane in lanes.indices {
            rewind(lane, &scheduler)
            lanes[lane].isProbing = false
            if config.publish == .dualWrite {
                while let message = lanes[lane].events.popFirst() {
                    messages[message].entryJob = -1  // its user fails with the crash, below
                    if messages[message].state == .waiting { abandon(message, &scheduler) }
                    messages[message].isInLane = false
                    retireIfDone(message)
                }
            }
        }
        _ = entryPool.reset()
        for job in entryJobs.liveSlots { respond(job, failure: .unavailable, &scheduler) }
    }

    /// The entry comes back: its producer starts a new epoch on each lane, over the events
    /// then still unacknowledged (an acknowledgement that reached the entry while it was down
    /// was lost with it), and sends again from the oldest: an event the broker had appended is
    /// appended again, as a restarted producer's new identity is not deduplicated.
    mutating func restartProducer(_ scheduler: inout Scheduler<Event>) {
        for lane in lanes.indices {
            startEpoch(lane)
            pump(lane, &scheduler)
        }
    }
}
