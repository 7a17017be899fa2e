import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Synchronous calls inside the event-driven design: the entry's calls come before its
/// publish (a hybrid), a consumer's calls come after its own work and decide its attempt.
struct EventCallsTests {
    /// payment → (events) → email, and notification called synchronously, at 100/s for 10 s.
    func world(notificationWork: Distribution = .exponential(mean: 10e6), faults: [FaultConfig] = []) -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 10, emailWork: .exponential(mean: 10e6), faults: faults, drain: 20)
        w.services[2].work = notificationWork
        w.services[2].workers = 1_000
        return w
    }

    /// One graph node calling notification (service 2) from a root at `caller`.
    func calls(from caller: Int, timeout: TimeSpan = .seconds(1), edge: CallPolicy? = nil, isEntry: Bool) -> EventCalls {
        let graph = CallGraph(nodes: [CallNode(service: caller, steps: [[1]]), CallNode(service: 2, policy: edge)])
        return EventCalls(graph: graph, policy: CallPolicy(timeout: timeout), entryRoot: isEntry ? 0 : nil,
                          consumerRoots: [isEntry ? nil : 0])
    }

    func events(_ calls: EventCalls, broker: Broker = .log, maxAttempts: Int = 3) -> EventsConfig {
        var config = EventsConfig(broker: broker, partitions: 12, consumers: [
            ConsumerConfig(service: 1, instances: 2, concurrency: 6, maxAttempts: maxAttempts),
        ])
        config.calls = calls
        return config
    }

    let notificationFails = FaultConfig(kind: .errors(.always), service: 2, start: .zero, end: .distantFuture)

    /// A consumer whose call keeps failing fails each attempt: every event is attempted
    /// `maxAttempts` times, calling each time, then dead-lettered; none is applied.
    @Test func aConsumersFailingCallFailsItsAttempts() {
        let m = Worlds.run(world(faults: [notificationFails]), events(calls(from: 1, isEntry: false)))
        let events = m.ledger.totalCommitted
        let email = m.ledger.finalReport()[0]
        #expect(events > 900)
        #expect(email.counts.deadLettered == events && email.counts.applied == 0)
        #expect(m.services[2].callAttempts == 3 * events, "one call per attempt")
        #expect(m.failures.total == 0, "the user was answered before any of it")
    }

    /// The consumer's edge counts its calls: one per processing attempt, each answered with
    /// an error, never retried within the call (the consumer's own retries are new calls).
    @Test func aConsumersEdgeCountsEachCallAndItsFailure() {
        let config = events(calls(from: 1, isEntry: false))
        let m = Worlds.run(world(faults: [notificationFails]), config)
        let layout = EventDrivenModel.metricsLayout(serviceNames: ["payment", "email", "notification"], entry: 0, config: config)
        #expect(layout.callEdges == ["email → notification"] && m.edges.map(\.edge) == layout.callEdges)
        let edge = m.edges[0]
        #expect(edge.calls == 3 * m.ledger.totalCommitted && edge.attempts == edge.calls)
        #expect(edge.failed == edge.calls && edge.retries == 0 && edge.timeouts == 0)
        #expect(edge.attempts == m.services[2].callAttempts)
    }

    /// The same on a queue: the message goes back after each failed receive until the
    /// broker's redrive policy dead-letters it.
    @Test func onAQueueAFailingCallReturnsTheMessage() {
        let queue = Broker.queue(QueueSettings(visibilityTimeout: .seconds(30), maxReceiveCount: 2))
        let m = Worlds.run(world(faults: [notificationFails]), events(calls(from: 1, isEntry: false), broker: queue))
        let events = m.ledger.totalCommitted
        #expect(m.ledger.finalReport()[0].counts.deadLettered == events)
        #expect(m.services[2].callAttempts == 2 * events)
    }

    /// A consumer's calls succeed: each event's effect is applied at the consumer and at the
    /// service it calls, once.
    @Test func aConsumersCallsApplyTheirEffects() {
        let m = Worlds.run(world(), events(calls(from: 1, isEntry: false)))
        let report = m.ledger.finalReport()
        let events = m.ledger.totalCommitted
        #expect(report.count == 2, "email, then the notification it calls")
        #expect(report[0].counts.applied == events && report[1].counts.applied == events)
        #expect(m.completed == events)
    }

    /// The hybrid: the entry calls before it publishes. When the call fails the user hears
    /// the failure and nothing is published; when it succeeds, the consumer gets every event.
    @Test func theEntryCallsBeforeItPublishes() {
        let failing = Worlds.run(world(faults: [notificationFails]), events(calls(from: 0, isEntry: true)))
        #expect(failing.failures.total == failing.requests)
        #expect(failing.ledger.finalReport()[0].counts.applied == 0, "no event for a failed request")
        let healthy = Worlds.run(world(), events(calls(from: 0, isEntry: true)))
        #expect(healthy.failures.total == 0)
        #expect(healthy.ledger.finalReport().allSatisfy { $0.counts.applied == healthy.requests })
        #expect(healthy.latencySuccess.quantile(0.5) > 20_000_000, "the user waits for the entry's work and its call")
    }

    /// A call's own policy wins over the architecture's: notification takes 3 s; a 1 s
    /// default times every call out, a 5 s timeout on that edge lets every one through.
    @Test func anEdgesOwnTimeoutOverridesTheDefault() {
        let slow = world(notificationWork: .constant(3_000_000_000))
        let defaulted = Worlds.run(slow, events(calls(from: 0, isEntry: true)))
        #expect(defaulted.failures.total == defaulted.requests)
        let own = Worlds.run(slow, events(calls(from: 0, edge: CallPolicy(timeout: .seconds(5)), isEntry: true)))
        #expect(own.failures.total == 0)
    }
}
