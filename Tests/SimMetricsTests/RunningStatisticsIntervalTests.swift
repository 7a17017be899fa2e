import SimKernel
import Testing
@testable import SimMetrics

/// The confidence interval for a mean over seeds is mean ± t · s/√n with Student's t, and it
/// covers the true mean as often as it claims.
struct RunningStatisticsIntervalTests {
    @Test func intervalIsMeanPlusOrMinusTTimesStandardError() throws {
        var statistics = RunningStatistics()
        for value in [1.0, 2, 3, 4, 5] { statistics.add(value) }
        // mean 3, s = √2.5, t(0.975, 4) = 2.7764451: half width 2.7764451 × √2.5 / √5 = 1.9632432
        let interval = try #require(statistics.confidenceInterval())
        #expect(abs(interval.lowerBound - 1.0367568) < 1e-7 && abs(interval.upperBound - 4.9632432) < 1e-7)
        var two = RunningStatistics()
        two.add(10)
        two.add(12)
        // s/√n = √2/√2 = 1, so the half width is t(0.975, 1) itself
        let wide = try #require(two.confidenceInterval())
        #expect(abs(wide.lowerBound - (11 - 12.706204736174694)) < 1e-12 && abs(wide.upperBound - (11 + 12.706204736174694)) < 1e-12)
        var one = RunningStatistics()
        one.add(4)
        #expect(one.confidenceInterval() == nil)
    }

    /// From five normal draws, the 95 % interval must hold the true mean in 95 % of trials. Over
    /// 4 000 trials the count of hits is binomial with standard deviation √(4000·0.95·0.05) ≈ 13.8;
    /// ±4 of those (3745…3855) fails a wrong factor: the normal's 1.96 instead of t(0.975, 4)
    /// covers only about 88 %.
    @Test func coversTheTrueMeanNinetyFivePercentOfTheTime() {
        var random = RandomStream(seed: 11, name: "student-t-coverage")
        let normal = Distribution.normal(mean: 1e9, standardDeviation: 1e6)
        var hits = 0
        for _ in 0..<4_000 {
            var statistics = RunningStatistics()
            for _ in 0..<5 { statistics.add(Double(normal.sample(&random))) }
            if let interval = statistics.confidenceInterval(), interval.contains(1e9) { hits += 1 }
        }
        #expect((3_745...3_855).contains(hits), "\(hits) of 4000")
    }
}
