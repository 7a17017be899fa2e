import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A request is remembered until its effect at every consumer is settled (applied, lost or
/// dead-lettered) and its user answered, then forgotten: memory follows the requests in flight, however many
/// events are lost, and a stray copy of an event never touches another request.
struct EventEffectTests {
    /// Runs the whole experiment and returns the model, to look at what it still holds.
    func finished(_ world: WorldConfig, _ config: EventsConfig) -> EventDrivenModel {
        var model = EventDrivenModel(world: world, config: config)
        _ = model.run()
        return model
    }

    func world(_ faults: [FaultConfig] = [], _ networkFaults: [NetworkFault] = []) -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 10, emailWork: .exponential(mean: 20e6), faults: faults, drain: 10)
        w.networkFaults = networkFaults
        return w
    }

    /// Dual writes the producer gives up on (the broker out of reach for longer than the
    /// delivery timeout) are lost everywhere: their requests are freed once the loss is known,
    /// and every other request completes.
    @Test func requestsWhoseEventsAreLostAreFreed() {
        let drops = NetworkFault(scope: .links(from: 0, to: 3, bothWays: false), drop: .always, start: .zero + .seconds(2),
                                 end: .zero + .seconds(5))
        var config = Worlds.events(publish: .dualWrite)
        config.publishTimeout = .seconds(1)
        config.producer.deliveryTimeout = .seconds(2)
        config.waitsForAck = false
        let model = finished(world([], [drops]), config)
        let m = model.metrics, lost = m.ledger.finalReport()[0].counts.lost
        #expect(lost > 50, "about a second of events reach their delivery timeout while the link is cut: \(lost)")
        #expect(model.pending.liveCount == 0, "\(model.pending.liveCount) requests still held")
        #expect(m.completed == m.ledger.totalCommitted - lost && m.endToEnd.count == m.completed)
    }

    /// Events parked in a dead-letter queue settle their effect: with every email attempt
    /// failing for 2 s, those requests never complete but are freed.
    @Test(arguments: [FailureHandling.park, .retryInLine])
    func requestsWhoseEventsAreDeadLetteredAreFreed(onFailure: FailureHandling) {
        let errors = FaultConfig(kind: .errors(.always), service: 1, start: .zero + .seconds(3), end: .zero + .seconds(5))
        var config = Worlds.events()
        config.consumers[0].onFailure = onFailure
        config.consumers[0].maxAttempts = 3
        let model = finished(world([errors]), config)
        let m = model.metrics, parked = m.ledger.finalReport()[0].counts.deadLettered
        #expect(parked > 100)
        #expect(model.pending.liveCount == 0)
        #expect(m.completed == m.ledger.totalCommitted - parked)
    }

    /// Retention that deletes events a crashed consumer never read loses them at that
    /// consumer only; their requests are freed too.
    @Test func requestsWhoseEventsExpireUnreadAreFreed() {
        var config = Worlds.events()
        config.retention = .seconds(3)
        let model = finished(world([Worlds.fault(.crash, on: 1, at: 4, for: 10)]), config)
        let email = model.metrics.ledger.finalReport()[0]
        #expect(email.counts.lost > 200 && email.missingAtEnd == email.counts.lost)
        #expect(model.pending.liveCount == 0)
    }

    /// A copy of an event that outlives its request (a duplicate lost or parked after the
    /// request was freed) names the request's slot with the old generation: it must not
    /// settle the next request that took the slot.
    @Test func aStrayCopyNeverSettlesTheNextRequestInItsSlot() {
        var model = EventDrivenModel(world: world(), config: Worlds.events())
        let (slot, generation) = model.pending.insert(PendingRequest(arrival: .zero, consumers: 2))
        let stray = EventRecord(request: 1, requestSlot: slot, key: 0, version: 1, requestGeneration: generation,
                                arrival: .zero, createdAt: .zero)
        model.settleAnswer(slot, generation, isSuccess: true)
        model.lose(stray, at: 0)
        model.lose(stray, at: 1)
        #expect(model.pending.liveCount == 0, "its user answered and both effects settled: the request is freed")
        let next = model.pending.insert(PendingRequest(arrival: .zero, consumers: 2))
        #expect(next.slot == slot, "the slot is reused")
        model.lose(stray, at: 0)
        model.deadLetter(stray, at: 1)
        let isLive = model.pending.isLive(next.slot, next.generation)
        #expect(isLive && model.pending[next.slot].unsettled == 0b11)
        #expect(model.metrics.ledger.counts[0].lost == 1, "the stray loss is not counted again")
    }

    /// The user's answer may come after every effect was applied: a failure then leaves the
    /// request incomplete, and a success completes it with its end-to-end time ending at
    /// the last application, not at the answer.
    @Test func anAnswerAfterTheEffectsDecidesTheCompletion() {
        var model = EventDrivenModel(world: world(), config: Worlds.events())
        for isSuccess in [false, true] {
            let (slot, generation) = model.pending.insert(PendingRequest(arrival: .zero, consumers: 2))
            let record = EventRecord(request: 1, requestSlot: slot, key: 0, version: 1, requestGeneration: generation,
                                     arrival: .zero, createdAt: .zero)
            model.settle(record, at: 0, isApplied: true, now: .zero + .milliseconds(3))
            model.settle(record, at: 1, isApplied: true, now: .zero + .milliseconds(5))
            let isLive = model.pending.isLive(slot, generation)
            #expect(isLive, "every effect applied, but the user is not answered yet")
            model.settleAnswer(slot, generation, isSuccess: isSuccess)
            #expect(model.pending.liveCount == 0)
        }
        #expect(model.metrics.completed == 1, "only the success completes")
        #expect(model.metrics.endToEnd.count == 1 && model.metrics.endToEnd.max == TimeSpan.milliseconds(5).nanoseconds)
    }

    /// Duplicates everywhere (a duplicated publish, a duplicated delivery) outlive the
    /// requests they came from, yet every request completes exactly once.
    @Test func duplicatesCompleteEachRequestOnce() {
        let duplicates = [NetworkFault(scope: .links(from: 0, to: 3, bothWays: false), duplicate: Probability(0.3), start: .zero, end: .distantFuture),
                          NetworkFault(scope: .links(from: 3, to: nil, bothWays: false), duplicate: Probability(0.3), start: .zero, end: .distantFuture)]
        let model = finished(world([], duplicates), Worlds.events())
        let m = model.metrics
        #expect(m.ledger.finalReport().allSatisfy { $0.counts.duplicated > 100 })
        #expect(m.completed == m.ledger.totalCommitted && m.endToEnd.count == m.completed)
        #expect(model.pending.liveCount == 0)
    }

    /// A request whose effect is still pending (its consumer down until the end) is kept.
    @Test func requestsStillPendingAreKept() {
        let model = finished(world([Worlds.fault(.crash, on: 1, at: 4, for: 100)]), Worlds.events())
        let email = model.metrics.ledger.finalReport()[0]
        #expect(model.pending.liveCount == email.missingAtEnd && email.missingAtEnd > 500)
    }

    /// Idempotent consumers of queues, whose workers overtake each other, on few entities,
    /// with half the broker's deliveries to email duplicated: a version skipped as superseded
    /// counts once however many copies of it are skipped, so the versions superseded are
    /// exactly the versions missing (nothing is lost or dead-lettered).
    @Test func aSupersededVersionCountsOnceWhateverItsCopies() {
        let duplicates = NetworkFault(scope: .links(from: 3, to: 1, bothWays: false), duplicate: Probability(0.5), start: .zero,
                                      end: .zero + .seconds(10))
        var config = Worlds.events(idempotent: true)
        config.broker = .queue(QueueSettings())
        var w = world([], [duplicates])
        w.workload.keyCount = 5
        let report = finished(w, config).metrics.ledger.finalReport()
        #expect(report[0].counts.superseded > 0)
        #expect(report[0].counts.superseded == report[0].missingAtEnd, "\(report[0].counts)")
    }
}
