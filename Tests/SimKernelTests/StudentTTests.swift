import Testing
@testable import SimKernel

/// Student's t against published tables (values to six decimals, as R's `qt` prints them).
struct StudentTTests {
    @Test func quantilesMatchTheTables() {
        let table: [(p: Double, degrees: Int, t: Double)] = [
            (0.975, 9, 2.262157), (0.975, 29, 2.045230), (0.975, 1, 12.706205), (0.975, 2, 4.302653),
            (0.95, 1, 6.313752), (0.95, 4, 2.131847), (0.995, 4, 4.604095), (0.995, 49, 2.679952),
            (0.9, 10, 1.372184), (0.975, 1000, 1.962339), (0.9995, 3, 12.923979),
        ]
        for row in table {
            let t = StudentT.quantile(row.p, degrees: row.degrees)
            #expect(abs(t - row.t) < 5e-7, "t(\(row.p), \(row.degrees)) = \(t), expected \(row.t)")
        }
    }

    @Test func theQuantileInvertsTheDistributionFunctionAndIsSymmetric() {
        for degrees in [1, 2, 3, 7, 30, 199] {
            for p in [0.6, 0.9, 0.975, 0.999] {
                let t = StudentT.quantile(p, degrees: degrees)
                #expect(abs(StudentT.cdf(t, degrees: degrees) - p) < 1e-12)
                #expect(StudentT.quantile(1 - p, degrees: degrees) == -t)
            }
        }
        #expect(StudentT.quantile(0.5, degrees: 5) == 0)
        #expect(StudentT.cdf(0, degrees: 3) == 0.5)
    }

    /// With many degrees of freedom, t approaches the standard normal.
    @Test func manyDegreesApproachTheNormal() {
        #expect(abs(StudentT.quantile(0.975, degrees: 100_000) - standardNormalQuantile(0.975)) < 1e-4)
    }
}
