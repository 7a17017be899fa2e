import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// The synchronous chain reproduces what happens to real chains under stress.
struct SyncModelTests {
    func run(_ world: WorldConfig, _ config: SyncConfig = Worlds.paymentChain) -> ArchitectureMetrics {
        var model = SyncModel(world: world, config: config)
        return model.run().metrics
    }

    /// Email slows from 100 ms to 4 s for ten seconds: payment's own work is unchanged, yet its
    /// latency follows email's and its workers all end up held, waiting.
    @Test func aSlowLeafSaturatesTheEntry() {
        let calm = run(Worlds.payments())
        let slow = run(Worlds.payments(faults: [Worlds.fault(.slow(.constant(4_000_000_000)), on: 1, at: 5, for: 10)]))
        #expect(calm.latencySuccess.quantile(0.99) < 300_000_000)
        #expect(calm.failures.total == 0)
        let slowP99 = Swift.max(slow.latencySuccess.quantile(0.99), slow.latencyFailure.quantile(0.99))
        #expect(slowP99 >= 2_000_000_000, "the entry waits for the slow leaf (or its timeout)")
        let busyColumn = slow.series.gaugeNames.firstIndex(of: "payment busy")!
        let peakBusy = slow.series.rows.map { $0.gauges[busyColumn] }.max()!
        #expect(peakBusy == 50, "every payment worker is held waiting on email")
        #expect(slow.failures.timeout > 0 || slow.failures.rejected > 0)
        #expect(slow.services[0].holding.quantile(0.99) >= 2_000_000_000)
    }

    /// One service, Poisson arrivals, c workers, exponential work: the mean wait for a worker
    /// matches Erlang C. Ten independent seeds give the standard error of the estimate.
    @Test func oneServiceIsAnMMcQueue() {
        let servers = 4, meanWork = 10_000_000.0, rate: Int64 = 320  // ρ = 0.8
        var waits: [Double] = []
        for seed in 1...10 as ClosedRange<UInt64> {
            var world = Worlds.payments(rate: rate, seconds: 200)
            world.seed = seed
            world.services = [ServiceConfig(name: "solo", workers: servers, work: .exponential(mean: meanWork))]
            let m = run(world, SyncConfig(chain: [0], timeout: .seconds(60)))
            waits.append(m.services[0].queueing.mean)
        }
        let mean = waits.reduce(0, +) / 10
        let sd = (waits.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 9).squareRoot()
        let theory = QueueingTheory.meanWait(servers: servers, arrivalRate: Double(rate) / 1e9, meanService: meanWork)
        let tolerance = 5 * sd / 10.0.squareRoot()
        #expect(abs(mean - theory) <= tolerance, "mean wait \(mean) vs Erlang C \(theory) ± \(tolerance)")
        #expect(tolerance < 0.2 * theory)
    }

    /// A caller holds its worker for its own work plus the callee's whole sojourn (the
    /// round trip on the network included).
    @Test func aCallerHoldsItsWorkerForTheCalleesSojourn() {
        var world = Worlds.payments(rate: 100, seconds: 100)
        world.network = NetworkConfig(latency: .constant(1_000_000))
        world.services = [
            ServiceConfig(name: "front", workers: 100, work: .exponential(mean: 5e6)),
            ServiceConfig(name: "back", workers: 100, work: .exponential(mean: 20e6)),
        ]
        let m = run(world, SyncConfig(chain: [0, 1], timeout: .seconds(60)))
        let expected = 5e6 + 2 * 1e6 + m.services[1].holding.mean + m.services[1].queueing.mean
        #expect(abs(m.services[0].holding.mean - expected) < 0.01 * expected)
        #expect(abs(m.services[0].holding.mean - 27e6) < 0.05 * 27e6)
    }

