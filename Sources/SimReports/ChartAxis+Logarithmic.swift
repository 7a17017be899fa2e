extension ChartAxis {
    /// Ticks at powers of ten, every 1, 2, 5, 10, ... decades so there are at most
    /// `maxIntervals` intervals, plus 2× and 5× ticks when the axis spans one or two decades.
    /// `range` must be positive; it is clamped to 10^-300…10^300.
    static func logarithmic(covering range: ClosedRange<Double>, maxIntervals: Int) -> ChartAxis {
        let low = Swift.min(Swift.max(range.lowerBound, 1 / limit), limit)
        let high = Swift.min(Swift.max(range.upperBound, low), limit)
        var first = decimalExponent(of: low)
        var last = decimalExponent(of: high)
        if power(ofTen: last) < high { last += 1 }
        if first == last { first -= 1; last += 1 }
        var decades = 1
        for candidate in [1, 2, 5, 10, 20, 50, 100, 200, 500] {
            decades = candidate
            if roundedUp(last, to: decades) - roundedDown(first, to: decades) <= maxIntervals * decades { break }
        }
        first = roundedDown(first, to: decades)
        last = roundedUp(last, to: decades)
        let scientific = first < -4 || last > 6
        let span = Double(last - first)
        var ticks: [Tick] = []
        for exponent in stride(from: first, through: last, by: decades) {
            let multiples = decades == 1 && last - first <= 2 && exponent < last ? [1, 2, 5] : [1]
            for multiple in multiples {
                let value = Double(multiple) * power(ofTen: exponent)
                let offset = multiple == 1 ? 0 : (multiple == 2 ? log10Of2 : log10Of5)
                ticks.append(Tick(value: value, label: tickLabel(multiple, timesTenTo: exponent, scientific: scientific),
                                  fraction: (Double(exponent - first) + offset) / span))
            }
        }
        return ChartAxis(scale: .logarithmic, lower: Double(first), upper: Double(last), ticks: ticks)
    }

    /// log₁₀ `value` for a positive finite `value`, from `+ − × ÷` only, so positions do not
    /// depend on the platform's maths library. Accurate to a few units in the last place.
    static func decimalLogarithm(_ value: Double) -> Double {
        // value = m · 2^e with m in [√½, √2]; ln m = 2·atanh(z), z = (m − 1)/(m + 1), |z| < 0.18.
        var m = value.significand
        var e = Double(value.exponent)
        if m > 1.4142135623730951 { m /= 2; e += 1 }
        let z = (m - 1) / (m + 1), zz = z * z
        var term = z, sum = 0.0, denominator = 1.0
        for _ in 0..<14 { sum += term / denominator; term *= zz; denominator += 2 }  // 0.18^29 < 1e-21
        return (e * 0.6931471805599453 + 2 * sum) / 2.302585092994046
    }

    private static let log10Of2 = 0.3010299956639812
    private static let log10Of5 = 0.6989700043360189

    private static func roundedDown(_ n: Int, to multiple: Int) -> Int {
        n >= 0 ? n / multiple * multiple : -((-n + multiple - 1) / multiple * multiple)
    }

    private static func roundedUp(_ n: Int, to multiple: Int) -> Int { -roundedDown(-n, to: multiple) }
}
