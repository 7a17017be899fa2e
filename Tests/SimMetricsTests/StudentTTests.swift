import SimKernel
import Testing
@testable import SimMetrics

/// Student's t quantiles match published tables, and the confidence interval built on them
/// covers the true mean as often as it claims.
struct StudentTTests {
    /// (p, degrees of freedom, quantile): printed tables to their digits, and to 16 digits the
    /// values SciPy's `scipy.stats.t.ppf` gives.
    static let known: [(p: Double, nu: Int, t: Double)] = [
        (0.975, 1, 12.706204736174694), (0.975, 2, 4.302652729749462), (0.975, 3, 3.1824463052837078),
        (0.975, 4, 2.7764451051977934), (0.975, 9, 2.262157162798205), (0.975, 19, 2.0930240544083087),
        (0.975, 29, 2.045229642132703), (0.995, 10, 3.16927267261695), (0.95, 5, 2.0150483733330233),
        (0.975, 100, 1.9839715185235518), (0.975, 1_000, 1.9623390808264083), (0.975, 5_000, 1.9604385517065073),
        (0.6, 7, 0.2631668613520229), (0.999, 2, 22.327124770119866),
    ]

    @Test func matchesPublishedValues() {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - 12.7062) < 5e-5)
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 9) - 2.262157) < 5e-7)
        for (p, nu, t) in Self.known {
            let quantile = StudentT.quantile(p, degreesOfFreedom: nu)
            #expect(abs(quantile - t) <= 1e-12 * t, "t(\(p), \(nu)) = \(quantile), expected \(t)")
        }
    }

    @Test func isSymmetricAndRisesWithP() {
        for nu in [1, 2, 3, 4, 7, 30, 999, 1_001, 50_000] {
            #expect(StudentT.quantile(0.5, degreesOfFreedom: nu) == 0)
            #expect(StudentT.quantile(0.025, degreesOfFreedom: nu) == -StudentT.quantile(0.975, degreesOfFreedom: nu))
            var previous = -Double.infinity
            for step in 1..<100 {
                let quantile = StudentT.quantile(Double(step) / 100, degreesOfFreedom: nu)
                #expect(quantile > previous, "ν = \(nu), p = \(step)/100")
                previous = quantile
            }
        }
    }

    /// Fewer degrees of freedom mean heavier tails, so a larger quantile, approaching the
    /// normal quantile from above; the exact inversion and the expansion agree where they meet.
    @Test func fallsTowardsTheNormalQuantile() {
        var previous = Double.infinity
        for nu in 1...1_200 {
            let quantile = StudentT.quantile(0.975, degreesOfFreedom: nu)
            #expect(quantile < previous && quantile > 1.959963984540054, "ν = \(nu)")
            previous = quantile
        }
        let exact = StudentT.quantile(0.975, degreesOfFreedom: StudentT.expansionThreshold)
        #expect(abs(exact - StudentT.expansion(0.975, degreesOfFreedom: Double(StudentT.expansionThreshold))) < 1e-11)
    }

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
