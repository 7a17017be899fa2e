import SimKernel
import SimMetrics

/// Consumers that publish onward through an outbox: the event is written to the consumer's
/// database in the transaction that applies its effect, so the attempt succeeds at once and
/// the consumer commits and reads on whatever the broker is doing. A relay beside the
/// database (change data capture) streams the rows to the broker through a producer of its
/// own, one lane per partition of the onward topic: in commit order, up to
/// `ProducerLane.window` rows unanswered, so a lane keeps up with its rows whatever the round
/// trip to the broker. After a failure the lane goes back to its oldest unanswered row: at
/// once with the whole window after a refusal of a row past a gap, and after
/// `producer.retryBackoff` with that row alone until the broker has it after a timeout or a
/// refusal by a broker that is down. Nothing is lost and each partition's rows arrive in order.
///
/// On a log topic the relay is an idempotent producer: the broker appends the next row it
/// expects from it once, however many copies reach it, answers a resend of one it has, and
/// refuses a row after a gap (a lost copy). On a queue topic every copy that reaches the
/// broker is delivered (a duplicate when an answer was lost). The rows survive a crash of the
/// consumer service; the relay stops while the service is down and resumes from the oldest
/// unanswered row as a new producer (the old one's late copies are refused), so the rows it
/// had in flight are appended again.
extension EventDrivenModel {
    /// Publisher `g` (a consumer that has processed `record`, or a node whose calls
    /// succeeded) publishes it: through its outbox, the row is written with its state and the
    /// relay told; returns whether it has an outbox (else the publisher dual-writes). An
    /// idempotent consumer that skipped the event (`isWritten` false) wrote nothing, so no
    /// row: a replay's row went with the effect it repeats.
    mutating func writeOutboxRow(_ g: Int, _ record: EventRecord, isWritten: Bool, _ scheduler: inout Scheduler<Event>) -> Bool {
        let first = relayFirstLane[g]
        guard first >= 0 else { return false }
        guard isWritten else { return true }
        let t = publishers[g].topic
        let lane = first + (topicBrokers[t] == .log ? onwardPartition(of: record, in: t) : 0)
        relayLanes[lane].rows.append(OutboxRow(record: record, number: relayLanes[lane].nextRow))
        relayLanes[lane].nextRow &+= 1
        relayRowsWaiting += 1
        relayPump(lane, &scheduler)
        return true
    }

    /// The relay sends `lane`'s next rows, in order, as far as its window (or probe) allows,
    /// unless its service is down. A row the broker answered out of turn is not sent again.
    mutating func relayPump(_ lane: Int, _ scheduler: inout Scheduler<Event>) {
        let g = relayLanes[lane].publisher
        guard !faults.isDown(publishers[g].service, at: scheduler.now) else { return }
        while relayLanes[lane].maySend {
            let index = relayLanes[lane].sent
            relayLanes[lane].sent += 1
            let row = relayLanes[lane].rows[index]
            guard !row.isAnswered else { continue }
            relayLanes[lane].inFlight += 1
            relayLanes[lane].rows[index].hasBeenSent = true
            metrics.attempts += 1
            if row.hasBeenSent { metrics.retries += 1 }
            var item = OnwardPublish(record: row.record, group: Int32(g), item: 0, generation: relayLanes[lane].epoch,
                                     round: relayLanes[lane].sequence(ofRowAt: index), instance: -1)
            (item.relayLane, item.relayRow, item.relayRound) = (Int32(lane), row.number, relayLanes[lane].round)
            sendOnward(item, &scheduler)
        }
    }

    /// A copy of an outbox row reaches a broker that is up: returns whether the broker has the
    /// row now. On a log the broker follows the relay's producer (`AppendedSequence`): the next
    /// row it expects is appended, a resend of one it has is answered without a second append,
    /// and a row after a gap, or from a producer a restart replaced, is refused. On a queue
    /// every copy is appended.
    mutating func relayed(_ item: OnwardPublish, _ scheduler: inout Scheduler<Event>) -> Bool {
        let lane = Int(item.relayLane), t = publishers[Int(item.group)].topic
        if topicBrokers[t] == .log {
            switch relayLanes[lane].appended.judge(epoch: item.generation, sequence: item.round) {
            case .append: break
            case .duplicate: return true
            case .refuse: return false
            }
        }
        // A row the broker appends again is an event of its own to the consumers' draws.
        let copy = relayLanes[lane].lastAppendedRow == item.relayRow ? relayLanes[lane].rowCopies + 1 : 0
        (relayLanes[lane].lastAppendedRow, relayLanes[lane].rowCopies) = (item.relayRow, copy)
        var record = item.record
        record.lineage = Visit.appended(record.lineage, copy: copy)
        appendOnward(record, to: t, partition: lane - relayFirstLane[Int(item.group)], &scheduler)
        return true
    }

