/// Student's t distribution with a whole number of degrees of freedom: its distribution
/// function and quantiles, for confidence intervals of a mean over a handful of seeds.
public enum StudentT {
    /// P(|T| ≤ t) for T with `degrees` degrees of freedom, t ≥ 0, by the finite series of
    /// Abramowitz and Stegun 26.7.3 and 26.7.4 in θ = atan(t / √ν): exact up to rounding.
    /// - Complexity: O(`degrees`).
    public static func centralProbability(_ t: Double, degrees: Int) -> Double {
        precondition(degrees >= 1 && t >= 0, "t ≥ 0 with at least one degree of freedom")
        guard t.isFinite else { return 1 }
        let theta = Math.arcTangent(t / Double(degrees).squareRoot())
        let sine = Math.sine(theta), cosineSquared = 1 / (1 + t * t / Double(degrees))
        if degrees % 2 == 0 {
            // sin θ · (1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … up to cos^(ν−2)θ)
            var term = 1.0, sum = 1.0, k = 2
            while k <= degrees - 2 {
                term *= Double(k - 1) / Double(k) * cosineSquared
                sum += term
                k += 2
            }
            return min(1, sine * sum)
        }
        // (2/π) · (θ + sin θ · cos θ · (1 + ⅔cos²θ + (2·4)/(3·5)cos⁴θ + … up to cos^(ν−3)θ))
        guard degrees > 1 else { return min(1, 2 * theta / Double.pi) }
        var term = 1.0, sum = 1.0, k = 3
        while k <= degrees - 2 {
            term *= Double(k - 1) / Double(k) * cosineSquared
            sum += term
            k += 2
        }
        return min(1, 2 / Double.pi * (theta + sine * cosineSquared.squareRoot() * sum))
    }

    /// The distribution function P(T ≤ t).
    /// - Complexity: O(`degrees`).
    public static func cdf(_ t: Double, degrees: Int) -> Double {
        let central = centralProbability(abs(t), degrees: degrees)
        return t >= 0 ? 0.5 + central / 2 : 0.5 - central / 2
    }

    /// The quantile t with P(T ≤ t) = `p`, as in `quantile(0.975, degrees: 9)` = 2.262157…,
    /// found by bisection on `cdf` to the last bit a `Double` resolves.
    /// - Complexity: O(`degrees`) per step, about 100 steps.
    public static func quantile(_ p: Double, degrees: Int) -> Double {
        precondition(p > 0 && p < 1, "a quantile lies strictly between 0 and 1")
        precondition(degrees >= 1, "at least one degree of freedom")
        if p < 0.5 { return -quantile(1 - p, degrees: degrees) }
        if p == 0.5 { return 0 }
        var low = 0.0, high = 1.0
        while cdf(high, degrees: degrees) < p { low = high; high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            guard middle > low, middle < high else { break }
            if cdf(middle, degrees: degrees) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
