extension Histogram {
    /// The value at quantile `q` in [0, 1] (`q = 0.99` gives p99), within `relativeError`:
    /// the representative value of the bucket holding the ⌈q·count⌉-th smallest value,
    /// clamped to [`min`, `max`]. `quantile(0)` is exactly `min` and `quantile(1)` exactly
    /// `max`; 0 when empty.
    /// - Complexity: O(b) for the b = 5,248 buckets.
    public func quantile(_ q: Double) -> Int64 {
        precondition(q >= 0 && q <= 1, "a quantile lies in [0, 1]")
        guard !isEmpty else { return 0 }
        let rank = Swift.max(1, Int((q * Double(totalCount)).rounded(.up)))
        if rank == 1 { return smallest }
        if rank >= totalCount { return largest }
        var seen = 0
        for index in Histogram.index(of: smallest)...Histogram.index(of: largest) {
            seen += counts[index]
            if seen >= rank {
                return Swift.min(Swift.max(Histogram.representative(ofBucket: index), smallest), largest)
            }
        }
        return largest  // unreachable: the buckets from min to max hold every value
    }
}
