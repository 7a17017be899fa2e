import SimKernel
import Testing
@testable import SimMetrics

/// Welford's running mean and variance agree with the two-pass textbook computation,
/// including where the one-pass sum-of-squares formula would cancel catastrophically.
struct RunningStatisticsTests {
    /// Mean and sample variance by two passes: the reference.
    func twoPass(_ values: [Double]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, values.count < 2 ? 0 : squares / Double(values.count - 1))
    }

    func statistics(of values: [Double]) -> RunningStatistics {
        var statistics = RunningStatistics()
        for value in values { statistics.add(value) }
        return statistics
    }

    @Test func matchesTwoPassComputation() {
        for seed in UInt64(1)...50 {
            var random = RandomStream(seed: seed, name: "running-statistics")
            let size = 2 + Int(random.next(below: 5_000))
            let exponential = Distribution.exponential(mean: 1e6)
            let values = (0..<size).map { _ in Double(exponential.sample(&random)) - 5e5 }
            let statistics = statistics(of: values)
            let reference = twoPass(values)
            #expect(statistics.count == size)
            #expect(abs(statistics.mean - reference.mean) <= 1e-9 * 1e6, "seed \(seed)")
            #expect(abs(statistics.variance - reference.variance) <= 1e-10 * reference.variance, "seed \(seed)")
            #expect(abs(statistics.standardDeviation - reference.variance.squareRoot()) <= 1e-10 * reference.variance.squareRoot())
            #expect(statistics.min == values.min() && statistics.max == values.max())
        }
    }

    @Test func staysAccurateForLargeCloseValues() {
        // Values 1e9 + U(0, 1): the variance is 1/12, far below the rounding error of Σx²
        // (about 1e18 · 2^-52 ≈ 200), so only a cancellation-free update gets it right.
        var random = RandomStream(seed: 3, name: "running-statistics/offset")
        let values = (0..<100_000).map { _ in 1e9 + random.nextUnit() }
        let statistics = statistics(of: values)
        let reference = twoPass(values)
        #expect(abs(statistics.variance - reference.variance) <= 1e-5 * reference.variance)
        #expect(abs(statistics.variance - 1.0 / 12) <= 0.01 / 12, "U(0, 1) has variance 1/12")
    }

    @Test func emptyAndSingleValue() {
        var statistics = RunningStatistics()
        #expect(statistics.count == 0 && statistics.mean == 0 && statistics.variance == 0)
        #expect(statistics.min == 0 && statistics.max == 0)
        statistics.add(-4.5)
        #expect(statistics.count == 1 && statistics.mean == -4.5 && statistics.variance == 0)
        #expect(statistics.standardDeviation == 0 && statistics.min == -4.5 && statistics.max == -4.5)
        statistics.add(-2.5)
        #expect(statistics.mean == -3.5 && statistics.variance == 2 && statistics.max == -2.5)
    }
}
