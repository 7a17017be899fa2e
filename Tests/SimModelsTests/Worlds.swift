import SimKernel
import SimMetrics
@testable import SimModels

/// Small worlds the model tests share: each reads like the situation it sets up.
enum Worlds {
    /// payment → email → notification at `rate` requests per second, for `seconds`.
    static func payments(rate: Int64 = 200, seconds: Int64 = 20, emailWork: Distribution = .constant(100_000_000),
                         faults: [FaultConfig] = [], entryWorkers: Int = 50, drain: Int64 = 30) -> WorldConfig {
        WorldConfig(
            seed: 42, duration: .seconds(seconds), drain: .seconds(drain),
            workload: WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(rate)), keyCount: 1_000),
            services: [
                ServiceConfig(name: "payment", workers: entryWorkers, work: .lognormal(median: 20e6, p99: 80e6)),
                ServiceConfig(name: "email", workers: 40, work: emailWork),
                ServiceConfig(name: "notification", workers: 20, work: .exponential(mean: 10e6)),
            ],
            faults: faults)
    }

    static let paymentChain = SyncConfig(chain: [0, 1, 2], timeout: .seconds(2))

    /// order (0) → inventory (1) → shipping (2), exponential work of 5, 10 and 15 ms, at `rate`
    /// requests per second for `seconds` over `keys` entities.
    static func orders(seed: UInt64, keys: Int, rate: Int64 = 200, seconds: Int64 = 20, drain: Int64 = 60,
                       latency: Distribution = .constant(500_000), faults: [FaultConfig] = [], network: [NetworkFault] = []) -> WorldConfig {
        var world = WorldConfig(
            seed: seed, duration: .seconds(seconds), drain: .seconds(drain),
            workload: WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(rate)), keyCount: keys),
            services: [
                ServiceConfig(name: "order", workers: 50, work: .exponential(mean: 5e6)),
                ServiceConfig(name: "inventory", workers: 20, work: .exponential(mean: 10e6)),
                ServiceConfig(name: "shipping", workers: 20, work: .exponential(mean: 15e6)),
            ],
            faults: faults)
        world.network = NetworkConfig(latency: latency)
        world.networkFaults = network
        return world
    }

    static func events(publish: PublishDiscipline = .outbox, commit: CommitPolicy = .afterProcessing,
                       idempotent: Bool = false, keyed: Bool = true, instances: Int = 2) -> EventsConfig {
        EventsConfig(partitions: 12, isKeyed: keyed, publish: publish, consumers: [
            ConsumerConfig(service: 1, instances: instances, concurrency: 6, commit: commit, isIdempotent: idempotent, offsetReset: .earliest),
            ConsumerConfig(service: 2, instances: instances, concurrency: 6, commit: commit, isIdempotent: idempotent, offsetReset: .earliest),
        ])
    }

    /// Runs the event-driven design in `world` and returns what it measured.
    static func run(_ world: WorldConfig, _ config: EventsConfig) -> ArchitectureMetrics {
        var model = EventDrivenModel(world: world, config: config)
        return model.run().metrics
    }

    /// A fault on `service` from `start` for `length` seconds.
    static func fault(_ kind: FaultKind, on service: Int, at start: Int64, for length: Int64) -> FaultConfig {
        FaultConfig(kind: kind, service: service, start: .zero + .seconds(start), end: .zero + .seconds(start + length))
    }
}
