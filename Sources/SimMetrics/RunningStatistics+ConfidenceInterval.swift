import SimKernel

extension RunningStatistics {
    /// The two-sided confidence interval for the mean at `level` (0.95 for 95 %), from
    /// Student's t: mean ± t((1 + level)/2, n − 1) · s/√n. `nil` with fewer than two values,
    /// when the spread cannot be estimated.
    ///
    /// It assumes the values are independent draws (runs under distinct seeds are) and that
    /// their mean is close to normally distributed.
    /// - Complexity: O(n) in the count, for the t quantile.
    public func confidenceInterval(level: Double = 0.95) -> ClosedRange<Double>? {
        precondition(level > 0 && level < 1, "a confidence level lies strictly between 0 and 1")
        guard count >= 2 else { return nil }
        let factor = StudentT.quantile((1 + level) / 2, degrees: count - 1)
        let halfWidth = factor * standardDeviation / Double(count).squareRoot()
        return (mean - halfWidth)...(mean + halfWidth)
    }
}
