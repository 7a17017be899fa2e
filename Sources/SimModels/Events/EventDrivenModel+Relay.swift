import SimKernel
import SimMetrics

/// Consumers that publish onward through an outbox: the event is written to the consumer's
/// database in the transaction that applies its effect, so the attempt succeeds at once and
/// the consumer commits and reads on whatever the broker is doing. A relay beside the
/// database (change data capture) streams the rows to the broker in commit order, one row at
/// a time per partition of the onward topic, and resends a row after `producer.retryBackoff`
/// until the broker has it: nothing is lost and each partition's rows arrive in order.
///
/// On a log topic the relay is an idempotent producer: the broker appends a row once, however
/// many copies of one producer's reach it. On a queue topic every copy that reaches the broker
/// is delivered (a duplicate when an answer was lost). The rows survive a crash of the consumer
/// service; the relay stops while the service is down and resumes from the oldest unanswered
/// row as a new producer, so the rows it had in flight are appended again.
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
        relayLanes[lane].rows.append(record)
        relayRowsWaiting += 1
        if !relayLanes[lane].isSending { relaySend(lane, &scheduler) }
        return true
    }

    /// The relay sends the oldest row of `lane`, unless its service is down.
    mutating func relaySend(_ lane: Int, _ scheduler: inout Scheduler<Event>) {
        let g = relayLanes[lane].publisher
        guard let record = relayLanes[lane].rows.first, !faults.isDown(publishers[g].service, at: scheduler.now) else { return }
        relayLanes[lane].isSending = true
        var item = OnwardPublish(record: record, group: Int32(g), item: 0, generation: relayLanes[lane].epoch,
                                 round: relayLanes[lane].sentRows, instance: -1)
        item.relayLane = Int32(lane)
        sendOnward(item, &scheduler)
    }

    /// A copy of an outbox row reaches a broker that is up: appended, unless the broker already
    /// has this row from this relay's producer (an idempotent producer's resend on a log). A
    /// relay restarted after a crash is a new producer, numbered from its first row: the rows
    /// its old self had appended are appended again (at least once), and a late copy from the
    /// old self, whose numbering the broker no longer follows, is appended as it comes.
    mutating func relayed(_ item: OnwardPublish, _ scheduler: inout Scheduler<Event>) {
        let lane = Int(item.relayLane), t = publishers[Int(item.group)].topic
        if topicBrokers[t] == .log {
            if item.generation > relayLanes[lane].producerEpoch {
                (relayLanes[lane].producerEpoch, relayLanes[lane].appendedRows) = (item.generation, item.round)
            }
            if item.generation == relayLanes[lane].producerEpoch {
                guard item.round == relayLanes[lane].appendedRows else { return }  // a resend of what the broker has
                relayLanes[lane].appendedRows &+= 1
            }
        }
        // A row the broker appends again is an event of its own to the consumers' draws.
        let copy = relayLanes[lane].lastAppendedRow == item.round ? relayLanes[lane].rowCopies + 1 : 0
        (relayLanes[lane].lastAppendedRow, relayLanes[lane].rowCopies) = (item.round, copy)
        var record = item.record
        record.lineage = Visit.appended(record.lineage, copy: copy)
        appendOnward(record, to: t, partition: lane - relayFirstLane[Int(item.group)], &scheduler)
    }

    /// The broker's answer to the relay's latest send of `lane`'s oldest row (or the relay's
    /// timeout): the row is done with and the next one goes, or the row goes again after the
    /// back-off. An answer to an older send, or from before a crash, is ignored.
    mutating func relayAnswered(_ item: OnwardPublish, isAppended: Bool, _ scheduler: inout Scheduler<Event>) {
        let lane = Int(item.relayLane)
        guard relayLanes[lane].epoch == item.generation, relayLanes[lane].isSending, relayLanes[lane].sentRows == item.round else { return }
        guard isAppended else {
            guard !relayLanes[lane].isBackingOff else { return }  // the timeout and a late refusal of one send
            relayLanes[lane].isBackingOff = true
            let retry = Event.relayRetryDue(lane: Int32(lane), epoch: relayLanes[lane].epoch, row: item.round)
            return scheduler.schedule(retry, after: config.producer.retryBackoff)
        }
        _ = relayLanes[lane].rows.popFirst()
        relayRowsWaiting -= 1
        relayLanes[lane].sentRows &+= 1
        relayLanes[lane].isSending = false
        relayLanes[lane].isBackingOff = false
        relaySend(lane, &scheduler)
    }

    /// The back-off after a failed send of row `row` of `lane` ends: the row is sent again,
    /// unless a late answer has acknowledged it meanwhile (or the service crashed).
    mutating func relayRetryDue(_ lane: Int, epoch: UInt32, row: UInt32, _ scheduler: inout Scheduler<Event>) {
        guard relayLanes[lane].epoch == epoch, relayLanes[lane].sentRows == row, relayLanes[lane].isBackingOff else { return }
        relayLanes[lane].isSending = false
        relayLanes[lane].isBackingOff = false
        relaySend(lane, &scheduler)
    }

    /// The service of publisher `g` goes down (its relay forgets what it was waiting for) or
    /// comes back (its relay resends each lane's oldest row).
    mutating func relayCrashEdge(_ g: Int, isStart: Bool, _ scheduler: inout Scheduler<Event>) {
        let first = relayFirstLane[g]
        guard first >= 0 else { return }
        for lane in first..<first + Self.relayLaneCount(of: config.topic(publishers[g].topic)) {
            if isStart {
                relayLanes[lane].epoch &+= 1
                relayLanes[lane].isSending = false
                relayLanes[lane].isBackingOff = false
            } else if !relayLanes[lane].isSending {
                relaySend(lane, &scheduler)
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

/// One partition's worth of a publisher's outbox: the rows not yet answered, oldest first,
/// sent one at a time.
struct RelayLane: Sendable {
    /// The publisher whose outbox it is.
    let publisher: Int
    /// Rows written and not yet acknowledged, oldest first.
    var rows = RingBuffer<EventRecord>(capacity: 16)
    /// Whether the oldest row is on its way or waiting for its retry.
    var isSending = false
    /// Whether the oldest row waits for its retry after a failed send.
    var isBackingOff = false
    /// Rows acknowledged so far: the number of the row being sent.
    var sentRows: UInt32 = 0
    /// Rows the broker has appended (an idempotent producer's sequence, on a log), counted
    /// from the first row of the producer of epoch `producerEpoch`, the newest it has seen.
    var appendedRows: UInt32 = 0
    var producerEpoch: UInt32 = 0
    /// The row the broker appended last and how many times before it did (0 for once).
    var lastAppendedRow = UInt32.max
    var rowCopies = 0
    /// Bumped when the consumer's service crashes, so answers from before are ignored.
    var epoch: UInt32 = 0

    init(publisher: Int) { self.publisher = publisher }
}
