/// The bucket layout: which bucket a value falls in, and which values a bucket holds.
///
/// Bucket index `i` is `shift · 128 + (v >> shift)`, where `shift` is how far `v` must be
/// shifted right to fit in 8 bits. For `v < 256` the shift is 0 and the index is `v`
/// itself; for `v` in `[2^k, 2^(k+1))` with `k ≥ 8`, the shift is `k − 7` and `v >> shift`
/// lies in `[128, 256)`, so consecutive powers of two take consecutive runs of 128 indices.
extension Histogram {
    // Computed constants rather than stored `static let`s, so that inlined `record` sees
    // literals instead of calling a lazy initialiser.

    /// Sub-buckets per power of two: the precision, 1/128 relative.
    @inlinable static var subBucketCount: Int { 128 }
    /// The largest shift: bucket widths reach 2^39 ns in the top range `[2^46, 2^47)`.
    @inlinable static var largestShift: Int { 39 }
    /// The largest value tracked within `relativeError`: 2^47 − 1 ns, about 39 hours.
    @inlinable static var largestTrackedValue: Int64 { (1 << (largestShift + 8)) - 1 }
    /// How many buckets every histogram stores: 256 exact ones, then 128 per power of two.
    static let totalBuckets = (largestShift + 2) * subBucketCount

    /// The buckets this histogram stores: none while empty, then always `totalBuckets` (for tests of memory use).
    var bucketCount: Int { counts.count }

    /// The index of the bucket holding `value` (non-negative), without loops or logarithms;
    /// values above `largestTrackedValue` fall in the top bucket.
    @inlinable @inline(__always)
    static func index(of value: Int64) -> Int {
        let bits = UInt64(Swift.min(value, largestTrackedValue))
        let shift = Swift.max(0, 56 - bits.leadingZeroBitCount)
        return shift &* subBucketCount &+ Int(truncatingIfNeeded: bits >> UInt64(shift))
    }

    /// The lowest and highest value that fall in bucket `index`.
    static func bounds(ofBucket index: Int) -> (low: Int64, high: Int64) {
        let shift = Swift.max(0, index / subBucketCount - 1)
        let low = Int64(index - shift * subBucketCount) << shift
        return (low, low + (Int64(1) << shift) - 1)
    }

    /// The value reported for every value in bucket `index`: its midpoint, which is within
    /// half a bucket width, 1/256, of any value in the bucket.
    static func representative(ofBucket index: Int) -> Int64 {
        let (low, high) = bounds(ofBucket: index)
        return low + (high - low + 1) / 2
    }

    /// Non-empty buckets in increasing order as (lowest value in bucket, highest value in
    /// bucket, count), for CSV and report output. The top bucket's `high` is raised to
    /// `max` when larger values were clamped into it.
    /// - Complexity: O(b) for the b = 5,248 buckets.
    public var nonEmptyBuckets: [(low: Int64, high: Int64, count: Int)] {
        guard !isEmpty else { return [] }
        var buckets: [(low: Int64, high: Int64, count: Int)] = []
        for index in Histogram.index(of: smallest)...Histogram.index(of: largest) where counts[index] > 0 {
            let (low, high) = Histogram.bounds(ofBucket: index)
            let isTop = index == Histogram.totalBuckets - 1
            buckets.append((low, isTop ? Swift.max(high, largest) : high, counts[index]))
        }
        return buckets
    }
}
