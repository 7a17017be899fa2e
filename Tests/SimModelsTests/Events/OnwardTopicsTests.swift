import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Chained events: order publishes, inventory consumes and publishes onward, shipping
/// consumes the onward topic. Each effect is counted where it happens, per-key order holds
/// through both hops, and what the broker or a crash does to the middle link is what Kafka's
/// produce-then-commit consumers do: nothing lost, duplicates downstream.
struct OnwardTopicsTests {
    /// order (0) → inventory (1) → shipping (2), at `rate` per second for `seconds`.
    func world(rate: Int64 = 200, seconds: Int64 = 20, drain: Int64 = 60, latency: Distribution = .constant(500_000),
               faults: [FaultConfig] = []) -> WorldConfig {
        Worlds.orders(seed: 42, keys: 200, rate: rate, seconds: seconds, drain: drain, latency: latency, faults: faults)
    }

    /// The chain: inventory reads the entry's topic and publishes to "reserved", which shipping reads.
    func chain(keyed: Bool = true, idempotentShipping: Bool = false, inventoryFails: FailureHandling = .retryInLine,
               inventoryCommits: CommitPolicy = .afterProcessing, broker: Broker = .log) -> EventsConfig {
        var inventory = ConsumerConfig(service: 1, instances: 2, concurrency: 6, commit: inventoryCommits, onFailure: inventoryFails)
        inventory.publishesTo = 1
        var shipping = ConsumerConfig(service: 2, instances: 2, concurrency: 6, isIdempotent: idempotentShipping)
        shipping.topic = 1
        var config = EventsConfig(broker: broker, partitions: 12, isKeyed: keyed, consumers: [inventory, shipping])
        config.onwardTopics = [TopicConfig(name: "reserved", partitions: 12, isKeyed: keyed)]
        return config
    }

    func counts(_ metrics: ArchitectureMetrics) -> [EffectCounts] { metrics.ledger.finalReport().map(\.counts) }

    @Test func everyOrderIsReservedAndShippedOnce() {
        let metrics = Worlds.run(world(), chain())
        let (inventory, shipping) = (counts(metrics)[0], counts(metrics)[1])
        #expect(metrics.requests > 3_000)
        #expect(inventory.applied == metrics.requests && shipping.applied == metrics.requests)
        #expect(inventory.duplicated == 0 && shipping.duplicated == 0 && shipping.lost == 0)
        #expect(metrics.completed == metrics.requests, "a request completes when shipping, two hops away, has applied it")
        #expect(metrics.endToEnd.count == metrics.requests)
    }

    /// Network latency jitters (lognormal, p99 ten times the median): with both topics keyed,
    /// each entity's events stay in one partition per topic, read one at a time, and a
    /// consumer publishes the next only after the broker appended the last, so shipping
    /// applies every entity's versions in order. Spread round-robin, they overtake each other.
    @Test func keyedTopicsKeepEachEntitysOrderThroughBothHops() {
        let jitter = Distribution.lognormal(median: 1e6, p99: 10e6)
        let keyed = counts(Worlds.run(world(latency: jitter), chain(keyed: true)))
        let spread = counts(Worlds.run(world(latency: jitter), chain(keyed: false)))
        #expect(keyed[0].outOfOrder == 0 && keyed[1].outOfOrder == 0)
        #expect(spread[1].outOfOrder > 0, "round-robin partitions reorder an entity's versions")
    }

    /// The broker is down for 5 s: inventory's onward publishes are refused, so its attempts
    /// fail and are retried in line until the broker is back. Nothing is lost on the way to
    /// shipping, and every request still completes.
    @Test func aBrokerOutageInTheMiddleLosesNothing() {
        let w = world(faults: [Worlds.fault(.crash, on: 3, at: 8, for: 5)])
        let metrics = Worlds.run(w, chain())
        let shipping = counts(metrics)[1]
        #expect(shipping.lost == 0 && metrics.ledger.finalReport()[1].missingAtEnd == 0)
        #expect(metrics.consumers[0].redeliveries > 0, "refused publishes fail inventory's attempts, which are retried")
        #expect(metrics.consumers.map(\.redeliveries).reduce(0, +) == metrics.redeliveries, "each redelivery is one group's")
        #expect(metrics.completed == metrics.requests)
    }

    /// Inventory commits every 5 s (Kafka's auto-commit) and crashes: what it had published
    /// since its last commit is read again after the restart and published again, so
    /// shipping sees duplicates (Kafka without transactions), unless shipping is idempotent.
    @Test func aCrashBetweenPublishAndCommitDuplicatesDownstream() {
        let w = world(faults: [Worlds.fault(.crash, on: 1, at: 8, for: 3)])
        let plain = counts(Worlds.run(w, chain(inventoryCommits: .periodic(.seconds(5)))))
        let idempotent = counts(Worlds.run(w, chain(idempotentShipping: true, inventoryCommits: .periodic(.seconds(5)))))
        #expect(plain[1].duplicated > 0)
        #expect(idempotent[1].duplicated == 0 && idempotent[1].lost == 0)
    }

