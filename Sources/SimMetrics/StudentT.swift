import SimKernel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution: the quantiles behind a confidence interval for a mean estimated
/// from a handful of runs.
public enum StudentT {
    /// Above this many degrees of freedom, `quantile` uses the Cornish–Fisher expansion
    /// around the normal quantile (error below 1e-11 there); at or below, it inverts the exact
    /// distribution function.
    static let expansionThreshold = 1_000

    /// The `p` quantile of Student's t with `degreesOfFreedom` degrees of freedom: the t with
    /// P(T ≤ t) = p. `quantile(0.975, degreesOfFreedom: 9)` = 2.262157…, the factor of a 95 %
    /// two-sided interval from ten values.
    ///
    /// Exact forms for 1 and 2 degrees of freedom; up to `expansionThreshold`, bisection on the
    /// closed-form distribution function (Abramowitz & Stegun 26.7.3–4), to the last bit or
    /// two; beyond, the expansion of A&S 26.7.5.
    /// - Complexity: O(ν) for ν ≤ 1000 degrees of freedom (about 60 evaluations of an
    ///   ν/2-term sum); O(1) above.
    public static func quantile(_ p: Double, degreesOfFreedom: Int) -> Double {
        precondition(p > 0 && p < 1, "a quantile lies strictly between 0 and 1")
        precondition(degreesOfFreedom >= 1, "Student's t needs at least one degree of freedom")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: degreesOfFreedom) }
        let nu = Double(degreesOfFreedom)
        switch degreesOfFreedom {
        case 1: return tan(Double.pi * (p - 0.5))
        case 2: return (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
        case ...expansionThreshold: return nu.squareRoot() * tan(angle(central: 2 * p - 1, degreesOfFreedom: degreesOfFreedom))
        default: return expansion(p, degreesOfFreedom: nu)
        }
    }

    /// The angle θ in [0, π/2) at which P(|T| ≤ √ν·tan θ) = `central`, by bisection: the
    /// probability rises with θ, and halving stops when the bracket no longer shrinks.
    static func angle(central: Double, degreesOfFreedom: Int) -> Double {
        var low = 0.0, high = Double.pi / 2
        for _ in 0..<200 {
            let middle = (low + high) / 2
            guard middle > low && middle < high else { break }
            if centralProbability(angle: middle, degreesOfFreedom: degreesOfFreedom) < central { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// P(|T| ≤ √ν·tan θ) for ν degrees of freedom, in closed form (A&S 26.7.3 and 26.7.4).
    /// - Complexity: O(ν).
    static func centralProbability(angle theta: Double, degreesOfFreedom nu: Int) -> Double {
        let c = cos(theta), s = sin(theta), c2 = c * c
        if nu % 2 == 0 {
            // sin θ · (1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … up to cos^(ν−2)θ)
            var term = 1.0, sum = 1.0
            var k = 1
            while 2 * k <= nu - 2 {
                term *= Double(2 * k - 1) / Double(2 * k) * c2
                sum += term
                k += 1
            }
            return s * sum
        }
        // (2/π) · (θ + sin θ · (cos θ + (2/3)cos³θ + … up to cos^(ν−2)θ)); just 2θ/π for ν = 1
        guard nu > 1 else { return 2 * theta / Double.pi }
        var term = c, sum = c
        var k = 2
        while 2 * k - 1 <= nu - 2 {
            term *= Double(2 * k - 2) / Double(2 * k - 1) * c2
            sum += term
            k += 1
        }
        return 2 / Double.pi * (theta + s * sum)
    }

    /// The Cornish–Fisher expansion of the t quantile in powers of 1/ν around the normal
    /// quantile z (A&S 26.7.5), for many degrees of freedom.
    static func expansion(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        let z = standardNormalQuantile(p)
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1_482) * z2 - 1_920) * z2 - 945) * z / 92_160
        return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
    }
}

extension RunningStatistics {
    /// The two-sided confidence interval for the mean at `level` (0.95 for 95 %), from
    /// Student's t: mean ± t((1 + level)/2, n − 1) · s/√n. `nil` with fewer than two values,
    /// when the spread cannot be estimated.
    ///
    /// It assumes the values are independent draws (runs under distinct seeds are) and that
    /// their mean is close to normally distributed.
    public func confidenceInterval(level: Double = 0.95) -> ClosedRange<Double>? {
        precondition(level > 0 && level < 1, "a confidence level lies strictly between 0 and 1")
        guard count >= 2 else { return nil }
        let factor = StudentT.quantile((1 + level) / 2, degreesOfFreedom: count - 1)
        let halfWidth = factor * standardDeviation / Double(count).squareRoot()
        return (mean - halfWidth)...(mean + halfWidth)
    }
}
