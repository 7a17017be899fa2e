import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// The broker's redrive policy moves a message whose visibility timeout ran out while a
/// receive of it was still in progress: as in SQS, that receive goes on and may still apply
/// the effect. The dead letter counts at once; the effect settles when the receive ends,
/// applied or not, and no request is left pending.
struct RedriveTests {
    /// payment → (email, notification) at 100 per second for 10 s; email works 50 ms on
    /// each event, five times its queue's 10 ms visibility timeout.
    func world(faults: [FaultConfig] = []) -> WorldConfig {
        Worlds.payments(rate: 100, seconds: 10, emailWork: .constant(50_000_000), faults: faults, drain: 10)
    }

    /// Queues that dead-letter a message on its second receive, after a 10 ms visibility timeout.
    func queue(onFailure: FailureHandling = .retryInLine) -> EventsConfig {
        EventsConfig(broker: .queue(QueueSettings(visibilityTimeout: .milliseconds(10), maxReceiveCount: 1)), consumers: [
            ConsumerConfig(service: 1, instances: 2, concurrency: 6, onFailure: onFailure),
            ConsumerConfig(service: 2, instances: 2, concurrency: 6, onFailure: onFailure),
        ])
    }

    /// Runs the whole experiment and returns the model, to look at what it still holds.
    func finished(_ world: WorldConfig, _ config: EventsConfig) -> EventDrivenModel {
        var model = EventDrivenModel(world: world, config: config)
        _ = model.run()
        return model
    }

    /// Every email receive outlasts its visibility timeout, so the broker dead-letters every
    /// message, yet every receive goes on and applies its effect: every request completes
    /// (none did when the redrive settled the effect unapplied).
    @Test func aReceiveInProgressThatAppliesLetsItsRequestComplete() {
        let model = finished(world(), queue())
        let m = model.metrics, email = m.ledger.finalReport()[0], committed = m.ledger.totalCommitted
        #expect(committed > 900)
        #expect(email.counts.deadLettered == committed, "every message is redriven while its receive is in progress")
        #expect(email.counts.applied == committed && email.missingAtEnd == 0 && email.counts.lost == 0)
        #expect(m.completed == committed && m.endToEnd.count == committed)
        #expect(model.pending.liveCount == 0)
    }

    /// Email hangs for 2 s: a receive that started then gives up after the visibility
    /// timeout without applying, its message redriven meanwhile. Its effect settles
    /// unapplied (missing at the end), nothing stays pending, and every other request completes.
    @Test(arguments: [FailureHandling.retryInLine, .park])
    func aReceiveInProgressThatFailsSettlesTheEffectUnapplied(onFailure: FailureHandling) {
        let model = finished(world(faults: [Worlds.fault(.hang(.always), on: 1, at: 3, for: 2)]), queue(onFailure: onFailure))
        let m = model.metrics, email = m.ledger.finalReport()[0], committed = m.ledger.totalCommitted
        #expect(email.missingAtEnd > 100 && email.counts.applied == committed - email.missingAtEnd, "\(email.missingAtEnd)")
        #expect(email.counts.deadLettered >= committed && email.counts.lost == 0)
        #expect(model.pending.liveCount == 0, "\(model.pending.liveCount) requests still held")
        #expect(m.completed == email.counts.applied && m.endToEnd.count == m.completed)
    }

    /// Email crashes for 1 s: its instances drop the receives they held, whose messages the
    /// broker had redriven and will not hand out again. Those effects settle unapplied and
    /// nothing stays pending.
    @Test func aReceiveDroppedByACrashSettlesTheEffectUnapplied() {
        let model = finished(world(faults: [Worlds.fault(.crash, on: 1, at: 4, for: 1)]), queue())
        let m = model.metrics, email = m.ledger.finalReport()[0], committed = m.ledger.totalCommitted
        #expect(email.missingAtEnd > 0 && email.counts.applied == committed - email.missingAtEnd, "\(email.missingAtEnd)")
        #expect(model.pending.liveCount == 0, "\(model.pending.liveCount) requests still held")
        #expect(m.completed == email.counts.applied)
    }
}
