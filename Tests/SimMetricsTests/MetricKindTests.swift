import Testing
@testable import SimMetrics

/// Each metric's interval lies inside what it can take: a truth value's inside [0, 1] (Wilson),
/// a rate's inside [0, 1] (Student's t, cut), a count's or a duration's at or above 0.
struct MetricKindTests {
    func statistics(_ values: [Double]) -> RunningStatistics {
        var statistics = RunningStatistics()
        for value in values { statistics.add(value) }
        return statistics
    }

    @Test func metricsAreSortedByWhatTheyCanTake() {
        #expect(MetricKind.of("requests.errorRate") == .fraction)
        #expect(MetricKind.of("services.email.utilisation") == .fraction)
        #expect(MetricKind.of("recovery.metastable", isTruth: true) == .truth)
        #expect(MetricKind.of("recovery.metastable") == .truth)
        #expect(MetricKind.of("latency.success.p99Ms") == .nonNegative)
        #expect(MetricKind.of("consistency.total.missingAtEnd") == .nonNegative)
    }

    @Test func aTruthValueGetsWilsonsInterval() throws {
        let interval = try #require(MetricKind.truth.interval(of: statistics([0.05, 0.5046]), level: 0.95))
        #expect(abs(interval.lowerBound - 0.032295328492513875) < 1e-9 && abs(interval.upperBound - 0.8152085181760229) < 1e-9)
    }

    /// Thirty seeds each measuring an error rate of exactly 0 prove the mean below 0.05; under
    /// Wilson's interval, taking each seed as one trial, their interval reached 0.114.
    @Test func aRateGetsStudentsTKeptInsideZeroToOne() throws {
        let zeros = try #require(MetricKind.fraction.interval(of: statistics(Array(repeating: 0, count: 30)), level: 0.95))
        #expect(zeros == 0...0)
        // 0.238 and 0.261: mean 0.2495, s = 0.016263, half width t(0.975, 1) · s/√2 = 0.14612.
        let rates = try #require(MetricKind.fraction.interval(of: statistics([0.238, 0.261]), level: 0.95))
        #expect(abs(rates.lowerBound - 0.10337) < 1e-4 && abs(rates.upperBound - 0.39563) < 1e-4, "\(rates)")
        #expect(MetricKind.fraction.interval(of: statistics([0.9, 1]), level: 0.95)?.upperBound == 1)
    }

    @Test func aCountOrDurationStopsAtZero() throws {
        // 0 and 2: mean 1, s = √2, half width t(0.975, 1) · √2/√2 = 12.706.
        let interval = try #require(MetricKind.nonNegative.interval(of: statistics([0, 2]), level: 0.95))
        #expect(interval.lowerBound == 0 && abs(interval.upperBound - 13.706204736174694) < 1e-9)
        #expect(MetricKind.nonNegative.interval(of: statistics([1]), level: 0.95) == nil)
    }

    @Test func anEndCutAtTheMetricsBoundIsToldApartFromStudentsT() {
        // 0 and 2: Student's t goes to 1 − 12.706 below 0; 100 and 102 stays above it.
        #expect(MetricKind.nonNegative.boundedEnds(of: statistics([0, 2]), level: 0.95) == (true, false))
        #expect(MetricKind.nonNegative.boundedEnds(of: statistics([100, 102]), level: 0.95) == (false, false))
        // A fraction's Student's t is cut at both ends; a truth value straying above 1 gets it too.
        #expect(MetricKind.fraction.boundedEnds(of: statistics([0, 0.1]), level: 0.95) == (true, false))
        #expect(MetricKind.truth.boundedEnds(of: statistics([0.5, 1.5]), level: 0.95) == (true, true))
        // Wilson's interval lies inside [0, 1] of itself: nothing is cut.
        #expect(MetricKind.truth.boundedEnds(of: statistics([0, 1]), level: 0.95) == (false, false))
        #expect(MetricKind.nonNegative.boundedEnds(of: statistics([1]), level: 0.95) == (false, false))
    }
}
