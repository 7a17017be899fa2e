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

    /// The flag that gives `budget` again, for the commands a run's failures print to repeat
    /// it (the line limit a smaller budget sets can stop a run the default lets go on); nothing
    /// for the default.
    static func flag(_ budget: Int64) -> String {
        budget == MemoryEstimate.defaultBudget ? "" : " --memory-budget " + text(budget)
    }

    /// `bytes` as `--memory-budget` reads it back exactly: in the largest unit it is a whole
    /// number of, or in KiB with the decimals a part of a KiB needs (a power of two divides it).
    static func text(_ bytes: Int64) -> String {
        for (unit, size) in [("TiB", Int64(1) << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes % size == 0 {
            return "\(bytes / size)\(unit)"
        }
        return "\(Double(bytes) / 1024)KiB"
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
