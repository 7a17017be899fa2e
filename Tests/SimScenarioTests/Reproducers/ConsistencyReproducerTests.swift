import Testing
@testable import SimScenario

/// The consistency ledger's figures for events of failed requests (in `Fixtures`): an event a
/// called service published before the entry's calls failed counts at its consumers as any
/// published version does.
struct ConsistencyReproducerTests {
    /// Payment publishes every charge, then fraud fails every checkout. The ledger is down from
    /// 5 s to the end of the 30 s of arrivals, and the topic keeps events for 10 s: every charge
    /// published meanwhile is deleted unread, lost for the ledger (none was counted once).
    @Test func anEventOfAFailedRequestDeletedUnreadCountsLost() throws {
        let run = try Reproducer("failed-entry-loses-published")
        #expect(run.failures.isEmpty, "\(run.failures)")
        let arrived = try #require(run.value("hybrid", "requests.arrived"))
        #expect(arrived > 500 && run.value("hybrid", "requests.failed") == arrived)
        let applied = try #require(run.value("hybrid", "consistency.ledger.applied"))
        #expect(applied > 0 && applied < arrived)
        #expect(run.value("hybrid", "consistency.ledger.lost") == arrived - applied)
        #expect(run.value("hybrid", "consistency.ledger.missingAtEnd") == arrived - applied)
        #expect(run.value("hybrid", "consistency.email.lost") == 0, "checkout never published: nothing to lose")
        #expect(run.value("hybrid", "requests.completed") == 0)
    }

    /// Payment publishes every charge to a queue, then fraud fails every checkout; the idempotent
    /// ledger takes 16 charges at a time over 5 entities, so many arrive after a newer one. Each
    /// such charge is skipped as superseded: the versions superseded are exactly the versions
    /// missing (2 of 518 were counted once, those skipped before their checkout failed).
    @Test func anEventOfAFailedRequestSkippedAsOldCountsSuperseded() throws {
        let run = try Reproducer("failed-entry-superseded")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("hybrid", "requests.failed") == run.value("hybrid", "requests.arrived"))
        let superseded = try #require(run.value("hybrid", "consistency.ledger.superseded"))
        #expect(superseded > 100)
        #expect(run.value("hybrid", "consistency.ledger.missingAtEnd") == superseded)
        #expect(run.value("hybrid", "consistency.ledger.lost") == 0)
    }
}
