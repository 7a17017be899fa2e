import SimKernel
@testable import SimModels

import Testing

/// Which delays get a lane of their own in the scheduler.
struct WorldConfigLanesTests {
    @Test func constantLatenciesAndWorkTimesShareLanesEachOnce() {
        let world = WorldConfig(
            seed: 1, duration: .seconds(1), drain: .zero,
            workload: WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(10)), keyCount: 10),
            services: [
                ServiceConfig(name: "orders", workers: 1, work: .constant(2_000_000)),
                ServiceConfig(name: "ledger", workers: 1, work: .exponential(mean: 1e6)),
                ServiceConfig(name: "email", workers: 1, work: .constant(500_000)),
            ],
            network: NetworkConfig(latency: .constant(500_000), links: [
                LinkLatency(from: 0, to: 1, latency: .constant(3_000_000)),
                LinkLatency(from: 1, to: 2, latency: .uniform(min: 1, max: 5)),
            ]))
        #expect(world.sharedDelays == [.nanoseconds(500_000), .nanoseconds(3_000_000), .nanoseconds(2_000_000)])
    }

    @Test func aJitteredNetworkAndRandomWorkShareNone() {
        let world = WorldConfig(
            seed: 1, duration: .seconds(1), drain: .zero,
            workload: WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(10)), keyCount: 10),
            services: [ServiceConfig(name: "orders", workers: 1, work: .exponential(mean: 1e6))],
            network: NetworkConfig(latency: .lognormal(mu: 13, sigma: 0.5)))
        #expect(world.sharedDelays.isEmpty)
    }
}
