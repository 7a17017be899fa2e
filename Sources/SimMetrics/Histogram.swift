/// A histogram of non-negative integer values (nanoseconds for latencies) with bounded
/// relative error, in constant memory.
///
/// The layout follows HdrHistogram: values below 256 each have their own bucket, and
/// every power-of-two range above, `[2^k, 2^(k+1))`, is split into 128 equal sub-buckets,
/// so a bucket is never wider than 1/128 of the smallest value in it. The counts live in
/// one fixed array of 5,248 buckets (42 KB) allocated by the first record: an empty
/// histogram (a service no architecture uses) costs no more than its few fields, and the
/// memory is the same after a billion records as after one.
///
/// Values up to 2^47 − 1 ns (about 39 hours) are tracked within `relativeError`; larger
/// values are counted in the top bucket, while `min`, `max`, `sum`, `mean` and the sum of
/// squares behind `variance` stay exact.
/// Negative values are recorded as 0. Two histograms are equal when they hold the same
/// counts and extremes, however they were built (recording and merging commute, and an
/// emptied histogram equals a new one).
public struct Histogram: Sendable, Equatable {
    /// Counts per bucket; see `Histogram+Buckets.swift` for the layout. Empty (unallocated)
    /// until the first record; `removeAll()` zeroes it and keeps it.
    @usableFromInline var counts: ContiguousArray<Int> = []
    @usableFromInline var totalCount = 0
    /// The exact sum of recorded values, in 128 bits so that it cannot overflow.
    @usableFromInline var total = WideSum()
    /// The exact sum of the squares of recorded values, for the variance.
    @usableFromInline var squares = WideSquareSum()
    /// `Int64.max` while empty, so that the first record always lowers it.
    @usableFromInline var smallest = Int64.max
    /// `Int64.min` while empty, so that the first record always raises it.
    @usableFromInline var largest = Int64.min

    /// The largest relative distance between a recorded value and the value the histogram
    /// reports for it: 1/128 (0.78 %), the width of the widest bucket relative to its start.
    public static let relativeError: Double = 1.0 / Double(subBucketCount)

    /// The bytes of a histogram's buckets once it holds a value: 5,248 counts, 42 KB.
    public static var storageBytes: Int { totalBuckets * MemoryLayout<Int>.stride }

    /// An empty histogram; its storage is allocated by the first record, once.
    public init() {}

    /// Allocates the buckets, at the first record.
    /// - Complexity: O(b) for the b = 5,248 buckets.
    @usableFromInline mutating func allocateBuckets() {
        counts = ContiguousArray(repeating: 0, count: Histogram.totalBuckets)
    }

    /// Records one occurrence of `value`; a negative value is recorded as 0.
    ///
    /// The models record several values per request, so this is `record(_:count:)` with the
    /// count known to be 1: one square and no products with the count.
    @inlinable @inline(__always) public mutating func record(_ value: Int64) {
        let value = Swift.max(value, 0)
        if counts.isEmpty { allocateBuckets() }
        counts[Histogram.index(of: value)] += 1
        totalCount += 1
        total.add(UInt64(value))
        squares.add(square: UInt64(value))
        smallest = Swift.min(smallest, value)
        largest = Swift.max(largest, value)
    }

    /// Records `count` occurrences of `value` (negative values as 0); `count` must not be
    /// negative, and 0 leaves the histogram unchanged.
    @inlinable public mutating func record(_ value: Int64, count: Int) {
        precondition(count >= 0, "a histogram cannot record a negative number of values")
        guard count > 0 else { return }
        let value = Swift.max(value, 0)
        if counts.isEmpty { allocateBuckets() }
        counts[Histogram.index(of: value)] += count
        totalCount += count
        total.add(UInt64(value), times: UInt64(count))
        squares.add(square: UInt64(value), times: UInt64(count))
        smallest = Swift.min(smallest, value)
        largest = Swift.max(largest, value)
    }

    /// Forgets every recorded value but keeps the buckets' storage, so that recording again
    /// allocates nothing: a histogram reused interval after interval costs one allocation.
    /// - Complexity: O(buckets from the smallest value's to the largest's).
    public mutating func removeAll() {
        guard !isEmpty else { return }
        counts.withUnsafeMutableBufferPointer { buckets in
            for index in Histogram.index(of: smallest)...Histogram.index(of: largest) { buckets[index] = 0 }
        }
        totalCount = 0
        total = WideSum()
        squares = WideSquareSum()
        smallest = .max
        largest = .min
    }

    /// Whether `a` and `b` hold the same values: the same counts in every bucket, sums and
    /// extremes, whether or not an empty one has its buckets allocated.
    public static func == (a: Histogram, b: Histogram) -> Bool {
        guard a.totalCount == b.totalCount, a.total == b.total, a.squares == b.squares,
              a.smallest == b.smallest, a.largest == b.largest else { return false }
        return a.isEmpty || a.counts == b.counts
    }

    /// Adds every value recorded in `other`, as if each had been recorded here.
    /// - Complexity: O(buckets from `other`'s smallest value's to its largest's), at most the 5,248.
    public mutating func merge(_ other: Histogram) {
        guard !other.isEmpty else { return }
        if counts.isEmpty { allocateBuckets() }
        counts.withUnsafeMutableBufferPointer { buckets in
            other.counts.withUnsafeBufferPointer { added in
                for index in Histogram.index(of: other.smallest)...Histogram.index(of: other.largest) { buckets[index] += added[index] }
            }
        }
        totalCount += other.totalCount
        total.add(other.total)
        squares.add(other.squares)
        smallest = Swift.min(smallest, other.smallest)
        largest = Swift.max(largest, other.largest)
    }

    /// This histogram with every value of `other` added.
    public func merging(_ other: Histogram) -> Histogram {
        var merged = self
        merged.merge(other)
        return merged
    }

    /// The number of values recorded.
    @inlinable public var count: Int { totalCount }

    /// True when nothing has been recorded.
    @inlinable public var isEmpty: Bool { totalCount == 0 }

    /// The sum of the recorded values (exact until converted to `Double`).
    public var sum: Double { total.value }

    /// The arithmetic mean of the recorded values; 0 when empty.
    public var mean: Double { isEmpty ? 0 : sum / Double(totalCount) }

    /// The smallest value recorded, exactly; 0 when empty.
    @inlinable public var min: Int64 { isEmpty ? 0 : smallest }

    /// The largest value recorded, exactly (even above the tracked range); 0 when empty.
    @inlinable public var max: Int64 { isEmpty ? 0 : largest }
}
