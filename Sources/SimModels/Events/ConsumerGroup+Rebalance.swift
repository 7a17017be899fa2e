import SimKernel

/// Instances of a consumer group crash and come back one at a time; the group notices a
/// crash when the instance's session times out, and rebalances: it pauses partitions,
/// then hands them to the instances that are members by then.
extension ConsumerGroup {
    /// The assignment of every partition among the current members, in instance order;
    /// −1 for every partition when no member is left.
    /// - Complexity: O(partitions + instances).
    func assignment() -> [Int] {
        let partitions = cursors.count
        var members: [Int] = []
        for i in isMember.indices where isMember[i] { members.append(i) }
        guard !members.isEmpty else { return [Int](repeating: -1, count: partitions) }
        switch config.assignment {
        case .roundRobin:
            return (0..<partitions).map { members[$0 % members.count] }
        case .range:
            let (share, extra) = (partitions / members.count, partitions % members.count)
            var owners: [Int] = []
            owners.reserveCapacity(partitions)
            for (k, member) in members.enumerated() {
                owners += repeatElement(member, count: share + (k < extra ? 1 : 0))
            }
            return owners
        }
    }

    /// Instance `i` crashes: the event it was working on is abandoned and the partitions it
    /// owned stop where they were last committed (what it processed since replays, under
    /// at-least-once). Returns the partitions whose abandoned event was already committed
    /// (at-most-once): those events are lost.
    /// - Complexity: O(partitions).
    mutating func crash(instance i: Int) -> [Int] {
        isInstanceDown[i] = true
        incarnation[i] &+= 1
        var lost: [Int] = []
        for p in cursors.indices {
            let abandons = cursors[p].isBusy && cursors[p].busyInstance == i
            guard abandons || (cursors[p].owner == i && !cursors[p].isBusy) else { continue }
            if abandons {
                if cursors[p].committed > cursors[p].position { lost.append(p) }
                abandon(p)
            }
            cursors[p].rewindToCommitted()
        }
        load[i] = 0
        markEveryOwnedReady()
        return lost
    }

    /// Instance `i` comes back and joins the group again.
    mutating func restart(instance i: Int) {
        isInstanceDown[i] = false
        incarnation[i] &+= 1
        isMember[i] = true
    }

    /// A rebalance starts: the new assignment is planned among the current members, and the
    /// partitions it revokes pause: every partition when eager, only those changing owner
    /// when cooperative. A live owner commits what it has processed of a partition before
    /// giving it up.
    /// - Complexity: O(partitions + instances).
    mutating func beginRebalance() {
        generation &+= 1
        let planned = assignment()
        for p in cursors.indices {
            cursors[p].target = planned[p]
            let pauses = config.rebalance == .eager || cursors[p].target != cursors[p].owner
            if pauses, !cursors[p].isPaused, !cursors[p].isBusy { commitOnRevoke(p) }
            cursors[p].isPaused = pauses
        }
    }

    /// The rebalance ends: every partition goes to its planned owner and resumes. A partition
    /// that changes hands starts afresh at counting failed attempts. Work an evicted member
    /// still has in hand is dropped first (see `dropFencedWork`), so no partition waits for it.
    /// Returns the partitions whose dropped event was already committed (at-most-once): those
    /// events are lost.
    /// - Complexity: O(partitions).
    mutating func completeRebalance() -> [Int] {
        var lost: [Int] = []
        for p in cursors.indices {
            if cursors[p].isFenced, dropFencedWork(p) { lost.append(p) }
            if cursors[p].owner != cursors[p].target { cursors[p].failures = 0 }
            cursors[p].owner = cursors[p].target
            cursors[p].isPaused = false
        }
        markEveryOwnedReady()
        return lost
    }

    /// The event partition `p` has in hand belongs to a member the group evicted, whose
    /// generation is over: it is dropped, as Kafka discards a fetch response of an older
    /// generation. The worker is freed, the partition goes back to its committed offset (its
    /// next owner reads the event again from there), and whatever the old member's work still
    /// sends (its delivery, the end of its processing, its retries, calls, onward publishes
    /// and commits) carries the old epoch and is ignored. Returns whether the event had been
    /// committed before it was processed (at-most-once): it is lost.
    mutating func dropFencedWork(_ p: Int) -> Bool {
        let isLost = cursors[p].committed > cursors[p].position
        load[cursors[p].busyInstance] -= 1
        abandon(p)
        cursors[p].rewindToCommitted()
        return isLost
    }

    /// A live instance gives up partition `p`: with periodic commits it commits its
    /// position first, as Kafka's consumer commits on revocation.
    mutating func commitOnRevoke(_ p: Int) {
        if case .periodic = config.commit { cursors[p].committed = Swift.max(cursors[p].committed, cursors[p].position) }
    }
}

/// The coordinator evicts members it has not heard from for the session timeout (a paused
/// process, or one cut off from the broker), and they join again when they are heard from.
extension ConsumerGroup {
    /// Every member that is not crashed is dropped from the group: the partitions it owns
    /// stop at their committed offsets (their next owner reads from there), and the event it
    /// has in hand, if any, is fenced: never committed (as Kafka fences a stale generation),
    /// and dropped when the rebalance ends if its work is not over by then. Returns whether
    /// any member was dropped.
    /// - Complexity: O(partitions + instances).
    mutating func evictMembers() -> Bool {
        var evicted = [Bool](repeating: false, count: isMember.count)
        for i in isMember.indices where isMember[i] && !isInstanceDown[i] {
            isMember[i] = false
            evicted[i] = true
        }
        guard evicted.contains(true) else { return false }
        for p in cursors.indices {
            if cursors[p].isBusy, evicted[cursors[p].busyInstance] {
                cursors[p].isFenced = true
            } else if cursors[p].owner >= 0, evicted[cursors[p].owner] {
                cursors[p].rewindToCommitted()
            }
        }
        markEveryOwnedReady()
        return true
    }

    /// The evicted instances that are not crashed join the group again. Returns whether any did.
    mutating func rejoinEvicted() -> Bool {
        var joined = false
        for i in isMember.indices where !isMember[i] && !isInstanceDown[i] {
            isMember[i] = true
            joined = true
        }
        return joined
    }
}
