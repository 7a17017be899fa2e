import SimMetrics

/// Where a varied field's values sit along a plot's x axis, and the axis's label.
///
/// Durations sit in the largest unit that the largest of them reaches (`… (s)`), rates in
/// events per second (`… (/s)`), numbers at themselves; values with no numeric order (names,
/// flags, a mixture) at 1, 2, 3, …, each tick named after its value.
struct SweepAxis {
    let positions: [Double]
    let label: String
    /// The values' names, one per tick, when they sit at 1, 2, 3, …; `nil` on a numeric axis.
    var categories: [String]? = nil

    init(path: String, values: [String], kind: SweepParameter.Kind) {
        let numbers = values.compactMap(Double.init)
        if kind == .number, numbers.count == values.count {
            (positions, label) = (numbers, path)
            return
        }
        if kind == .text {
            let durations = values.compactMap(DurationText.init)
            if durations.count == values.count {
                let largest = durations.map(\.nanoseconds.magnitude).max() ?? 0
                let unit = DurationText.units.last { UInt64($0.nanoseconds) <= largest } ?? DurationText.units[0]
                (positions, label) = (durations.map { Double($0.nanoseconds) / Double(unit.nanoseconds) }, path + " (\(unit.name))")
                return
            }
            let rates = values.compactMap(RateText.init)
            if rates.count == values.count {
                (positions, label) = (rates.map(\.rate.eventsPerSecond), path + " (/s)")
                return
            }
        }
        positions = values.indices.map { Double($0 + 1) }
        label = path
        categories = values
    }
}
