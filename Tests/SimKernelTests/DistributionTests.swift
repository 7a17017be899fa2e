import Testing
@testable import SimKernel

/// Every sampler matches its closed-form mean and quantiles.
///
/// Tolerances come from the sample size: a sample mean is off by more than five standard
/// errors (σ/√n) with probability below 1e-6, and the fraction of draws below the true
/// p-quantile is off by more than five times √(p(1−p)/n) equally rarely. With the fixed
/// seed the tests are deterministic; a sampler with the wrong shape fails them.
struct DistributionTests {
    let n = 200_000

    func draws(_ distribution: Distribution, seed: UInt64 = 1) -> [Double] {
        var random = RandomStream(seed: seed, name: "distribution-test")
        return (0..<n).map { _ in Double(distribution.sample(&random)) }
    }

    func expectMean(_ values: [Double], _ mean: Double, standardDeviation: Double) {
        let measured = values.reduce(0, +) / Double(values.count)
        let tolerance = 5 * standardDeviation / Double(values.count).squareRoot() + 0.5  // + rounding to integers
        #expect(abs(measured - mean) <= tolerance, "mean \(measured), theory \(mean) ± \(tolerance)")
    }

    func expectQuantile(_ values: [Double], probability p: Double, at value: Double) {
        let below = Double(values.filter { $0 <= value }.count) / Double(values.count)
        let tolerance = 5 * (p * (1 - p) / Double(values.count)).squareRoot()
        #expect(abs(below - p) <= tolerance, "P(X ≤ \(value)) = \(below), theory \(p) ± \(tolerance)")
    }

    @Test func constantIsConstant() {
        #expect(Set(draws(.constant(100_000_000))) == [100_000_000])
    }

    @Test func uniformMeanAndQuantiles() {
        let values = draws(.uniform(min: 1_000, max: 3_000))
        expectMean(values, 2_000, standardDeviation: 2_000 / 12.0.squareRoot())
        expectQuantile(values, probability: 0.25, at: 1_500)
        #expect(values.min() == 1_000 && values.max() == 3_000)
    }

    @Test func exponentialMeanAndQuantiles() {
        let mean = 10_000_000.0
        let values = draws(.exponential(mean: mean))
        expectMean(values, mean, standardDeviation: mean)
        for p in [0.5, 0.9, 0.99] { expectQuantile(values, probability: p, at: -mean * naturalLog(1 - p)) }
    }

    @Test func inlinedExponentialDrawIsTheGeneralOne() {
        var inlined = RandomStream(seed: 7, name: "distribution-test"), general = inlined
        for mean in [0.5, 1_000, 1e6, 3.3e9, 1e15] {
            let exponential = Distribution.exponential(mean: mean)
            for _ in 0..<10_000 {
                #expect(exponential.sample(&inlined) == Distribution.clamp(exponential.sampleReal(&general)))
            }
        }
    }

    @Test func normalIsTruncatedAtZeroNotClamped() {
        // Mean 10, sd 10: a quarter of the untruncated mass is below zero; resampling
        // moves the mean to μ + σφ(α)/(1−Φ(α)) with α = −1, about 12.876 (×1e6 here).
        let distribution = Distribution.normal(mean: 10_000_000, standardDeviation: 10_000_000)
        let values = draws(distribution)
        #expect(values.allSatisfy { $0 >= 0 })
        #expect(!values.contains(0))
        expectMean(values, distribution.mean!, standardDeviation: 10_000_000)
        #expect(abs(distribution.mean! / 1e6 - 12.8760) < 1e-3)
        // P(X ≤ 10e6 | X ≥ 0) = (Φ(0) − Φ(−1)) / (1 − Φ(−1)).
        let p = (0.5 - standardNormalCDF(-1)) / (1 - standardNormalCDF(-1))
        expectQuantile(values, probability: p, at: 10_000_000)
    }

    @Test func lognormalFromMedianAndP99() {
        let distribution = Distribution.lognormal(median: 20_000_000, p99: 80_000_000)
        let values = draws(distribution)
        expectQuantile(values, probability: 0.5, at: 20_000_000)
        expectQuantile(values, probability: 0.99, at: 80_000_000)
        guard case .lognormal(_, let sigma) = distribution else { Issue.record("not lognormal"); return }
        let sd = distribution.mean! * (naturalExp(sigma * sigma) - 1).squareRoot()
        expectMean(values, distribution.mean!, standardDeviation: sd)
    }

    @Test func paretoTail() {
        // Shape 3 has a finite variance: xm²·α/((α−1)²(α−2)).
        let scale = 1_000_000.0, shape = 3.0
        let values = draws(.pareto(scale: scale, shape: shape))
        let sd = (scale * scale * shape / ((shape - 1) * (shape - 1) * (shape - 2))).squareRoot()
        expectMean(values, 1.5 * scale, standardDeviation: sd)
        expectQuantile(values, probability: 0.99, at: scale / naturalExp(naturalLog(0.01) / shape))
        #expect(values.min()! >= scale)
    }

    @Test func empiricalTableHitsItsPercentiles() throws {
        let table = try #require(EmpiricalTable(points: [
            (0, 0), (0.5, 20_000_000), (0.9, 45_000_000), (0.99, 120_000_000), (1, 2_000_000_000),
        ]))
        let values = draws(.empirical(table))
        for (p, v) in [(0.5, 20e6), (0.9, 45e6), (0.99, 120e6)] { expectQuantile(values, probability: p, at: v) }
        #expect(values.max()! <= 2e9)
        #expect(EmpiricalTable(points: [(0, 5), (0.5, 3), (1, 9)]) == nil)
        #expect(EmpiricalTable(points: [(0, 1), (0.5, 3)]) == nil)
    }

    @Test func mixturePicksByWeight() {
        let distribution = Distribution.mixture([
            WeightedDistribution(weight: 99, distribution: .constant(10)),
            WeightedDistribution(weight: 1, distribution: .constant(1_000)),
        ])
        let values = draws(distribution)
        expectQuantile(values, probability: 0.99, at: 10)
        #expect(distribution.mean == 0.99 * 10 + 0.01 * 1_000)
    }

    @Test func heavyTailsAreCappedNotOverflowing() {
        var random = RandomStream(seed: 2)
        for _ in 0..<100_000 {
            #expect(Distribution.pareto(scale: 1e9, shape: 0.05).sample(&random) <= Distribution.sampleCeiling)
        }
    }

    @Test func scalingMultipliesTheMean() {
        for d in [Distribution.constant(100), .exponential(mean: 100), .lognormal(median: 100, p99: 400), .uniform(min: 10, max: 30)] {
            #expect(abs(d.scaled(by: 40).mean! - 40 * d.mean!) < 1e-6 * d.mean! * 40 + 1)
        }
    }

    @Test func normalQuantileFunctionIsAccurate() {
        #expect(abs(standardNormalQuantile(0.99) - 2.3263478740408408) < 1e-12)
        #expect(abs(standardNormalQuantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(standardNormalQuantile(0.001) + 3.090232306167813) < 1e-12)
    }
}
