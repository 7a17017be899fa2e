extension Histogram {
    /// The variance of the recorded values (the second central moment, dividing by the count,
    /// not count − 1), in squared units; 0 when empty.
    ///
    /// Computed from the exact sums of the values and of their squares, not from the buckets:
    /// with the sum written q·n + r (q the whole part of the mean), n × variance is
    /// Σx² − q²n − 2qr − r²/n, whose integer part is found exactly before rounding to `Double`,
    /// so a small spread around a large mean loses no precision.
    public var variance: Double {
        guard !isEmpty else { return 0 }
        let n = UInt64(totalCount)
        let (q, r) = n.dividingFullWidth((total.high, total.low))  // the mean is below 2^63, so q fits
        var subtrahend = WideSquareSum()
        subtrahend.add(square: q, times: n)
        subtrahend.add(q, r, times: 2)
        let whole = squares.subtracting(subtrahend).value
        return Swift.max(0, (whole - Double(r) * Double(r) / Double(n)) / Double(n))
    }

    /// The standard deviation of the recorded values: the square root of `variance`.
    public var standardDeviation: Double { variance.squareRoot() }
}
