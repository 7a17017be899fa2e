import SimKernel
import SimMetrics
@testable import SimModels

import Testing

/// When a sample observes the system: after every other event of its instant.
struct EventSampleTests {
    /// Poisson appends at 500/s to one partition read by one consumer with exponential 1 ms
    /// work (an M/M/1 at ρ = 0.5), which commits every 100 ms over a network without latency,
    /// sampled every 100 ms: every sample falls on a commit tick.
    static func tiedWorld(seconds: Int64) -> (WorldConfig, EventsConfig) {
        var world = WorldConfig(
            seed: 18, duration: .seconds(seconds), drain: .zero,
            workload: WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(500)), keyCount: 1_000),
            services: [
                ServiceConfig(name: "orders", workers: 1_000, work: .constant(1_000_000)),
                ServiceConfig(name: "ledger", workers: 1, work: .exponential(mean: 1e6)),
            ],
            network: NetworkConfig(latency: .constant(0)), sampleInterval: .milliseconds(100))
        world.traceLimit = 0
        let config = EventsConfig(partitions: 1, publish: .dualWrite, linger: .zero, waitsForAck: false, consumers: [
            ConsumerConfig(service: 1, commit: .periodic(.milliseconds(100))),
        ])
        return (world, config)
    }

    /// Right after a commit that reaches the broker at once, the lag is the events appended
    /// and not yet processed: the M/M/1's number in system, whose mean is ρ/(1 − ρ) = 1 by
    /// Little's law (L = λW, W = 1/(μ − λ) = 2 ms) and variance ρ/(1 − ρ)² = 2. Samples 100 ms
    /// apart are independent (the queue relaxes in about 12 ms), so 200 of them estimate the
    /// mean within √(2/200) = 0.1. A sample taken before the commit of its instant would read
    /// the whole interval's appends on top, λ × 100 ms = 50 more.
    @Test func aSampleOnACommitTickSeesTheCommit() {
        let (world, config) = Self.tiedWorld(seconds: 20)
        let metrics = Worlds.run(world, config)
        let column = metrics.series.gaugeNames.firstIndex(of: "ledger lag")!
        let lags = metrics.series.rows.map { $0.gauges[column] }
        let mean = lags.reduce(0, +) / Double(lags.count)
        #expect(lags.count == 200)
        #expect(abs(mean - 1) <= 4 * (2.0 / 200).squareRoot(), "mean lag \(mean) at commit ticks, expected 1")
    }

    /// A run of 2.5 s sampled every second ends with a shorter interval, whose row ends where
    /// the run ends. It only observes: retention (each partition keeps its newest 20 events)
    /// applied at each whole second is not applied again at the end, so the partition still
    /// holds what was appended since; and the consumer's health covers the whole run.
    @Test func theLastShorterIntervalHasARowAndAppliesNoRetention() {
        var (world, config) = Self.tiedWorld(seconds: 3)
        (world.duration, world.sampleInterval) = (.milliseconds(2_500), .seconds(1))
        config.retentionEvents = 20
        var model = EventDrivenModel(world: world, config: config)
        let m = model.run().metrics
        #expect(m.series.rows.map(\.end) == [1_000, 2_000, 2_500].map { Instant(nanoseconds: $0 * 1_000_000) })
        #expect(m.series.rows.map(\.arrivals).reduce(0, +) == m.requests)
        #expect(m.series.rows.map(\.applied).reduce(0, +) == m.ledger.finalReport()[0].counts.applied)
        let held = model.partitions[0].endOffset - model.partitions[0].startOffset
        #expect(held > 20 + 100, "about 250 appended in the last half second are still held: \(held)")
        let health = ConsumerStatus.allCases.map { m.consumers[0].time(in: $0) }.reduce(TimeSpan.zero, +)
        #expect(health == .milliseconds(2_500))
    }
}
