import SimKernel
import Testing
@testable import SimMetrics

/// The bucket layout tiles the tracked range without gaps or overlaps, every bucket is
/// narrow enough for the promised relative error, and the index function agrees with it.
struct HistogramBucketsTests {
    @Test func bucketsTileTheTrackedRangeWithinRelativeError() {
        var expectedLow: Int64 = 0
        for index in 0..<Histogram.totalBuckets {
            let (low, high) = Histogram.bounds(ofBucket: index)
            #expect(low == expectedLow, "bucket \(index) starts at \(low), not \(expectedLow)")
            #expect(high >= low)
            #expect(Histogram.index(of: low) == index && Histogram.index(of: high) == index, "bucket \(index)")
            let width = Double(high - low + 1)
            #expect(low < 256 ? width == 1 : width <= Histogram.relativeError * Double(low), "bucket \(index)")
            let representative = Histogram.representative(ofBucket: index)
            #expect(representative >= low && representative <= high)
            expectedLow = high + 1
        }
        #expect(expectedLow - 1 == Histogram.largestTrackedValue)
    }

    @Test func trackedRangeReachesAtLeast2To46() {
        #expect(Histogram.largestTrackedValue >= 1 << 46)
        #expect(Histogram.totalBuckets < 8_192, "a few thousand buckets, not more")
    }

    @Test func valuesBeyondTheRangeFallInTheTopBucket() {
        let top = Histogram.totalBuckets - 1
        for value: Int64 in [Histogram.largestTrackedValue, 1 << 47, 1 << 50, .max] {
            #expect(Histogram.index(of: value) == top)
        }
        #expect(Histogram.index(of: Histogram.largestTrackedValue - (1 << 39)) == top - 1)
    }

    @Test func indexOfRandomValuesLiesInItsBucket() {
        var random = RandomStream(seed: 5, name: "histogram-buckets/index")
        for _ in 0..<100_000 {
            let value = Int64(random.next() >> (17 + random.next(below: 47)))  // every magnitude up to 2^47
            let (low, high) = Histogram.bounds(ofBucket: Histogram.index(of: value))
            #expect(low <= value && value <= high, "value \(value) outside [\(low), \(high)]")
        }
    }

    @Test func nonEmptyBucketsGroupTheRecordedValues() {
        var random = RandomStream(seed: 9, name: "histogram-buckets/list")
        let values = (0..<5_000).map { _ in Int64(random.next(below: 1_000_000)) }
        var histogram = Histogram()
        for value in values { histogram.record(value) }

        var expected: [(low: Int64, high: Int64, count: Int)] = []
        for value in values.sorted() {
            let (low, high) = Histogram.bounds(ofBucket: Histogram.index(of: value))
            if expected.last?.low == low { expected[expected.count - 1].count += 1 } else { expected.append((low, high, 1)) }
        }
        let buckets = histogram.nonEmptyBuckets
        #expect(buckets.count == expected.count)
        for (bucket, reference) in zip(buckets, expected) {
            #expect(bucket == reference)
        }
        #expect(Histogram().nonEmptyBuckets.isEmpty)
    }

    @Test func topBucketReportsTheExactMaxAsItsHigh() {
        var histogram = Histogram()
        histogram.record(1 << 50)
        let buckets = histogram.nonEmptyBuckets
        #expect(buckets.count == 1)
        #expect(buckets.first?.high == 1 << 50 && buckets.first?.count == 1)
    }
}
