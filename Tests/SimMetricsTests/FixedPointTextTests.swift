import SimKernel
import Testing
@testable import SimMetrics

/// `Format.fixed` and `Format.compact`, written through `FixedPointText`, give the bytes
/// the string-building formatters gave before, over edges and a seeded spread of values.
struct FixedPointTextTests {
    /// `Format.fixed` as it was written before `FixedPointText`.
    static func referenceFixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return value.description }
        let units = Int64(scaled)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(units) }
        let whole = units / Int64(scale)
        let digits = String(units % Int64(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: Swift.max(0, decimals - digits.utf8.count)) + digits
    }

    /// `Format.withoutTrailingZeros` as it was written before.
    static func referenceWithoutTrailingZeros(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: ".")) else { return text }
        while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Zero, signs, halves at each place (rounding edges), powers of ten, the largest values
    /// written as digits and the first written by `description`, non-finite values, and a
    /// seeded spread of magnitudes from 1e-15 to 1e20.
    static let values: [Double] = {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 1.5, 2.5, -2.5, 0.05, 0.005, 0.0005, 0.15, 0.25, 0.35, 1.005, 2.675,
                                9.995, 99.95, 999.5, 0.1, 0.2, 0.3, 10, 100, 1e6, 1e9, 1e12, 1e15, 1e17, 8.99e18, 9e18, 1e19,
                                -9e18, 123.456, -123.456, 0.0049, -0.0049, 1e-7, -1e-7, .nan, .infinity, -.infinity,
                                Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 4_503_599_627_370_496.5]
        var random = RandomStream(seed: 23, name: "fixed-point")
        for _ in 0..<20_000 {
            let exponent = Double(random.next() % 36) - 15
            let mantissa = Double(random.next() >> 11) / Double(1 << 53)
            var value = mantissa * pow10(exponent)
            if random.next() % 4 == 0 { value = (value * 1000).rounded() / 1000 + 0.0005 }  // near a rounding edge
            values.append(random.next() % 2 == 0 ? value : -value)
        }
        return values
    }()

    static func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(abs(exponent)) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    @Test func fixedWritesTheBytesItWroteBefore() {
        for decimals in [0, 1, 2, 3, 4, 6, 9, 12] {
            for value in Self.values {
                #expect(Format.fixed(value, decimals: decimals) == Self.referenceFixed(value, decimals: decimals), "\(value) to \(decimals)")
            }
        }
    }

    @Test func compactAndDecimalWriteTheBytesTheyWroteBefore() {
        for value in Self.values {
            for significant in [3, 9] {
                let reference = value.isFinite && value != 0
                    ? Self.referenceWithoutTrailingZeros(Self.referenceFixed(value, decimals: Swift.min(12, Swift.max(0, significant - 1 - Self.magnitude(of: value)))))
                    : (value == 0 ? "0" : Self.referenceFixed(value, decimals: 0))
                #expect(Format.compact(value, significant: significant) == reference, "\(value)")
            }
            let decimal = Self.referenceWithoutTrailingZeros(Self.referenceFixed(value, decimals: 3))
            #expect(Format.decimal(value, decimals: 3) == (value.isFinite && decimal == "-0" ? "0" : value.isFinite ? decimal : Self.referenceFixed(value, decimals: 3)))
        }
    }

    /// The power of ten of `value`'s leading digit, found as `Format.compact` finds it.
    static func magnitude(of value: Double) -> Int {
        var magnitude = 0
        var probe = abs(value)
        while probe >= 10 { probe /= 10; magnitude += 1 }
        while probe < 1 { probe *= 10; magnitude -= 1 }
        return magnitude
    }

    @Test func textPutsThePointBeforeTheLastDecimalsAndPadsWithZeros() {
        #expect(FixedPointText.text(units: 5, decimals: 3, isNegative: true) == "-0.005")
        #expect(FixedPointText.text(units: 0, decimals: 0, isNegative: false) == "0")
        #expect(FixedPointText.text(units: 12_345, decimals: 2, isNegative: false) == "123.45")
        #expect(FixedPointText.text(units: UInt64(Int64.max), decimals: 18, isNegative: false) == "9.223372036854775807")
        #expect(FixedPointText.text(units: 7, decimals: 0, isNegative: true) == "-7")
    }
}
