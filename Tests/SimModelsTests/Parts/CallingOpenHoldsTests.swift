import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A worker still held when the run ends counts from its taking to the end: a time-limited
/// run's end, a stopped run's last event, or, for a hold older than the warm-up, the
/// warm-up's end on. So a service's utilisation agrees with its `busy` gauge.
struct CallingOpenHoldsTests {
    /// api (5 workers) calls db, which never answers, with a 1 h timeout: a request every
    /// 100 ms from 0.1 s, for 10 s and a 5 s drain.
    func hungCallee() -> (WorldConfig, SyncConfig) {
        var world = WorldConfig(
            seed: 1, duration: .seconds(10), drain: .seconds(5),
            workload: WorkloadConfig(entry: 0, arrivals: .constant(.perSecond(10)), keyCount: 5),
            services: [ServiceConfig(name: "api", workers: 5, work: .constant(1_000_000)),
                       ServiceConfig(name: "db", workers: 5, work: .constant(1_000_000))],
            faults: [Worlds.fault(.hang(.always), on: 1, at: 0, for: 100)])
        world.network = NetworkConfig(latency: .constant(1_000_000))
        return (world, SyncConfig(chain: [0, 1], timeout: .hours(1), retries: RetryPolicy(attempts: 3)))
    }

    func busyGauge(_ m: ArchitectureMetrics, _ service: String) -> [Double] {
        let column = m.series.gaugeNames.firstIndex(of: service + " busy")!
        return m.series.rows.map { $0.gauges[column] }
    }

    /// The first five requests (0.1 s to 0.5 s) hold api's workers to the end, 15 s: its busy
    /// gauge reads 5 at every sample, and its worker time is 5 × 15 − (0.1 + … + 0.5) = 73.5 s,
    /// none of it in `holding`, as none of those holds ended.
    @Test func aCallerWaitingOnAHungCalleeIsBusyUntilTheEnd() {
        let (world, config) = hungCallee()
        var model = SyncModel(world: world, config: config)
        let (m, stop, _) = model.run()
        #expect(stop == .timeLimit)
        #expect(busyGauge(m, "api").allSatisfy { $0 == 5 })
        #expect(m.services[0].busyNanoseconds == 73.5e9)
        #expect(m.services[0].holding.isEmpty && m.services[1].busyNanoseconds == 0)
    }

    /// With a 2 s warm-up, holds open at its end count from it: 5 × (15 − 2) = 65 s.
    @Test func aHoldOpenAcrossTheWarmupCountsFromItsEnd() {
        var (world, config) = hungCallee()
        world.warmup = .time(.seconds(2))
        var model = SyncModel(world: world, config: config)
        let m = model.run().metrics
        #expect(m.services[0].busyNanoseconds == 65e9)
    }

    /// api has one worker and 10 s of work a request, and its line may hold 5: the request at
    /// 0.1 s takes the worker, those from 0.2 s wait, and the seventh, at 0.7 s, overflows the
    /// line and stops the run. The worker, held since 0.1 s, counts 0.6 s.
    @Test func aRunStoppedByALineCountsTheHoldsOpenAtTheStop() {
        var (world, config) = hungCallee()
        world.services[0] = ServiceConfig(name: "api", workers: 1, work: .constant(10_000_000_000))
        world.lineLimit = 5
        var model = SyncModel(world: world, config: config)
        let (m, stop, _) = model.run()
        #expect(stop == .lineLimit && m.stoppedAt == .zero + .milliseconds(700))
        #expect(busyGauge(m, "api").last == 1)
        #expect(m.services[0].busyNanoseconds == 0.6e9)
    }

    /// M/M/1 at ρ = 0.8 (1 ms mean work, 800 requests/s) for 200 s, the run ending at the end of
    /// arrivals: utilisation is ρ within five standard errors. For M/M/1 the busy fraction over
    /// T has variance 2ρS/T (regenerative cycles: an idle period of mean S/ρ, a busy period of
    /// mean S/(1−ρ) and second moment 2S²/(1−ρ)³), so the tolerance is 5 √(2ρS/T) ≈ 0.014.
    /// The run ends with the server busy: that last, unfinished hold counts too.
    @Test func anMM1ServiceMatchesItsUtilisation() {
        let rho = 0.8, meanWork = 1e6, length = 200e9
        let world = WorldConfig(
            seed: 7, duration: .seconds(200), drain: .zero,
            workload: WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(800)), keyCount: 1_000),
            services: [ServiceConfig(name: "server", workers: 1, work: .exponential(mean: meanWork))])
        var model = SyncModel(world: world, config: SyncConfig(chain: [0], timeout: .hours(1)))
        let m = model.run().metrics
        let utilisation = m.services[0].busyNanoseconds / length
        let tolerance = 5 * (2 * rho * meanWork / length).squareRoot()
        #expect(abs(utilisation - rho) <= tolerance, "utilisation \(utilisation) vs ρ \(rho) ± \(tolerance)")
        #expect(tolerance < 0.02, "the tolerance must be tight enough to catch a wrong count")
        #expect(busyGauge(m, "server").last == 1)
        let open = m.services[0].busyNanoseconds - m.services[0].holding.sum
        #expect(open > 0 && open < 1e9, "the hold open at the end counts: \(open) ns")
    }
}