    /// The broker's answer to a row the relay sent (or the relay's timeout). The broker has
    /// the row: it is done with, and the rows at the front that are done leave the outbox,
    /// whichever round sent it. A failure of the current round sends the lane back to its
    /// oldest unanswered row after the back-off; one of an earlier round, or any answer from
    /// before a crash, is ignored.
    mutating func relayAnswered(_ item: OnwardPublish, isAppended: Bool, _ scheduler: inout Scheduler<Event>) {
        let lane = Int(item.relayLane)
        guard relayLanes[lane].epoch == item.generation,
              let index = relayLanes[lane].index(ofSequence: item.round) else { return }
        guard isAppended else {
            guard relayLanes[lane].round == item.relayRound, index < relayLanes[lane].sent,
                  !relayLanes[lane].isBackingOff else { return }  // a failure of a round already given up
            // A refusal after a gap says the broker is there and an earlier row went missing:
            // the lane sends again from it at once. A timeout or a broker that is down: the
            // oldest row alone, after the back-off.
            relayLanes[lane].goBack(probing: !item.isRefusedAfterGap)
            guard relayLanes[lane].isProbing else { return relayPump(lane, &scheduler) }
            let retry = Event.relayRetryDue(lane: Int32(lane), epoch: relayLanes[lane].epoch, round: relayLanes[lane].round)
            return scheduler.schedule(retry, after: config.producer.retryBackoff)
        }
        guard !relayLanes[lane].rows[index].isAnswered else { return }  // a resend's answer, after its first
        relayLanes[lane].rows[index].isAnswered = true
        relayRowsWaiting -= 1
        if index < relayLanes[lane].sent { relayLanes[lane].inFlight -= 1 }
        var popped = false
        while relayLanes[lane].rows.first?.isAnswered == true {
            _ = relayLanes[lane].rows.popFirst()
            relayLanes[lane].answeredRows &+= 1
            relayLanes[lane].sent = Swift.max(0, relayLanes[lane].sent - 1)  // answered out of turn in an earlier round: not sent in this one
            popped = true
        }
        if popped { relayLanes[lane].isProbing = false }
        relayPump(lane, &scheduler)
    }

    /// The back-off after a failure of round `round` of `lane` ends: the oldest unanswered row
    /// is sent again, alone, unless the service crashed meanwhile.
    mutating func relayRetryDue(_ lane: Int, epoch: UInt32, round: UInt32, _ scheduler: inout Scheduler<Event>) {
        guard relayLanes[lane].epoch == epoch, relayLanes[lane].round == round, relayLanes[lane].isBackingOff else { return }
        relayLanes[lane].isBackingOff = false
        relayPump(lane, &scheduler)
    }

    /// The service of publisher `g` goes down (its relay forgets what it was waiting for) or
    /// comes back (its relay resends each lane's rows from the oldest unanswered).
    mutating func relayCrashEdge(_ g: Int, isStart: Bool, _ scheduler: inout Scheduler<Event>) {
        let first = relayFirstLane[g]
        guard first >= 0 else { return }
        for lane in first..<first + Self.relayLaneCount(of: config.topic(publishers[g].topic)) {
            if isStart {
                relayLanes[lane].restart()
            } else {
                relayPump(lane, &scheduler)
            }
        }
    }

    /// How many relay lanes a publisher to `topic` has: one per partition of a log topic, one
    /// for a queue topic.
    static func relayLaneCount(of topic: TopicConfig) -> Int { topic.broker == .log ? topic.partitions : 1 }

