import SimKernel
import Testing
@testable import SimMetrics

/// The variance comes from exact sums of values and squares: independent of the buckets, of
/// the order of records and merges, and free of overflow for any value a histogram holds.
struct HistogramMomentsTests {
    @Test func varianceOfAFewValuesIsExact() {
        var histogram = Histogram()
        for value: Int64 in [1, 2, 3, 4] { histogram.record(value) }
        #expect(histogram.variance == 1.25 && histogram.standardDeviation == 1.25.squareRoot())
        #expect(Histogram().variance == 0)
        histogram = Histogram()
        histogram.record(7_000_000, count: 5)
        #expect(histogram.variance == 0, "equal values have no spread")
    }

    /// Values far beyond the buckets' resolution still give the exact spread: the buckets
    /// would blur 1 000 000 and 1 000 001 together.
    @Test func varianceDoesNotDependOnTheBuckets() {
        var histogram = Histogram()
        histogram.record(1_000_000_000)
        histogram.record(1_000_000_002)
        #expect(histogram.variance == 1)
    }

    /// 1 024 values of 2^62 and 1 024 zeros: the squares sum to 2^134, past 128 bits, and the
    /// variance is exactly 2^122.
    @Test func squaresCarryPast128Bits() {
        var histogram = Histogram()
        histogram.record(1 << 62, count: 1_024)
        histogram.record(0, count: 1_024)
        #expect(histogram.variance == 0x1p122)
    }

    @Test func wideSquareSumCarriesIntoEveryWord() {
        var sum = WideSquareSum()
        sum.add(square: .max, times: .max)  // (2^64 − 1)³ = 2^192 − 3·2^128 + 3·2^64 − 1
        #expect(sum.high == .max - 2 && sum.middle == 2 && sum.low == .max)
        sum.add(square: 1, times: 1)
        #expect(sum.high == .max - 2 && sum.middle == 3 && sum.low == 0)
    }

    /// Against the textbook two-pass variance of seeded random values, and the same after
    /// merging halves in either order.
    @Test func matchesTheTwoPassVarianceAndCommutesWithMerges() {
        var random = RandomStream(seed: 7, name: "moments")
        let values = (0..<10_000).map { _ in Int64(random.next(below: 1 << 40)) }
        var whole = Histogram(), first = Histogram(), second = Histogram()
        for (i, value) in values.enumerated() {
            whole.record(value)
            if i % 2 == 0 { first.record(value) } else { second.record(value) }
        }
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        let twoPass = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
        #expect(abs(whole.variance - twoPass) <= 1e-12 * twoPass)
        var ab = first, ba = second
        ab.merge(second)
        ba.merge(first)
        #expect(ab == whole && ba == whole && ab.variance == whole.variance)
    }
}
