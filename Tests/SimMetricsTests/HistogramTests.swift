import SimKernel
import Testing
@testable import SimMetrics

/// Recording and merging keep count, sum, min and max exact, memory constant, and merging
/// indistinguishable from recording.
struct HistogramTests {
    func randomValues(_ count: Int, seed: UInt64) -> [Int64] {
        var random = RandomStream(seed: seed, name: "histogram")
        return (0..<count).map { _ in Int64(random.next() >> (17 + random.next(below: 47))) }
    }

    func histogram(of values: [Int64]) -> Histogram {
        var histogram = Histogram()
        for value in values { histogram.record(value) }
        return histogram
    }

    @Test func emptyHistogramReportsZeros() {
        let histogram = Histogram()
        #expect(histogram.isEmpty && histogram.count == 0)
        #expect(histogram.sum == 0 && histogram.mean == 0 && histogram.min == 0 && histogram.max == 0)
    }

    @Test func countSumMeanMinMaxAreExact() {
        for seed in UInt64(1)...10 {
            let values = randomValues(10_000, seed: seed)
            let histogram = histogram(of: values)
            let exactSum = values.reduce(0, +)  // below 2^47 · 10^4 < 2^61: fits
            #expect(histogram.count == values.count && !histogram.isEmpty)
            #expect(histogram.min == values.min() && histogram.max == values.max())
            #expect(histogram.sum == Double(exactSum))
            #expect(histogram.mean == Double(exactSum) / Double(values.count))
        }
    }

    @Test func recordingOneValueIsRecordingItOnce() {
        var single = Histogram(), counted = Histogram()
        let values = randomValues(10_000, seed: 3) + [0, 1, .max, .max - 1, 1 << 62, (1 << 47) - 1, 1 << 47]
        for value in values + values.reversed() {
            single.record(value)
            counted.record(value, count: 1)
        }
        #expect(single == counted, "buckets, sums and squares (with their carries) agree")
        #expect(single.variance == counted.variance && single.sum == counted.sum)
    }

    @Test func negativeValuesAreRecordedAsZero() {
        var histogram = Histogram()
        histogram.record(-5)
        histogram.record(.min, count: 2)
        histogram.record(10)
        #expect(histogram.count == 4 && histogram.min == 0 && histogram.max == 10 && histogram.sum == 10)
        #expect(histogram == self.histogram(of: [0, 0, 0, 10]))
    }

    @Test func recordingWithACountEqualsRecordingRepeatedly() {
        var random = RandomStream(seed: 4, name: "histogram/count")
        var batched = Histogram(), repeated = Histogram()
        for value in randomValues(500, seed: 4) {
            let copies = Int(random.next(below: 5))  // including 0, which records nothing
            batched.record(value, count: copies)
            for _ in 0..<copies { repeated.record(value) }
        }
        #expect(batched == repeated)
        #expect(batched.count == repeated.count && batched.sum == repeated.sum)
    }

