import Testing
import SimKernel
@testable import SimModels

/// The kernel, driven by a textbook station, reproduces queueing theory.
struct MMcStationTests {
    /// M/M/1 at ρ = 0.5: mean wait ρ/(μ−λ). The tolerance is five standard errors from
    /// Whitt's asymptotic variance of the sample-mean wait, so it is theory, not fitting.
    @Test func mm1MeanWaitMatchesTheory() {
        let meanService = 1_000_000.0, rho = 0.5, customers = 400_000
        var station = MMcStation(servers: 1, interarrival: .exponential(mean: meanService / rho),
                                 service: .exponential(mean: meanService), customers: customers, seed: 1)
        let (m, _) = station.run()
        let theory = QueueingTheory.meanWait(servers: 1, arrivalRate: rho / meanService, meanService: meanService)
        #expect(abs(theory - meanService) < 1e-6 * meanService)  // ρ/(μ−λ) = 1 ms here
        let standardError = (QueueingTheory.mm1WaitVarianceConstant(utilisation: rho, meanService: meanService) / Double(customers)).squareRoot()
        #expect(abs(m.meanWait - theory) <= 5 * standardError, "wait \(m.meanWait) vs \(theory) ± \(5 * standardError)")
        #expect(5 * standardError < 0.1 * theory, "the tolerance must be tight enough to catch a wrong model")
    }

    /// M/M/c (c = 4, ρ = 0.8): mean wait by Erlang C, tolerance five batch-means standard errors.
    @Test(arguments: [(4, 0.8), (10, 0.9)])
    func mmcMeanWaitMatchesErlangC(servers: Int, rho: Double) {
        let meanService = 1_000_000.0, customers = 1_000_000
        let lambda = rho * Double(servers) / meanService
        var station = MMcStation(servers: servers, interarrival: .exponential(mean: 1 / lambda),
                                 service: .exponential(mean: meanService), customers: customers, seed: 2)
        let (m, _) = station.run()
        let theory = QueueingTheory.meanWait(servers: servers, arrivalRate: lambda, meanService: meanService)
        let batches = m.batchMeanWaits
        let mean = batches.reduce(0, +) / Double(batches.count)
        let variance = batches.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(batches.count - 1)
        let standardError = (variance / Double(batches.count)).squareRoot()
        let tolerance = 5 * standardError
        #expect(abs(m.meanWait - theory) <= tolerance, "wait \(m.meanWait) vs Erlang C \(theory) ± \(tolerance)")
        #expect(tolerance < 0.15 * theory, "the tolerance must be tight enough to catch a wrong model")
    }

    /// Little's law: the time-average number in the system L equals the measured arrival
    /// rate λ times the measured mean sojourn W, and both agree with M/M/c theory.
    @Test func littlesLawHoldsOnMeasuredAverages() {
        let meanService = 1_000_000.0, lambda = 2.4 / meanService
        var station = MMcStation(servers: 3, interarrival: .exponential(mean: 1 / lambda),
                                 service: .exponential(mean: meanService), customers: 300_000, seed: 3)
        let (m, _) = station.run()
        let l = m.customerTime / m.elapsed
        let measuredLambda = Double(m.customersServed) / m.elapsed
        #expect(abs(l - measuredLambda * m.meanSojourn) <= 1e-9 * l)
        let theory = lambda * (QueueingTheory.meanWait(servers: 3, arrivalRate: lambda, meanService: meanService) + meanService)
        #expect(abs(l - theory) <= 0.05 * theory, "L \(l) vs theory \(theory)")
    }

    @Test func erlangCKnownValues() {
        // c = 1: C = ρ. c = 2, a = 1: C = 1/3.
        #expect(abs(QueueingTheory.erlangC(servers: 1, offeredLoad: 0.7) - 0.7) < 1e-12)
        #expect(abs(QueueingTheory.erlangC(servers: 2, offeredLoad: 1) - 1.0 / 3) < 1e-12)
    }

    @Test func sameSeedSameRunDifferentSeedDifferentRun() {
        func run(_ seed: UInt64) -> Double {
            var s = MMcStation(servers: 2, interarrival: .exponential(mean: 10), service: .exponential(mean: 15), customers: 10_000, seed: seed)
            return s.run().0.meanWait
        }
        #expect(run(4) == run(4))
        #expect(run(4) != run(5))
    }
}
