import Testing
@testable import SimKernel

/// Student's t quantiles to full double precision: SciPy's `scipy.stats.t.ppf`, to 16 digits,
/// agrees with the kernel's to 1e-12 of the value, over the degrees of freedom a sweep uses.
struct StudentTPrecisionTests {
    static let known: [(p: Double, degrees: Int, t: Double)] = [
        (0.975, 1, 12.706204736174694), (0.975, 2, 4.302652729749462), (0.975, 3, 3.1824463052837078),
        (0.975, 4, 2.7764451051977934), (0.975, 9, 2.262157162798205), (0.975, 19, 2.0930240544083087),
        (0.975, 29, 2.045229642132703), (0.995, 10, 3.16927267261695), (0.95, 5, 2.0150483733330233),
        (0.975, 100, 1.9839715185235518), (0.975, 1_000, 1.9623390808264083), (0.975, 5_000, 1.9604385517065073),
        (0.6, 7, 0.2631668613520229), (0.999, 2, 22.327124770119866),
    ]

    @Test func matchesSciPyToTwelveDigits() {
        for (p, degrees, t) in Self.known {
            let quantile = StudentT.quantile(p, degrees: degrees)
            #expect(abs(quantile - t) <= 1e-12 * t, "t(\(p), \(degrees)) = \(quantile), expected \(t)")
        }
    }

    /// Fewer degrees of freedom mean heavier tails: the 97.5 % quantile falls with every
    /// degree added, and stays above the normal's 1.959964.
    @Test func fallsTowardsTheNormalQuantile() {
        var previous = Double.infinity
        for degrees in 1...300 {
            let quantile = StudentT.quantile(0.975, degrees: degrees)
            #expect(quantile < previous && quantile > 1.959963984540054, "ν = \(degrees)")
            previous = quantile
        }
    }
}
