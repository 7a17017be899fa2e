import Testing
@testable import SimMetrics

/// The Wilson score interval of a mean of values in [0, 1], against the textbook values of
/// k successes in n trials, and always inside [0, 1].
struct WilsonIntervalTests {
    func statistics(_ values: [Double]) -> RunningStatistics {
        var statistics = RunningStatistics()
        for value in values { statistics.add(value) }
        return statistics
    }

    func close(_ range: ClosedRange<Double>?, _ low: Double, _ high: Double) -> Bool {
        guard let range else { return false }
        return abs(range.lowerBound - low) < 1e-9 && abs(range.upperBound - high) < 1e-9
    }

    /// 5, 0 and 1 successes of 10 at 95 %: [0.2366, 0.7634], [0, 0.2775], [0.0179, 0.4042].
    @Test func matchesTheTextbookValues() {
        let five = statistics(Array(repeating: 1, count: 5) + Array(repeating: 0, count: 5))
        #expect(close(five.wilsonInterval(level: 0.95), 0.236593090512564, 0.7634069094874361))
        #expect(close(statistics(Array(repeating: 0, count: 10)).wilsonInterval(level: 0.95), 0, 0.2775327998628892))
        #expect(close(statistics([1] + Array(repeating: 0, count: 9)).wilsonInterval(level: 0.95), 0.017876213095072868, 0.4041500267952385))
    }

    /// Two error rates whose Student interval is [-0.92, 1.47] get one inside [0, 1].
    @Test func staysInsideWhatIsPossible() throws {
        let rates = statistics([0.05, 0.5046])
        let student = try #require(rates.confidenceInterval(level: 0.95))
        #expect(student.lowerBound < 0 && student.upperBound > 1, "the interval the issue saw")
        #expect(close(rates.wilsonInterval(level: 0.95), 0.032295328492513875, 0.8152085181760229))
        for k in 0...20 {
            let interval = try #require(statistics(Array(repeating: 1, count: k) + Array(repeating: 0, count: 20 - k)).wilsonInterval(level: 0.99))
            #expect(interval.lowerBound >= 0 && interval.upperBound <= 1 && interval.contains(Double(k) / 20))
        }
        #expect(statistics([]).wilsonInterval() == nil && statistics([2]).wilsonInterval() == nil)
    }
}
