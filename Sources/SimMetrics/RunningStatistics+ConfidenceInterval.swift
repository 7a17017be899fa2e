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

extension RunningStatistics {
    /// The Wilson score interval at `level` for the mean of values that each lie in [0, 1]
    /// (a rate or a fraction per run), taking each of the `count` values as one trial: with
    /// p̂ the mean, n the count and z the normal quantile at (1 + level)/2,
    /// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). `nil` without values or with a
    /// mean outside [0, 1].
    ///
    /// The interval always lies inside [0, 1]. Of all values in [0, 1] with mean p, a 0-or-1
    /// value spreads most (variance p(1 − p)), so the interval is exact for truth values and
    /// errs wide, never narrow, for fractions.
    /// - Complexity: O(1).
    public func wilsonInterval(level: Double = 0.95) -> ClosedRange<Double>? {
        precondition(level > 0 && level < 1, "a confidence level lies strictly between 0 and 1")
        guard count >= 1, mean >= 0, mean <= 1 else { return nil }
        let n = Double(count), p = mean
        let z = standardNormalQuantile((1 + level) / 2), z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return Swift.max(0, centre - half)...Swift.min(1, centre + half)
    }
}
