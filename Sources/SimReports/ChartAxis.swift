import SimMetrics

/// A numeric axis: the data's range widened to "nice" ticks (1, 2 or 5 times a power of
/// ten), and the map from a value to a fraction of the axis length.
///
/// Everything is computed from the data with `+ − × ÷` and integer arithmetic, so the same
/// data gives the same ticks and positions on every platform.
struct ChartAxis: Equatable, Sendable {
    /// One labelled tick: its value, its label, and where it sits (0 at the low end, 1 at the high end).
    struct Tick: Equatable, Sendable {
        var value: Double
        var label: String
        var fraction: Double
    }

    /// How values map to distance.
    let scale: ChartScale
    /// The low end, in scale units (the value itself, or its decimal logarithm).
    let lower: Double
    /// The high end, in scale units; always greater than `lower`.
    let upper: Double
    /// The ticks from low to high; the first and last sit at the ends.
    let ticks: [Tick]

    /// The largest magnitude an axis spans; larger values are clamped to it, keeping every
    /// coordinate and tick finite.
    static let limit = 1e300
    /// The smallest width a linear axis spans; narrower data is treated as one value.
    static let resolution = 1e-200

    /// An axis covering `range` (nil when there is no data) with at most `maxIntervals`
    /// intervals between ticks. On a logarithmic scale `range` must be positive.
    init(covering range: ClosedRange<Double>?, scale: ChartScale, maxIntervals: Int) {
        let intervals = Swift.max(2, maxIntervals)
        switch scale {
        case .linear: self = ChartAxis.linear(covering: range ?? 0...1, maxIntervals: intervals)
        case .logarithmic: self = ChartAxis.logarithmic(covering: range ?? 1...10, maxIntervals: intervals)
        }
    }

    /// An axis of `names` at 1, 2, 3, …, half a step of room at each end, a tick at each
    /// named after it (cut short to share `width` pixels among them).
    static func categories(_ names: [String], width: Double) -> ChartAxis {
        let lower = 0.5, upper = Double(names.count) + 0.5
        let room = width / Double(Swift.max(names.count, 1))
        let ticks = names.enumerated().map { i, name in
            Tick(value: Double(i + 1), label: ChartLayout.shortenedInTheMiddle(name, toFit: room - 8, characterWidth: ChartLayout.tickCharacterWidth),
                 fraction: (Double(i + 1) - lower) / (upper - lower))
        }
        return ChartAxis(scale: .linear, lower: lower, upper: upper, ticks: ticks)
    }

    init(scale: ChartScale, lower: Double, upper: Double, ticks: [Tick]) {
        self.scale = scale
        self.lower = lower
        self.upper = upper
        self.ticks = ticks
    }

