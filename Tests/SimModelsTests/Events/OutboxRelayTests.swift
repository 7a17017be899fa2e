import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// The outbox relay polls every `relayInterval` while rows wait, and not at all while the
/// outbox is empty: a quiet run costs events in proportion to its requests, not its length.
struct OutboxRelayTests {
    @Test func anIdleRelayCostsNoEvents() {
        var world = Worlds.payments(rate: 1, seconds: 10_000, drain: 60)
        world.sampleInterval = .seconds(1_000)
        var model = EventDrivenModel(world: world, config: Worlds.events(publish: .outbox))
        let run = model.run()
        let requests = run.metrics.requests
        #expect(requests > 9_000 && run.metrics.ledger.finalReport().allSatisfy { $0.missingAtEnd == 0 })
        // A relay polling every 10 ms for 10 000 s would alone handle a million events.
        #expect(run.events.count < 60 * requests, "\(run.events.count) events for \(requests) requests")
    }
}
