import SimMetrics

extension ChartAxis {
    /// The units a time axis may be labelled in, with their size in seconds, smallest first.
    static let timeUnits: [(name: String, seconds: Double)] = [("ms", 1e-3), ("s", 1), ("min", 60), ("h", 3600)]

    /// A linear axis over `range`, given in seconds, with ticks at nice multiples of the unit
    /// that suits the span (at least 3 of it: `s` for a 100 s run, `min` for a 6 min one, `h`
    /// from 3 h) and labelled with it: `100 s`, `5 min`, `2.5 h`.
    static func time(covering range: ClosedRange<Double>?, maxIntervals: Int) -> ChartAxis {
        let span = range.map { Swift.max(abs($0.lowerBound), abs($0.upperBound)) } ?? 1
        let unit = timeUnits.last { span >= 3 * $0.seconds } ?? timeUnits[0]
        let scaled = range.map { ($0.lowerBound / unit.seconds)...($0.upperBound / unit.seconds) }
        let axis = ChartAxis(covering: scaled, scale: .linear, maxIntervals: maxIntervals)
        return ChartAxis(scale: .linear, lower: axis.lower * unit.seconds, upper: axis.upper * unit.seconds, ticks: axis.ticks.map {
            Tick(value: $0.value * unit.seconds, label: $0.label + " " + unit.name, fraction: $0.fraction)
        })
    }

    /// A duration axis whose values are milliseconds. On a linear scale every tick is in one
    /// unit, `s` when the axis reaches 1 s and `ms` below (`0 s`, `0.5 s`, `1 s`); on a
    /// logarithmic one each tick is a duration of its own (`10 ms`, `1 s`, `100 s`).
    func labelledAsMilliseconds() -> ChartAxis {
        let inSeconds = Swift.max(abs(lower), abs(upper)) >= 1000
        return ChartAxis(scale: scale, lower: lower, upper: upper, ticks: ticks.map { tick in
            let label: String
            switch scale {
            case .linear: label = inSeconds ? Format.compact(tick.value / 1000, significant: 6) + " s" : tick.label + " ms"
            case .logarithmic: label = tick.value >= 1000 ? Format.compact(tick.value / 1000, significant: 6) + " s"
                                                          : Format.duration(nanoseconds: tick.value * 1e6)
            }
            return Tick(value: tick.value, label: label, fraction: tick.fraction)
        })
    }

    /// This axis cut to exactly `range` (where it reaches beyond), keeping the ticks inside:
    /// a time axis that ends at the run's end rather than at the next round number.
    func ending(exactlyAt range: ClosedRange<Double>) -> ChartAxis {
        guard scale == .linear, range.upperBound > range.lowerBound else { return self }
        let low = Swift.max(lower, range.lowerBound), high = Swift.min(upper, range.upperBound)
        guard high > low else { return self }
        let inside = ticks.filter { $0.value >= low - 1e-9 * (high - low) && $0.value <= high + 1e-9 * (high - low) }
        return ChartAxis(scale: scale, lower: low, upper: high, ticks: inside.map {
            Tick(value: $0.value, label: $0.label, fraction: ($0.value - low) / (high - low))
        })
    }

    /// A linear axis whose start is lowered by `share` of its length, so a line at its lowest
    /// tick (0 lag, or a latency that never changes) is drawn above the x axis, not hidden in
    /// it. Ticks keep their values.
    func liftingBottom(by share: Double) -> ChartAxis {
        guard scale == .linear, upper > lower else { return self }
        let low = lower - share * (upper - lower)
        guard low.isFinite else { return self }
        return ChartAxis(scale: scale, lower: low, upper: upper, ticks: ticks.map {
            Tick(value: $0.value, label: $0.label, fraction: ($0.value - low) / (upper - low))
        })
    }
}
