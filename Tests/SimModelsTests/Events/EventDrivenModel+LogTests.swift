import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A fetch from the log brings an instance every event its partition holds, up to
/// `ConsumerConfig.maxPollRecords`, as a Kafka consumer's fetch does: a partition that is
/// behind is bound by its work, not by a round trip to the broker per event.
struct EventDrivenModelLogTests {
    /// Orders at 80 a second into one partition, read by one inventory worker taking 10 ms
    /// an event (exponential): busy 80 % of the time, an M/M/1 queue whose mean time in the
    /// system is 1 / (100/s − 80/s) = 50 ms. A round trip to the broker per event would cap
    /// the partition at 1 / (20 ms + 10 ms) ≈ 33 events a second across 20 ms links, and its
    /// backlog would grow for the whole run.
    func staleness(latency: Int64) -> (mean: Double, completed: Bool) {
        var config = EventsConfig(partitions: 1, consumers: [ConsumerConfig(service: 1, instances: 1, concurrency: 1)])
        config.publish = .outbox
        let metrics = Worlds.run(Worlds.orders(seed: 3, keys: 100, rate: 80, seconds: 60, latency: .constant(latency)), config)
        return (metrics.staleness[0].mean, metrics.completed == metrics.requests)
    }

    /// Across 0.5 ms links the mean staleness is the M/M/1 50 ms (48 ms measured). Across
    /// 20 ms links the partition still keeps up: the links add the trip of an event to the
    /// broker, and the trip of a fetch each time the instance has worked through the last
    /// one, while events wait (120 ms more measured), where a capacity below the arrival rate
    /// leaves tens of seconds (35 s measured with a fetch per event).
    @Test func aPartitionBehindIsBoundByItsWorkNotByTheLink() {
        let near = staleness(latency: 500_000), far = staleness(latency: 20_000_000)
        #expect(near.completed && far.completed)
        #expect(abs(near.mean - 50e6) < 15e6, "near: \(near.mean / 1e6) ms against the M/M/1 50 ms")
        #expect(far.mean - near.mean < 200e6, "20 ms links add \((far.mean - near.mean) / 1e6) ms")
    }
}