    /// Email always takes 300 ms but payment gives up after 200 ms and tries three times: every
    /// abandoned attempt still sends its email, so each request sends three.
    @Test func timeoutsWithRetriesDuplicateSideEffects() {
        var world = Worlds.payments(rate: 20, seconds: 10, emailWork: .constant(300_000_000))
        world.services[1].workers = 1_000
        let config = SyncConfig(chain: [0, 1, 2], timeout: .milliseconds(200),
                                retries: RetryPolicy(attempts: 3, backoff: .constant, base: .milliseconds(10), jitter: .none))
        let m = run(world, config)
        let email = m.ledger.finalReport()[0]
        #expect(m.failures.timeout == m.requests)
        #expect(m.services[1].started == 3 * m.requests)
        #expect(m.services[1].callAttempts == 3 * m.requests, "the edge into email carries three attempts per request")
        #expect(email.counts.duplicated == 2 * m.requests)
        #expect(email.counts.applied == m.requests)
        #expect(m.retries == 2 * m.requests)
        #expect(m.services[1].wastedWork > 0)
    }

    /// A bounded line refuses work when full, and the user sees the refusals.
    @Test func aBoundedQueueRejectsWhenFull() {
        var world = Worlds.payments(rate: 200, seconds: 10)
        world.services[0] = ServiceConfig(name: "payment", workers: 2, queueCapacity: 5, work: .constant(20_000_000))
        let m = run(world)
        #expect(m.services[0].rejected > 0)
        #expect(m.failures.rejected == m.services[0].rejected)
        #expect(m.services[0].peakQueue == 5)
    }

    /// A crashed service answers nothing: callers fail, and recover when it returns.
    @Test func aCrashedLeafFailsRequestsOnlyWhileDown() {
        let m = run(Worlds.payments(faults: [Worlds.fault(.crash, on: 2, at: 5, for: 5)]))
        #expect(m.failures.unavailable > 0 || m.failures.timeout > 0)
        let failedAfter = m.series.rows.filter { $0.end > .zero + .seconds(13) }.map(\.failed).reduce(0, +)
        #expect(failedAfter == 0)
    }

    /// Error faults fail that fraction of calls fast.
    @Test func errorFaultsFailFast() {
        let m = run(Worlds.payments(faults: [Worlds.fault(.errors(Probability(0.5)), on: 1, at: 0, for: 20)]))
        let fraction = Double(m.failures.error) / Double(m.requests)
        #expect(abs(fraction - 0.5) < 5 * (0.25 / Double(m.requests)).squareRoot())
        #expect(m.latencyFailure.quantile(0.99) < 200_000_000)
    }

    @Test func sameSeedSameRun() {
        let a = run(Worlds.payments()), b = run(Worlds.payments())
        #expect(a.latencySuccess == b.latencySuccess && a.endToEnd == b.endToEnd)
    }

    /// A run of 2.8 s sampled every second ends with a shorter interval: its row ends where the
    /// run ends, so the rows count every arrival and every answer, failures (a tenth of email's
    /// calls fail) included.
    @Test func theLastShorterIntervalHasARow() {
        var world = Worlds.payments(rate: 200, faults: [Worlds.fault(.errors(Probability(0.1)), on: 1, at: 0, for: 3)])
        (world.duration, world.drain) = (.milliseconds(2_500), .milliseconds(300))
        let m = run(world)
        #expect(m.series.rows.map(\.end) == [1_000, 2_000, 2_800].map { Instant(nanoseconds: $0 * 1_000_000) })
        #expect(m.series.rows.map(\.arrivals).reduce(0, +) == m.requests)
        #expect(m.series.rows.map(\.succeeded).reduce(0, +) == m.succeeded)
        #expect(m.failures.total > 0 && m.series.rows.map(\.failed).reduce(0, +) == m.failures.total)
    }

    /// A run its event budget stops early ends its time series where it stopped: the interval
    /// cut short there has a row, even when it is the first.
    @Test func aRunStoppedEarlyHasARowWhereItStopped() throws {
        var world = Worlds.payments(rate: 200)
        world.eventBudget = 1_000
        var model = SyncModel(world: world, config: Worlds.paymentChain)
        let (m, stop, _) = model.run()
        #expect(stop == .eventBudget)
        let stoppedAt = try #require(m.stoppedAt)
        #expect(stoppedAt < .zero + world.sampleInterval, "stopped in the first interval")
        #expect(m.series.rows.map(\.end) == [stoppedAt])
        #expect(m.series.rows.map(\.arrivals).reduce(0, +) == m.requests)
    }
}

