import Testing
@testable import SimScenario

/// The shipped ordering scenario with 0.2–3 ms of jittered latency: partitioning by key keeps
/// each account's effects in order, because every link delivers in order; round-robin
/// partitions still reorder them.
struct OrderingReproducerTests {
    @Test func keyedPartitionsKeepOrderUnderJitteredLatency() throws {
        let run = try Reproducer("repro-keyed-jitter")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.value("events-keyed", "consistency.total.outOfOrder") == 0)
        #expect(run.value("events-unkeyed", "consistency.total.outOfOrder")! > 0)
    }
}
