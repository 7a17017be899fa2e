import SimKernel

/// Sessions of consumer instances that stop heartbeating without crashing. A group's
/// instances fall silent while their service is paused, or while a network partition cuts
/// the messages from their service to the broker. Once the silence has lasted the session
/// timeout, the coordinator evicts them and the group rebalances without them; when the
/// silence ends they join again, another rebalance. A shorter silence costs nothing.
extension EventDrivenModel {
    /// The spans of time during which group `g`'s instances are silent to the coordinator
    /// (their service paused, or cut off from the broker), overlapping spans merged, in order.
    /// - Complexity: O(*f* log *f*), *f* faults.
    func silences(of g: Int) -> [(start: Instant, end: Instant)] {
        let service = groups[g].config.service
        var spans: [(start: Instant, end: Instant)] = []
        for fault in faults.faults where fault.kind == .pause && fault.service == service && fault.instance == nil {
            spans.append((fault.start, fault.end))
        }
        for fault in world.networkFaults {
            guard case .partition = fault.scope, fault.scope.contains(from: service, to: broker) else { continue }
            spans.append((fault.start, fault.end))
        }
        spans.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        var merged: [(start: Instant, end: Instant)] = []
        for span in spans {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = Swift.max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// Schedules, for every silence of group `g` longer than its session timeout, the eviction
    /// at the silence's start plus the timeout and the rejoin at its end.
    mutating func scheduleSessionLapses(_ g: Int, _ scheduler: inout Scheduler<Event>) {
        let timeout = groups[g].config.sessionTimeout
        for silence in silences(of: g) where silence.end - silence.start > timeout {
            scheduler.schedule(.sessionLapses(group: Int32(g)), at: silence.start + timeout)
            if silence.end != .distantFuture { scheduler.schedule(.silenceEnds(group: Int32(g)), at: silence.end) }
        }
    }

    /// The coordinator evicts group `g`'s silent instances and rebalances (a group that is
    /// down as a whole is left alone: it resumes from its committed offsets on its own).
    mutating func evictSilentMembers(_ g: Int, _ scheduler: inout Scheduler<Event>) {
        guard !groups[g].isDown, groups[g].evictMembers() else { return }
        metrics.evictions += 1
        beginRebalance(g, &scheduler)
    }

    /// Group `g`'s evicted instances are heard from again: they join, and the group rebalances.
    mutating func rejoinEvictedMembers(_ g: Int, _ scheduler: inout Scheduler<Event>) {
        guard !groups[g].isDown, groups[g].rejoinEvicted() else { return }
        beginRebalance(g, &scheduler)
    }
}
