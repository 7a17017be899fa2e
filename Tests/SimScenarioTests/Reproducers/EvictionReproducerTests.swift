import Testing
@testable import SimScenario

/// Reproducers of a consumer group whose members a 1 s network partition evicts (500 ms
/// session timeout) while deliveries to them are in flight and lost in the cut: the rebalance
/// kept those partitions busy with the dead deliveries, and nothing was applied until their
/// 30 s fetch timeouts ran out. The rebalance now drops the evicted members' work and the
/// partitions resume from their committed offsets at once.
struct EvictionReproducerTests {
    /// Six partitions, all with a delivery lost in the cut: reading resumes when the members
    /// rejoin (9.1 s), so no event waits much beyond the second of the cut, and every effect
    /// is applied, once, in order.
    @Test func partitionsResumeRightAfterTheRebalance() throws {
        let run = try Reproducer("evict-delivery-in-flight")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events", "delivery.evictions") == 1 && run.value("events", "delivery.rebalances") == 2)
        #expect(run.value("events", "gauges.c lag seconds.peak")! < 1.5, "stuck until the old fetches time out")
        #expect(run.value("events", "consistency.total.staleness.maxMs")! < 1_500)
        #expect(run.value("events", "gauges.c lag.atEnd") == 0)
        for figure in ["missingAtEnd", "lost", "outOfOrder", "duplicated"] {
            #expect(run.value("events", "consistency.total.\(figure)") == 0, "\(figure)")
        }
        #expect(run.value("events", "consistency.total.applied") == run.value("events", "requests.arrived"))
    }

    /// The same cut, then a crash of instance 0 at 12 s: the partitions the two rebalances
    /// that follow hand back are not held by the deliveries lost in the cut either.
    @Test func partitionsHandedBackLaterAreNotHeldEither() throws {
        let run = try Reproducer("evict-then-crash")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events", "delivery.rebalances") == 4)
        #expect(run.value("events", "gauges.c lag seconds.peak")! < 1.5)
        #expect(run.value("events", "consistency.total.missingAtEnd") == 0 && run.value("events", "consistency.total.lost") == 0)
        #expect(run.value("events", "consistency.total.outOfOrder") == 0)
    }

    /// Work of 650 ms at 8 events a second: the events the evicted members were processing
    /// when cut off end either before the rebalance does (applied, never committed) or after
    /// it (their completion ignored). Both are read again by the new owners: at-least-once,
    /// the second application counted as a duplicate, nothing lost or out of order.
    @Test func workInHandAtTheEvictionIsReadAgain() throws {
        let run = try Reproducer("evict-slow-work")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events", "delivery.evictions") == 1)
        #expect(run.value("events", "consistency.total.duplicated")! > 0)
        for figure in ["missingAtEnd", "lost", "outOfOrder"] {
            #expect(run.value("events", "consistency.total.\(figure)") == 0, "\(figure)")
        }
        #expect(run.value("events", "consistency.total.applied") == run.value("events", "requests.arrived"))
    }
}
