import Testing
@testable import SimChecks

/// The confidence interval of a mean over seeds, against textbook arithmetic.
struct MeanIntervalTests {
    func verdicts(_ values: [Double], limits: [[Double]]) -> [Verdict] {
        zip(values, limits).map { value, limits in
            Verdict(text: "x", architecture: "a", metric: "m", why: nil, measured: value, unit: "", references: [], holds: true, limits: limits)
        }
    }

    /// 1, 2, …, 10: mean 5.5, s = 3.0277, t(0.975, 9) = 2.262157, half-width 2.1659.
    @Test func aFixedLimitGivesTheOrdinaryInterval() throws {
        let ten = (1...10).map(Double.init)
        let interval = try #require(MeanInterval(verdicts(ten, limits: ten.map { _ in [8] }), comparison: .atMost, confidence: 0.95))
        #expect(interval.mean == 5.5 && interval.limits == [8])
        #expect(abs(interval.low - 3.334149) < 1e-6 && abs(interval.high - 7.665851) < 1e-6)
        #expect(interval.holds)
        #expect(MeanInterval(verdicts(ten, limits: ten.map { _ in [7.6] }), comparison: .atMost, confidence: 0.95)?.holds == false)
        #expect(MeanInterval(verdicts(ten, limits: ten.map { _ in [7.6] }), comparison: .atMost, confidence: 0.9)?.holds == true)
        #expect(MeanInterval(verdicts(ten, limits: ten.map { _ in [3.3] }), comparison: .above, confidence: 0.95)?.holds == true)
        #expect(MeanInterval(verdicts(ten, limits: ten.map { _ in [3.4] }), comparison: .above, confidence: 0.95)?.holds == false)
        #expect(MeanInterval(verdicts(ten, limits: ten.map { _ in [3.3, 7.7] }), comparison: .between, confidence: 0.95)?.holds == true)
        #expect(interval.confidenceText == "95%")
    }

    /// A ratio limit moves with each seed; the differences, not the values, set the width, so
    /// noise both architectures share cancels.
    @Test func aRatioLimitIsComparedSeedBySeed() throws {
        let values = [10.0, 20, 30, 40], limits = [[9.0], [19], [29], [39]]  // always exactly 1 above
        let paired = try #require(MeanInterval(verdicts(values, limits: limits), comparison: .above, confidence: 0.99))
        #expect(paired.low == paired.mean && paired.high == paired.mean && paired.mean == 25 && paired.limits == [24])
        #expect(paired.holds)
    }

    @Test func noIntervalWithoutTwoValues() {
        #expect(MeanInterval(verdicts([1], limits: [[2]]), comparison: .below, confidence: 0.95) == nil)
        var missing = verdicts([1, 2], limits: [[3], [3]])
        missing[1].measured = nil
        #expect(MeanInterval(missing, comparison: .below, confidence: 0.95) == nil)
        #expect(MeanInterval(verdicts([1, 2], limits: [[3], [3]]), comparison: .equals, confidence: 0.95) == nil)
    }

    /// The mean of a rate over seeds gets Student's t, kept inside [0, 1]; a truth value's gets
    /// Wilson's interval.
    @Test func aRatesMeanStaysInsideZeroToOne() throws {
        func verdicts(_ metric: String, _ values: [Double]) -> [Verdict] {
            values.map { Verdict(text: "sync \(metric) ≤ 0.9", architecture: "sync", metric: metric, why: nil, measured: $0,
                                 unit: "", references: [], holds: true, limits: [0.9]) }
        }
        // Mean 0.015, s = 0.005, half width t(0.975, 2) · 0.005/√3 = 0.0124207.
        let rate = try #require(MeanInterval(verdicts("requests.errorRate", [0.01, 0.02, 0.015]), comparison: .atMost, confidence: 0.95))
        #expect(abs(rate.low - 0.0025793) < 1e-6 && abs(rate.high - 0.0274207) < 1e-6 && rate.holds)
        let wide = try #require(MeanInterval(verdicts("requests.errorRate", [0.05, 0.5046]), comparison: .atMost, confidence: 0.95))
        #expect(wide.low == 0 && wide.high == 1 && !wide.holds)
        let truth = try #require(MeanInterval(verdicts("recovery.metastable", [0.05, 0.5046]), comparison: .atMost, confidence: 0.95))
        #expect(abs(truth.low - 0.032295328492513875) < 1e-9 && abs(truth.high - 0.8152085181760229) < 1e-9 && truth.holds)
    }
}