    /// The relay lanes of every publisher that publishes through an outbox, end to end, and
    /// where each publisher's start (−1 for one that does not).
    static func relayLanes(of publishers: [Publisher], _ config: EventsConfig) -> (lanes: [RelayLane], first: [Int]) {
        var lanes: [RelayLane] = [], first: [Int] = []
        for (g, publisher) in publishers.enumerated() {
            guard publisher.topic >= 0, publisher.via == .outbox else { first.append(-1); continue }
            first.append(lanes.count)
            lanes += [RelayLane](repeating: RelayLane(publisher: g), count: relayLaneCount(of: config.topic(publisher.topic)))
        }
        return (lanes, first)
    }
}

/// One partition's worth of a publisher's outbox and the relay's producer for it: the rows
/// not yet answered, oldest first, sent in order up to a window (see `ProducerLane`).
struct RelayLane: Sendable {
    /// The publisher whose outbox it is.
    let publisher: Int
    /// Rows written and not yet answered, oldest first; a row answered out of turn stays
    /// until it reaches the front (or the relay restarts).
    var rows = RingBuffer<OutboxRow>(capacity: 16)
    /// The number the next row written gets.
    var nextRow: UInt32 = 0
    /// How many rows at the front were sent in the current round and not failed since, and
    /// how many of them wait for their answer: the window counts only those, as a producer's
    /// in-flight limit counts its requests not yet answered.
    var sent = 0
    var inFlight = 0
    /// Bumped whenever the lane goes back to its oldest row: failures of older rounds are stale.
    var round: UInt32 = 0
    /// After a failure, only the oldest row goes out until it is answered.
    var isProbing = false
    /// A resend is scheduled after the retry back-off.
    var isBackingOff = false
    /// Rows that have left the front, answered, so far; and how many had when the current
    /// producer started, whose sequence numbers count from the row after them.
    var answeredRows: UInt32 = 0
    var epochBase: UInt32 = 0
    /// The producer's epoch: bumped when the publisher's service crashes, so its answers from
    /// before are ignored and the restarted relay is a new producer to the broker.
    var epoch: UInt32 = 0
    /// What the broker knows of the relay's producer on a log (its newest epoch and the next
    /// sequence number it appends).
    var appended = AppendedSequence()
    /// The row the broker appended last and how many times before it did (0 for once).
    var lastAppendedRow = UInt32.max
    var rowCopies = 0

    init(publisher: Int) { self.publisher = publisher }

    /// Whether the relay may send another row of the lane now.
    var maySend: Bool {
        !isBackingOff && sent < rows.count && (isProbing ? sent < 1 : inFlight < ProducerLane.window)
    }

    /// The current producer's sequence number of the row `index` places from the front.
    func sequence(ofRowAt index: Int) -> UInt32 { answeredRows &+ UInt32(index) &- epochBase }

    /// Where the row with the current producer's sequence number `sequence` is, if still in
    /// the lane (wrapping: a row gone from the front is far past the back).
    func index(ofSequence sequence: UInt32) -> Int? {
        let index = Int(sequence &+ epochBase &- answeredRows)
        return index < rows.count ? index : nil
    }

    /// A send failed: the lane starts again from its oldest unanswered row; `probing`, after
    /// the back-off and with that row alone until it is answered.
    mutating func goBack(probing: Bool) {
        round &+= 1
        (sent, inFlight, isProbing, isBackingOff) = (0, 0, probing, probing)
    }

    /// The publisher's service crashed: the relay forgets what it was waiting for, and will
    /// restart as a new producer whose sequence starts at the oldest unanswered row. Rows the
    /// broker answered out of turn leave the lane now (it has them, and would otherwise wait
    /// for their numbers in vain).
    mutating func restart() {
        epoch &+= 1
        (sent, inFlight, isProbing, isBackingOff) = (0, 0, false, false)
        var kept = RingBuffer<OutboxRow>(capacity: Swift.max(rows.count, 1))
        while let row = rows.popFirst() {
            if !row.isAnswered { kept.append(row) }
        }
        rows = kept
        epochBase = answeredRows
    }
}

/// A row of an outbox: the event, its number in the lane, whether the relay has sent it
/// (a send after the first is a retry) and whether the broker has answered for it.
struct OutboxRow: Sendable {
    var record: EventRecord
    var number: UInt32
    var hasBeenSent = false
    var isAnswered = false
}