    @Test func mergeEqualsRecordingBoth() {
        for seed in UInt64(1)...10 {
            let first = randomValues(3_000, seed: seed), second = randomValues(2_000, seed: seed + 100)
            var merged = histogram(of: first)
            merged.merge(histogram(of: second))
            let together = histogram(of: first + second)
            #expect(merged == together)
            #expect(merged.count == together.count && merged.sum == together.sum)
            #expect(merged.min == together.min && merged.max == together.max)
            for q in [0, 0.5, 0.9, 0.99, 0.999, 1] { #expect(merged.quantile(q) == together.quantile(q)) }

            var reversed = histogram(of: second)
            reversed.merge(histogram(of: first))
            #expect(reversed == merged, "merging commutes")
        }
    }

    @Test func mergingWithEmptyChangesNothing() {
        let values = histogram(of: randomValues(100, seed: 3))
        var withEmpty = values
        withEmpty.merge(Histogram())
        #expect(withEmpty == values)
        var intoEmpty = Histogram()
        intoEmpty.merge(values)
        #expect(intoEmpty == values)
        #expect(intoEmpty.min == values.min && intoEmpty.max == values.max)
    }

    @Test func anEmptyMergeKeepsAnEmptyHistogramEqualToANewOne() {
        var merged = Histogram()
        merged.merge(Histogram())
        #expect(merged == Histogram() && merged.bucketCount == 0)
        merged.merge(histogram(of: [5]))
        #expect(merged == histogram(of: [5]))
    }

    @Test func equalityComparesContentsNotHistory() {
        let values = randomValues(1_000, seed: 8)
        #expect(histogram(of: values) == histogram(of: values.reversed()))
        #expect(histogram(of: values) != histogram(of: values + [0]))
        #expect(histogram(of: [100, 300]) != histogram(of: [200, 200]), "same count and sum, other buckets")
        #expect(histogram(of: [1_000_000]) != histogram(of: [1_000_001]), "same bucket, other extremes and sum")
    }

    @Test func anEmptiedHistogramEqualsANewOneAndKeepsItsStorage() {
        var reused = histogram(of: randomValues(1_000, seed: 11))
        let capacity = reused.counts.capacity
        reused.removeAll()
        #expect(reused == Histogram() && reused.isEmpty && reused.quantile(0.99) == 0)
        let values = randomValues(500, seed: 12)
        for value in values { reused.record(value) }
        #expect(reused == histogram(of: values), "no count of the first values is left behind")
        #expect(reused.quantile(0.5) == histogram(of: values).quantile(0.5) && reused.variance == histogram(of: values).variance)
        #expect(reused.bucketCount == Histogram.totalBuckets && reused.counts.capacity == capacity, "the buckets were kept, not allocated again")
    }

    @Test func memoryDoesNotGrowWithRecords() {
        var histogram = Histogram()
        #expect(histogram.bucketCount == 0, "an empty histogram holds no buckets")
        histogram.record(1)
        let bucketsBefore = histogram.bucketCount, capacityBefore = histogram.counts.capacity
        var random = RandomStream(seed: 2, name: "histogram/memory")
        for _ in 0..<1_000_000 { histogram.record(Int64(bitPattern: random.next() >> random.next(below: 64))) }
        #expect(histogram.count == 1_000_001)
        #expect(histogram.bucketCount == bucketsBefore && bucketsBefore == Histogram.totalBuckets)
        #expect(histogram.counts.capacity == capacityBefore)
    }

    @Test func valuesBeyond2To46KeepExactExtremes() {
        let huge: [Int64] = [1 << 46, (1 << 46) + 12_345, 1 << 50, .max]
        let histogram = histogram(of: huge)
        #expect(histogram.count == 4 && histogram.min == 1 << 46 && histogram.max == .max)
        #expect(histogram.quantile(1) == .max && histogram.quantile(0) == 1 << 46)
        let p50 = histogram.quantile(0.5)  // the 2nd smallest, still inside the tracked range
        #expect(Double(abs(p50 - huge[1])) <= Histogram.relativeError * Double(huge[1]))
        let exactSum = Double(huge[0] + huge[1] + huge[2]) + Double(Int64.max)
        #expect(abs(histogram.sum - exactSum) <= exactSum * 0x1p-52, "the sum does not overflow")
    }

    @Test func wideSumCarriesIntoTheHighWord() {
        var sum = WideSum()
        sum.add(.max, times: 1)
        sum.add(1, times: 1)
        #expect(sum == WideSum(high: 1, low: 0))
        // (2^64 − 1)² = 2^128 − 2^65 + 1, that is high 2^64 − 2 and low 1; plus the 2^64 above.
        sum.add(.max, times: .max)
        #expect(sum == WideSum(high: .max, low: 1))
    }
}

/// A one-line summary in failure messages, instead of all 5,248 counts.
extension Histogram: CustomTestStringConvertible {
    public var testDescription: String {
        "Histogram(count: \(count), min: \(min), max: \(max), sum: \(sum), buckets: \(nonEmptyBuckets.count) non-empty)"
    }
}
