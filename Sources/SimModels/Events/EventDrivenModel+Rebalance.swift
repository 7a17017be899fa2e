import SimKernel

/// One consumer instance crashes and comes back. On a log its partitions stall until its
/// session times out; the group then rebalances and hands them to the live instances,
/// which resume from the committed offsets. Its return is another rebalance. On a queue
/// the other instances simply keep taking messages, and what it held reappears when the
/// visibility timeouts run out.
extension EventDrivenModel {
    mutating func instanceCrashEdge(_ service: Int, instance: Int, isStart: Bool, _ scheduler: inout Scheduler<Event>) {
        for g in logConsumers where groups[g].config.service == service && instance < groups[g].config.instances {
            if isStart {
                for p in groups[g].cursors.indices where groups[g].cursors[p].owner == instance && !groups[g].cursors[p].isBusy {
                    loseSkipped(g, p, before: groups[g].cursors[p].committed)
                }
                for p in groups[g].crash(instance: instance) { lose(groups[g].cursors[p].inFlight!, at: g) }
                scheduler.schedule(.sessionExpires(group: Int32(g), instance: Int32(instance), incarnation: groups[g].incarnation[instance]),
                                   after: groups[g].config.sessionTimeout)
            } else {
                groups[g].restart(instance: instance)  // a new member joins: the group rebalances
                beginRebalance(g, &scheduler)
            }
        }
        for g in queueConsumers where queueGroups[g].config.service == service && instance < queueGroups[g].config.instances {
            queueCrashEdge(g, instance: instance, isStart: isStart, &scheduler)
        }
    }

    /// The coordinator has not heard from a crashed instance for the session timeout: it
    /// drops the instance from the group and rebalances. Ignored if the instance came back.
    mutating func sessionExpires(_ g: Int, _ instance: Int, incarnation: UInt32, _ scheduler: inout Scheduler<Event>) {
        guard groups[g].isInstanceDown[instance], groups[g].incarnation[instance] == incarnation else { return }
        groups[g].isMember[instance] = false
        beginRebalance(g, &scheduler)
    }

    /// Starts (or restarts) a rebalance of group `g`; it ends after the rebalance pause.
    mutating func beginRebalance(_ g: Int, _ scheduler: inout Scheduler<Event>) {
        metrics.rebalances += 1
        groups[g].beginRebalance()
        scheduler.schedule(.rebalanceEnds(group: Int32(g), generation: groups[g].generation), after: groups[g].config.rebalancePause)
    }

    /// The new assignment takes effect and every partition may fetch again, from its
    /// committed offset where an evicted member's work in hand was dropped.
    mutating func endRebalance(_ g: Int, _ scheduler: inout Scheduler<Event>) {
        for p in groups[g].completeRebalance() { lose(groups[g].cursors[p].inFlight!, at: g) }
        for p in groups[g].cursors.indices { fetch(g, p, &scheduler) }
    }
}
