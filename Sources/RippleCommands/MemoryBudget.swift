import SimChecks
import SimScenario

/// `--memory-budget SIZE`: how much memory a scenario's run may be estimated to hold before it
/// is refused (`MemoryEstimate`), the rest setting how long its lines and backlogs may grow
/// (`MemoryEstimate.lineLimit(budget:)`); 2 GiB unless given.
enum MemoryBudget {
    /// The option, for the commands that load scenarios to run or check them.
    static let option = OptionSpec("memory-budget", value: "SIZE",
                                   help: "refuse scenarios whose run is estimated to hold more memory than this, and stop a run whose lines or backlogs would take the rest, as in 8GiB or 512MiB (default 2GiB)")

    /// The largest budget accepted: 1 TiB.
    static let maximum: Int64 = 1 << 40

    /// `--memory-budget` as given, for the commands a run's failures print to repeat it (a
    /// line limit set by a smaller budget stops a run the default would let go on); `nil`
    /// when the default is in force.
    static func given(_ arguments: ParsedArguments) -> String? {
        arguments.value("memory-budget")
    }

    /// The flag that repeats `--memory-budget` as given, or nothing for the default.
    static func flag(_ given: String?) -> String {
        given.map { " --memory-budget " + Shell.quote($0) } ?? ""
    }

    /// The budget `--memory-budget` gives, or the default.
    /// - Throws: `UsageError` for a size that is not a number with `KiB`, `MiB`, `GiB` or `TiB`, or is out of range.
    static func parse(_ arguments: ParsedArguments) throws -> Int64 {
        guard let text = arguments.value("memory-budget") else { return MemoryEstimate.defaultBudget }
        let units: [(String, Double)] = [("KiB", 0x1p10), ("MiB", 0x1p20), ("GiB", 0x1p30), ("TiB", 0x1p40)]
        guard let (unit, scale) = units.first(where: { text.hasSuffix($0.0) }), let number = Double(text.dropLast(unit.count)),
              number.isFinite, number * scale >= 0x1p20, number * scale <= Double(maximum) else {
            throw UsageError("--memory-budget expects a size from 1MiB to 1TiB such as 8GiB or 512MiB, found '\(text)'")
        }
        return Int64(number * scale)
    }
}