/// Network faults and pauses reach the synchronous chain as they would a real one.
struct SyncNetworkFaultTests {
    func run(_ world: WorldConfig, _ config: SyncConfig = Worlds.paymentChain) -> ArchitectureMetrics {
        var model = SyncModel(world: world, config: config)
        return model.run().metrics
    }

    /// Calls dropped on payment → email never arrive: the caller times out.
    @Test func droppedCallsTimeOut() {
        var world = Worlds.payments(rate: 50, seconds: 10)
        world.networkFaults = [NetworkFault(scope: .links(from: 0, to: 1, bothWays: false), drop: Probability(0.2), start: .zero, end: .distantFuture)]
        let m = run(world)
        let fraction = Double(m.failures.timeout) / Double(m.requests)
        #expect(abs(fraction - 0.2) < 5 * (0.16 / Double(m.requests)).squareRoot())
        #expect(m.failures.total == m.failures.timeout)
    }

    /// A duplicated call is served twice: the effect happens twice.
    @Test func duplicatedCallsDuplicateEffects() {
        var world = Worlds.payments(rate: 50, seconds: 10)
        world.networkFaults = [NetworkFault(scope: .links(from: 0, to: 1, bothWays: false), duplicate: .always, start: .zero, end: .distantFuture)]
        let m = run(world)
        #expect(m.ledger.finalReport()[0].counts.duplicated == m.requests)
        #expect(m.failures.total == 0)
    }

    /// Email freezes for 5 s: callers wait (their timeout is longer), nothing fails or is lost.
    @Test func aPauseDelaysButLosesNothing() {
        var world = Worlds.payments(rate: 50, seconds: 10, faults: [Worlds.fault(.pause, on: 1, at: 3, for: 5)])
        world.drain = .seconds(20)
        let m = run(world, SyncConfig(chain: [0, 1, 2], timeout: .seconds(30)))
        #expect(m.failures.total == 0)
        #expect(m.latencySuccess.max >= 4_900_000_000)
        #expect(m.ledger.finalReport().allSatisfy { $0.missingAtEnd == 0 && $0.counts.duplicated == 0 })
    }
}

/// Faults on nodes the synchronous design does not have, or on its entry, are handled.
struct SyncFaultEdgeTests {
    /// A broker crash does not touch a design without a broker.
    @Test func brokerFaultsLeaveTheChainAlone() {
        var world = Worlds.payments(rate: 50, seconds: 5)
        world.faults = [FaultConfig(kind: .crash, service: world.brokerNode, start: .zero + .seconds(1), end: .zero + .seconds(2))]
        var model = SyncModel(world: world, config: Worlds.paymentChain)
        #expect(model.run().metrics.failures.total == 0)
    }

    /// Users keep arriving while the entry is paused; their requests wait, none is lost.
    @Test func aPausedEntryHoldsArrivals() {
        var world = Worlds.payments(rate: 50, seconds: 5, faults: [Worlds.fault(.pause, on: 0, at: 1, for: 2)])
        world.drain = .seconds(10)
        var model = SyncModel(world: world, config: Worlds.paymentChain)
        let m = model.run().metrics
        #expect(m.failures.total == 0 && m.succeeded == m.requests)
        #expect(m.latencySuccess.max >= 1_900_000_000)
    }
}

/// Circuit breakers and bulkheads protect callers the way resilience libraries promise.
struct SyncProtectionTests {
    func run(_ world: WorldConfig, _ config: SyncConfig) -> ArchitectureMetrics {
        var model = SyncModel(world: world, config: config)
        return model.run().metrics
    }

