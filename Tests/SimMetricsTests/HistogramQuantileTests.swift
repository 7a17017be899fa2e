import SimKernel
import Testing
@testable import SimMetrics

/// Every quantile the histogram reports is within `Histogram.relativeError` of the exact
/// quantile of the same values, under the same rank definition: the ⌈q·n⌉-th smallest value,
/// with q = 0 meaning the smallest.
struct HistogramQuantileTests {
    /// The quantiles reports use, then every 0.1 % in between.
    static let probabilities = [0.5, 0.9, 0.99, 0.999, 0, 1] + (1..<1_000).map { Double($0) / 1_000 }

    /// Shapes of value sets, from exact small integers to latencies spanning nine decades.
    enum Workload: String, CaseIterable, Sendable {
        case uniform, exponential, logUniform, lognormal, smallIntegers

        func values(count: Int, random: inout RandomStream) -> [Int64] {
            switch self {
            case .uniform:
                let distribution = Distribution.uniform(min: 0, max: 1_000_000_000)
                return (0..<count).map { _ in distribution.sample(&random) }
            case .exponential:
                let distribution = Distribution.exponential(mean: 1_000_000)
                return (0..<count).map { _ in distribution.sample(&random) }
            case .logUniform:  // 1 µs to 3 hours, equally many values per decade
                let low = naturalLog(1e3), high = naturalLog(3 * 3.6e12)
                return (0..<count).map { _ in Int64(naturalExp(low + random.nextUnit() * (high - low))) }
            case .lognormal:  // median 1 ms, p99 1 s
                let distribution = Distribution.lognormal(median: 1e6, p99: 1e9)
                return (0..<count).map { _ in distribution.sample(&random) }
            case .smallIntegers:
                return (0..<count).map { _ in Int64(random.next(below: 301)) }
            }
        }
    }

    /// The exact quantile of sorted values under the histogram's rank definition.
    static func exactQuantile(_ sorted: [Int64], _ q: Double) -> Int64 {
        let rank = max(1, Int((q * Double(sorted.count)).rounded(.up)))
        return sorted[rank - 1]
    }

    @Test(arguments: Workload.allCases)
    func quantilesAreWithinRelativeErrorOfExactValues(workload: Workload) {
        for seed in UInt64(1)...20 {
            var random = RandomStream(seed: seed, name: "histogram-quantile/\(workload.rawValue)")
            let size = 1 + Int(random.next(below: 20_000))
            let values = workload.values(count: size, random: &random)
            var histogram = Histogram()
            for value in values { histogram.record(value) }
            let sorted = values.sorted()

            #expect(histogram.count == size && histogram.min == sorted.first && histogram.max == sorted.last)
            for q in Self.probabilities {
                let exact = Self.exactQuantile(sorted, q)
                let reported = histogram.quantile(q)
                let error = Double(abs(reported - exact))
                #expect(error <= Histogram.relativeError * Double(exact),
                        "seed \(seed), n \(size), q \(q): reported \(reported), exact \(exact)")
            }
        }
    }

    @Test func smallSetsOfEveryShape() {
        // Sizes 1 to 5 exercise the rank arithmetic at its edges (rank 1, rank n).
        var random = RandomStream(seed: 7, name: "histogram-quantile/small")
        for size in 1...5 {
            for workload in Workload.allCases {
                let values = workload.values(count: size, random: &random)
                var histogram = Histogram()
                for value in values { histogram.record(value) }
                let sorted = values.sorted()
                for q in Self.probabilities {
                    let exact = Self.exactQuantile(sorted, q)
                    #expect(Double(abs(histogram.quantile(q) - exact)) <= Histogram.relativeError * Double(exact),
                            "\(workload) \(sorted) q \(q)")
                }
            }
        }
    }

    @Test func valuesBelow256AreExact() {
        var random = RandomStream(seed: 11, name: "histogram-quantile/exact")
        var values: [Int64] = []
        var histogram = Histogram()
        for value in Int64(0)..<256 {
            let copies = Int(random.next(below: 4))
            histogram.record(value, count: copies)
            values += Array(repeating: value, count: copies)
        }
        for q in Self.probabilities {
            #expect(histogram.quantile(q) == Self.exactQuantile(values, q), "q \(q)")
        }
    }

    @Test func extremesAreExact() {
        var histogram = Histogram()
        for value: Int64 in [123_456_789, 987_654_321, 555_555_555] { histogram.record(value) }
        #expect(histogram.quantile(0) == 123_456_789)
        #expect(histogram.quantile(1) == 987_654_321)
    }

    @Test func emptyHistogramReportsZero() {
        let histogram = Histogram()
        #expect(Self.probabilities.allSatisfy { histogram.quantile($0) == 0 })
    }
}