    /// Inventory parks what fails: those events never reach "reserved". Shipping's effects
    /// for them settle unapplied without counting as lost there: the dead letter, upstream,
    /// is where the gap is counted, and the requests do not complete.
    @Test func aDeadLetterUpstreamIsCountedOnceWhereItHappened() {
        let w = world(faults: [Worlds.fault(.errors(Probability(0.5)), on: 1, at: 5, for: 2)])
        let metrics = Worlds.run(w, chain(inventoryFails: .park))
        let (inventory, shipping) = (counts(metrics)[0], counts(metrics)[1])
        #expect(inventory.deadLettered > 0)
        #expect(shipping.lost == 0 && shipping.deadLettered == 0)
        #expect(shipping.applied == metrics.requests - inventory.deadLettered)
        #expect(metrics.completed == metrics.requests - inventory.deadLettered)
    }

    /// On a queue broker the chain is two fan-outs (SNS → SQS and on): every order reaches
    /// both queues once; the broker's outage fails inventory's publishes, which return the
    /// message and are received again, so nothing is lost; an inventory crash leaves what it
    /// held hidden until the visibility timeout, then it is processed and published again.
    @Test func onQueuesTheChainLosesNothingAndDuplicatesAfterACrash() {
        let queue = Broker.queue(QueueSettings(visibilityTimeout: .seconds(5)))
        let calm = Worlds.run(world(), chain(broker: queue))
        #expect(counts(calm)[0].applied == calm.requests && counts(calm)[1].applied == calm.requests)
        #expect(counts(calm)[1].duplicated == 0 && calm.completed == calm.requests)

        let outage = Worlds.run(world(faults: [Worlds.fault(.crash, on: 3, at: 8, for: 5)]), chain(broker: queue))
        #expect(counts(outage)[1].lost == 0 && outage.ledger.finalReport()[1].missingAtEnd == 0)
        #expect(outage.completed == outage.requests)

        let crash = counts(Worlds.run(world(faults: [Worlds.fault(.crash, on: 1, at: 8, for: 3)]), chain(broker: queue)))
        #expect(crash[1].lost == 0)
        #expect(crash[0].applied == crash[1].applied, "shipping applies what inventory applied, replays included")
    }

    /// A decoupled three-stage pipeline with exponential work at each stage and Poisson
    /// arrivals is a Jackson network of three M/M/1 stations in series (by Burke's theorem each
    /// stage's departures are Poisson again), so the mean end-to-end time is the sum of the
    /// stages' sojourns, Σ 1/(μᵢ − λ). Here: 10 + 6.67 + 40 = 56.7 ms. No network delay, the
    /// entry's event leaves as its work ends, one partition per topic, one instance per
    /// group. The tolerance is five standard errors over ten independent seeds.
    @Test func aThreeStagePipelineIsAJacksonNetwork() {
        let lambda = 100.0, means = [5e6, 4e6, 8e6]  // ρ = 0.5, 0.4, 0.8
        var runs: [Double] = []
        for seed in 1...10 as ClosedRange<UInt64> {
            var w = WorldConfig(
                seed: seed, duration: .seconds(100), drain: .seconds(20),
                workload: WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(Int64(lambda))), keyCount: 1_000),
                services: zip(["a", "b", "c"], means).map { ServiceConfig(name: $0, workers: 1, work: .exponential(mean: $1)) })
            w.network = NetworkConfig(latency: .constant(0))
            var b = ConsumerConfig(service: 1)
            b.publishesTo = 1
            var c = ConsumerConfig(service: 2)
            c.topic = 1
            var config = EventsConfig(partitions: 1, publish: .dualWrite, linger: .zero, waitsForAck: false, consumers: [b, c])
            config.onwardTopics = [TopicConfig(name: "b-done", partitions: 1)]
            runs.append(Worlds.run(w, config).endToEnd.mean)
        }
        let mean = runs.reduce(0, +) / 10
        let sd = (runs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 9).squareRoot()
        let theory = means.reduce(0) { $0 + 1 / (1e9 / $1 - lambda) } * 1e9
        #expect(abs(theory - 56.667e6) < 0.01e6)
        let tolerance = 5 * sd / 10.0.squareRoot()
        #expect(abs(mean - theory) <= tolerance, "end to end \(mean) vs Jackson \(theory) ± \(tolerance)")
        #expect(tolerance < 0.1 * theory, "the tolerance must be tight enough to catch a wrong model")
    }
}
