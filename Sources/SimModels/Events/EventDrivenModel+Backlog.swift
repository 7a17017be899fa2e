import SimKernel
import SimMetrics

/// The limit on what the broker holds: a topic's backlog is a waiting line of events, and
/// past the world's line limit the run stops, as it does at a service's line, before the
/// backlog can exhaust memory. So is what the entry holds for the broker: the events it has
/// committed and the broker has not acknowledged, which pile up while the broker is down.
extension EventDrivenModel {
    /// The entry has just committed one more event the broker has not acknowledged: the run
    /// stops there if they now pass the line limit.
    mutating func holdsOneMoreUnacknowledged(_ scheduler: inout Scheduler<Event>) {
        unacknowledged += 1
        guard unacknowledged > world.lineLimit else { return }
        metrics.lineOverflow = LineOverflow(unacknowledgedAt: world.services[entry].name, isOutbox: config.publish == .outbox,
                                            limit: world.lineLimit)
        scheduler.stop(.lineLimit)
    }

    /// The broker has just appended an event to topic `t` (to one partition, or a copy to each
    /// of its consumers' queues): the run stops there if the topic's backlog now passes the
    /// line limit.
    /// - Complexity: O(1) on a log topic, O(consumers of `t`) on a queue topic.
    mutating func holdsOneMore(topic t: Int, _ scheduler: inout Scheduler<Event>) {
        if topicBrokers[t] == .log { heldEvents[t] += 1 }
        guard backlog(ofTopic: t) > world.lineLimit else { return }
        metrics.lineOverflow = t == 0 ? LineOverflow(topicOfEntry: world.services[entry].name, limit: world.lineLimit)
            : LineOverflow(topic: config.topic(t).name, limit: world.lineLimit)
        scheduler.stop(.lineLimit)
    }

    /// The events the broker holds in memory for topic `t`: on a log, its partitions' events
    /// not yet dropped (retention's deleted ones included until every group has skipped them);
    /// on a queue broker, the messages in its consumers' queues, received or not.
    /// - Complexity: O(1) on a log topic, O(consumers of `t`) on a queue topic.
    func backlog(ofTopic t: Int) -> Int {
        guard topicBrokers[t] != .log else { return heldEvents[t] }
        var messages = 0
        for k in topicConsumers[t].indices { messages += queues[topicConsumers[t][k]].count }
        return messages
    }
}