    /// Email fails every call from 2 s to 7 s. The breaker on payment → email opens once the
    /// failure rate crosses 50 % over 20 calls, refuses calls at once while open, keeps
    /// reopening while half-open probes fail, and closes for good once email has recovered.
    @Test func aBreakerOpensFailsFastAndClosesAfterRecovery() {
        let world = Worlds.payments(rate: 100, seconds: 15, faults: [Worlds.fault(.errors(.always), on: 1, at: 2, for: 5)])
        var config = Worlds.paymentChain
        config.breaker = BreakerPolicy(failureRateThreshold: 0.5, windowSize: 20, minimumCalls: 20, openDuration: .seconds(2), halfOpenCalls: 5)
        let m = run(world, config)
        #expect(m.failures.shortCircuited > 0)
        #expect(m.breakerOpenings >= 2, "it reopens when its half-open probes still fail")
        #expect(m.services[1].started < m.requests, "calls refused by the open breaker never reach email")
        let lastFailure = m.series.rows.last { $0.failed > 0 }!.end
        #expect(lastFailure <= .zero + .seconds(10), "closed again within an open period and a probe of the recovery")
        #expect(m.series.rows.filter { $0.end > .zero + .seconds(10) && $0.end <= .zero + .seconds(15) }.allSatisfy { $0.succeeded > 0 && $0.failed == 0 })
    }

    /// Without a breaker the same fault fails every request that reaches email, slowly or not:
    /// the breaker's refusals are what make failures fast.
    @Test func withoutABreakerEveryCallIsTried() {
        let world = Worlds.payments(rate: 100, seconds: 15, faults: [Worlds.fault(.errors(.always), on: 1, at: 2, for: 5)])
        let m = run(world, Worlds.paymentChain)
        #expect(m.failures.shortCircuited == 0 && m.breakerOpenings == 0)
        #expect(m.failures.error > 0)
    }

    /// A bulkhead of 5 calls per edge: the slow email edge is capped at 5 calls in flight and
    /// refuses the rest at once, while the profile edge, called in parallel, stays healthy.
    @Test func aBulkheadCapsOneEdgeAndSparesTheOthers() {
        var world = Worlds.payments(rate: 50, seconds: 10, emailWork: .constant(1_000_000_000))
        world.services[2] = ServiceConfig(name: "profile", workers: 20, work: .exponential(mean: 5e6))
        var config = SyncConfig(graph: CallGraph(nodes: [
            CallNode(service: 0, steps: [[1, 2]]), CallNode(service: 1, isRequired: false), CallNode(service: 2),
        ]), timeout: .seconds(5))
        config.bulkhead = 5
        let m = run(world, config)
        let busyEmail = m.series.gaugeNames.firstIndex(of: "email busy")!
        #expect(m.series.rows.map { $0.gauges[busyEmail] }.max()! <= 5)
        let report = m.ledger.finalReport()
        #expect(report[1].name == "profile" && report[1].counts.applied == m.requests)
        #expect(report[0].counts.applied < m.requests / 2, "most email calls were refused by the bulkhead")
        #expect(m.failures.total == 0, "email is best effort, so its refusals do not fail the request")
    }
}

/// A service that stops answering makes its callers wait out their timeouts.
struct SyncHangTests {
    /// Email never answers a quarter of its calls for the whole run: exactly those calls time
    /// out (no retries), each after the full 200 ms timeout, and nothing fails fast.
    @Test func hungCallsTimeOutAfterTheFullTimeout() {
        let world = Worlds.payments(rate: 50, seconds: 20, faults: [Worlds.fault(.hang(Probability(0.25)), on: 1, at: 0, for: 30)])
        var model = SyncModel(world: world, config: SyncConfig(chain: [0, 1, 2], timeout: .milliseconds(200)))
        let m = model.run().metrics
        let fraction = Double(m.failures.timeout) / Double(m.requests)
        #expect(abs(fraction - 0.25) < 5 * (0.25 * 0.75 / Double(m.requests)).squareRoot())
        #expect(m.failures.total == m.failures.timeout)
        #expect(m.latencyFailure.min >= 200_000_000)
        #expect(m.ledger.finalReport()[0].counts.applied == m.succeeded, "a hung call does no work")
    }
}
