import SimMetrics

/// The floors of a coarse speed gate: for each gated figure (by its `BenchFigures` key), the
/// least a run of `ripple bench` may measure. A figure below its floor, or not measured at all,
/// fails the gate.
struct BenchFloors {
    /// One floor the figures do not meet.
    enum Shortfall: Equatable {
        /// The figure `key` was measured below its floor.
        case below(key: String, measured: Double, floor: Double)
        /// The figure `key` has a floor but was not measured (a misspelt key, or a benchmark left out).
        case missing(key: String)

        /// The line that says so.
        var message: String {
            switch self {
            case let .below(key, measured, floor):
                "✗ \(key): measured \(Format.compact(measured, significant: 4)), below its floor of \(Format.compact(floor, significant: 4))"
            case let .missing(key):
                "✗ \(key): has a floor but was not measured; name a figure this bench measures"
            }
        }
    }

    /// The floor of each gated figure, in file order.
    var floors: BenchFigures

    /// Every floor `figures` does not meet, in the floors' order; empty when all are met.
    func shortfalls(in figures: BenchFigures) -> [Shortfall] {
        floors.entries.compactMap { key, floor in
            guard let measured = figures[key] else { return .missing(key: key) }
            return measured < floor ? .below(key: key, measured: measured, floor: floor) : nil
        }
    }

    /// One line per floor, met (✓) or not (✗), for the bench's output.
    func lines(for figures: BenchFigures) -> [String] {
        let short = shortfalls(in: figures)
        return floors.entries.map { key, floor in
            if let shortfall = short.first(where: { $0.key == key }) { return shortfall.message }
            return "✓ \(key): measured \(Format.compact(figures[key]!, significant: 4)), floor \(Format.compact(floor, significant: 4))"
        }
    }
}

extension BenchFloors.Shortfall {
    /// The figure's key.
    var key: String {
        switch self {
        case let .below(key, _, _), let .missing(key): key
        }
    }
}
