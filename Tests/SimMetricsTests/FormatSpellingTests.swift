import SimKernel
import Testing
@testable import SimMetrics

/// Every report's bytes rest on `Format`: its spellings must stay exactly those of the plain
/// string-building versions below, which wrote every committed report.
struct FormatSpellingTests {
    /// `Format.fixed` as first written: the fraction padded one zero at a time.
    static func plainFixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return value.description }
        let units = Int64(scaled)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(units) }
        var fraction = String(units % Int64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return sign + String(units / Int64(scale)) + "." + fraction
    }

    /// Trailing zeros removed one character at a time, as first written.
    static func plainTrimmed(_ text: String) -> String {
        var text = text
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func plainCompact(_ value: Double, significant: Int) -> String {
        guard value.isFinite else { return plainFixed(value, decimals: 0) }
        if value == 0 { return "0" }
        var magnitude = 0
        var probe = abs(value)
        while probe >= 10 { probe /= 10; magnitude += 1 }
        while probe < 1 { probe *= 10; magnitude -= 1 }
        return plainTrimmed(plainFixed(value, decimals: Swift.min(Swift.max(0, significant - 1 - magnitude), 12)))
    }

    static func plainDecimal(_ value: Double, decimals: Int) -> String {
        let text = plainFixed(value, decimals: decimals)
        guard value.isFinite else { return text }
        let trimmed = plainTrimmed(text)
        return trimmed == "-0" ? "0" : trimmed
    }

    /// Seeded values across magnitudes and signs, and the awkward ones.
    static var values: [Double] {
        var stream = RandomStream(seed: 17)
        let special: [Double] = [0, -0.0, 0.5, -0.5, 1, 10, 100, 0.001, 0.0005, 2.345, 9.995, 99.95, 1e18, 9.5e18, 1e30, -1e30,
                                 .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                 1.5, 2.5, -2.5, 0.05, 0.005, 0.15, 0.25, 0.35, 1.005, 2.675, 999.5, 8.99e18, 9e18, -9e18,
                                 0.0049, -0.0049, 1e-7, -1e-7, 4_503_599_627_370_496.5]
        return special + (0..<20_000).map { _ in
            let mantissa = stream.nextUnit() * 2 - 1
            return mantissa * Double.pow10(Int(stream.nextUnit() * 30) - 12)
        }
    }

    @Test func fixedCompactAndDecimalSpellEveryValueAsBefore() {
        for value in Self.values {
            for decimals in [0, 1, 2, 3, 6, 12] {
                #expect(Format.fixed(value, decimals: decimals) == Self.plainFixed(value, decimals: decimals), "fixed(\(value), \(decimals))")
                #expect(Format.decimal(value, decimals: decimals) == Self.plainDecimal(value, decimals: decimals), "decimal(\(value), \(decimals))")
            }
            for significant in [1, 3, 4, 6, 9] {
                #expect(Format.compact(value, significant: significant) == Self.plainCompact(value, significant: significant), "compact(\(value), \(significant))")
            }
        }
    }
}

extension Double {
    /// 10 to the power `exponent`, by repeated multiplication or division.
    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result = exponent < 0 ? result / 10 : result * 10 }
        return result
    }
}
