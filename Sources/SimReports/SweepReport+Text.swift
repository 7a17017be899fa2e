extension SweepReport {
    /// The terminal report: what ran, then a table per metric with a row per combination and a
    /// column per architecture, each cell the mean over the seeds and its confidence interval.
    public var rendered: String {
        var out = "\(name): \(Self.count(combinations.count, "combination")) × \(Self.count(seeds.count, "seed")) (\(seedText))"
            + " = \(Self.count(runCount, "run")) of \(architectures.joined(separator: ", "))\n"
        for m in metrics.indices {
            out += "\n\(metrics[m]): mean over the seeds [\(percent) confidence interval]\n"
            out += Table(rows: table(ofMetric: m)).rendered
        }
        return out
    }

    /// `95 %`.
    var percent: String { Format.decimal(level * 100, decimals: 3) + " %" }

    /// The rows of one metric's table: the parameters' values, then one cell per architecture.
    func table(ofMetric m: Int) -> [[String]] {
        let rows = rows(ofMetric: m)
        let shown = architectures.indices.filter { a in rows.contains { $0.architecture == a } }
        var table = [parameters.map(\.path) + shown.map { architectures[$0] }]
        for c in combinations.indices {
            let cells = shown.map { a in rows.first { $0.combination == c && $0.architecture == a }.map(cell) ?? "–" }
            table.append(parameters.indices.map { value(of: $0, in: c) } + cells)
        }
        return table
    }

    /// `241.3 [236.4, 246.2]`; the count when some seeds gave no value; `–` when none did.
    func cell(_ row: SweepRow) -> String {
        guard let mean = row.mean else { return "–" }
        var text = Self.reading(mean)
        if let interval = row.interval { text += " [\(Self.reading(interval.lowerBound)), \(Self.reading(interval.upperBound))]" }
        if row.count < seeds.count { text += " (n=\(row.count))" }
        return text
    }

    /// A figure for people: four significant digits, all of the integer part.
    static func reading(_ value: Double) -> String { Format.compact(value, significant: 4) }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