    /// Where `value` falls along the axis, 0 at the low end and 1 at the high end (outside
    /// that for values beyond it); nil when it cannot be placed: non-finite, or ≤ 0 on a
    /// logarithmic scale.
    func fraction(of value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear:
            let clamped = Swift.min(Swift.max(value, -ChartAxis.limit), ChartAxis.limit)
            return (clamped - lower) / (upper - lower)
        case .logarithmic:
            guard value > 0 else { return nil }
            return (ChartAxis.decimalLogarithm(value) - lower) / (upper - lower)
        }
    }

    // MARK: Linear

    /// Ticks at multiples of the smallest 1-2-5 step that covers `range` in `maxIntervals` intervals.
    private static func linear(covering range: ClosedRange<Double>, maxIntervals: Int) -> ChartAxis {
        let (low, high) = widened(range)
        let step = NiceStep.smallest(covering: low, high, maxIntervals: maxIntervals)
        let first = step.index(below: low), last = step.index(above: high)
        let lower = step.value(at: first), upper = step.value(at: last)
        let scientific = step.exponent < -4 || Swift.max(abs(lower), abs(upper)) >= 1e7
        let ticks = (first...last).map { index in
            let value = step.value(at: index)
            let label = tickLabel(index * step.mantissa, timesTenTo: step.exponent, scientific: scientific)
            return Tick(value: value, label: label, fraction: (value - lower) / (upper - lower))
        }
        return ChartAxis(scale: .linear, lower: lower, upper: upper, ticks: ticks)
    }

    /// `range` clamped to ±`limit` and, when it is (nearly) a single value, widened to reach
    /// zero, or to -1…1 around zero, so a flat line sits inside the plot.
    static func widened(_ range: ClosedRange<Double>) -> (low: Double, high: Double) {
        let low = Swift.max(range.lowerBound, -limit), high = Swift.min(range.upperBound, limit)
        let magnitude = Swift.max(abs(low), abs(high))
        if high - low > Swift.max(magnitude * 1e-9, resolution) { return (low, high) }
        let middle = low / 2 + high / 2
        if abs(middle) < resolution { return (-1, 1) }
        return middle > 0 ? (0, 2 * middle) : (2 * middle, 0)
    }

    /// A tick step `mantissa` × 10^`exponent`, with mantissa 1, 2 or 5.
    struct NiceStep: Equatable {
        var mantissa: Int
        var exponent: Int

        /// The smallest step whose multiples enclose `low...high` in at most `maxIntervals` intervals.
        static func smallest(covering low: Double, _ high: Double, maxIntervals: Int) -> NiceStep {
            let exponent = ChartAxis.decimalExponent(of: (high - low) / Double(maxIntervals))
            var step = NiceStep(mantissa: 1, exponent: exponent)
            for candidate in 0..<12 {  // three decades of candidates always include one that fits
                step = NiceStep(mantissa: [1, 2, 5][candidate % 3], exponent: exponent + candidate / 3)
                if step.index(above: high) - step.index(below: low) <= maxIntervals { break }
            }
            return step
        }

        /// The step as a number.
        var size: Double { value(at: 1) }

        /// `index` steps from zero, computed as an integer times an exact power of ten so
        /// that 3 × 0.1 is 0.3, not 0.30000000000000004.
        func value(at index: Int) -> Double {
            let units = Double(index * mantissa)
            return exponent >= 0 ? units * ChartAxis.power(ofTen: exponent) : units / ChartAxis.power(ofTen: -exponent)
        }

        /// The index of the highest multiple at or below `value` (allowing for rounding).
        func index(below value: Double) -> Int { Int((value / size + 1e-9).rounded(.down)) }
        /// The index of the lowest multiple at or above `value` (allowing for rounding).
        func index(above value: Double) -> Int { Int((value / size - 1e-9).rounded(.up)) }
    }

    // MARK: Numbers

    /// 10^`n`, exact for |n| ≤ 22 and computed the same way everywhere beyond.
    static func power(ofTen n: Int) -> Double {
        var result = 1.0
        for _ in 0..<Swift.min(abs(n), 400) { result *= 10 }
        return n >= 0 ? result : 1 / result
    }

    /// ⌊log₁₀ `value`⌋ for a positive finite `value`, found by comparing with powers of ten.
    static func decimalExponent(of value: Double) -> Int {
        var exponent = 0
        var probe = value
        while probe >= 10, exponent < 400 { probe /= 10; exponent += 1 }
        while probe < 1, exponent > -400 { probe *= 10; exponent -= 1 }
        if power(ofTen: exponent) > value { exponent -= 1 }  // repeated division can land one off
        if power(ofTen: exponent + 1) <= value { exponent += 1 }
        return exponent
    }

    /// A tick label for `units` × 10^`exponent`: plain decimals (`"0.25"`, `"1500"`) or, when
    /// plain would be long, scientific (`"2.5e-8"`, `"1.05e9"`).
    static func tickLabel(_ units: Int, timesTenTo exponent: Int, scientific: Bool) -> String {
        guard scientific else {
            let value = exponent >= 0 ? Double(units) * power(ofTen: exponent) : Double(units) / power(ofTen: -exponent)
            return Format.fixed(value, decimals: Swift.max(0, -exponent))
        }
        guard units != 0 else { return "0" }
        var digits = units, exponent = exponent
        while digits % 10 == 0 { digits /= 10; exponent += 1 }
        var count = 0
        var rest = abs(digits)
        while rest > 0 { rest /= 10; count += 1 }
        let mantissa = Format.fixed(Double(digits) / power(ofTen: count - 1), decimals: count - 1)
        let scale = exponent + count - 1
        return scale == 0 ? mantissa : mantissa + "e" + Format.fixed(Double(scale), decimals: 0)
    }
}
