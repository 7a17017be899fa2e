import SimKernel

/// The broker's redrive policy on a queue: the receive that would exceed `maxReceiveCount`
/// moves the message to the dead-letter queue instead. As in SQS, a receive of it still in
/// progress then goes on: its consumer's write happens, only its late delete does nothing.
/// The dead letter counts at once; the effect settles when the last such receive ends,
/// applied if one of them applied it, unapplied otherwise.
extension EventDrivenModel {
    /// The broker moves `message` of queue `g` to the dead-letter queue and deletes it. With
    /// no receive of it in progress, its effect settles unapplied at once.
    mutating func redrive(_ g: Int, _ message: MessageReference) {
        let record = queues[g].messages[message.slot].record
        queues[g].delete(message)
        guard queueGroups[g].markReceivesRedriven(of: message) else { return deadLetter(record, at: g) }
        metrics.recordDeadLetter(target: g)
    }

    /// Receive `job` of a redriven message has ended (its instance answered it, or dropped it
    /// in a crash). Once no receive of the message is left in progress, an effect none of them
    /// applied settles unapplied, and the consumers downstream will not see the event.
    mutating func endRedrivenReceive(_ job: QueueJob, of g: Int) {
        guard !queueGroups[g].hasReceive(of: job.message) else { return }
        if settle(job.record, at: g, isApplied: false, now: .zero) { settleDownstream(job.record, of: g) }
    }
}
