import SimMetrics

extension SweepReport {
    /// The terminal report: what ran, then a table per metric with a row per combination and a
    /// column per architecture, each cell the mean over the seeds and its confidence interval.
    public var rendered: String {
        var out = "\(name): \(Self.count(combinations.count, "combination")) × \(Self.count(seeds.count, "seed")) (\(seedText))"
            + " = \(Self.count(runCount, "run")) of \(architectures.joined(separator: ", "))\n"
        for m in metrics.indices {
            out += "\n\(metrics[m]): mean over the seeds [\(percent) confidence interval]\n"
            out += Table(rows: table(ofMetric: m)).rendered
            if let note = boundNote(ofMetric: m) { out += note + "\n" }
        }
        if let warning = stopWarning { out += "\nwarning: " + warning + ":\n" + stopLines.map { "  " + $0 + "\n" }.joined() }
        return out
    }

    /// `95 %`.
    var percent: String { Format.decimal(level * 100, decimals: 3) + " %" }

    /// The rows of one metric's table: the parameters' values, then one cell per architecture
    /// that reports the metric.
    /// - Complexity: O(rows).
    func table(ofMetric m: Int) -> [[String]] {
        var cells = Array(repeating: Array(repeating: "–", count: architectures.count), count: combinations.count)
        var isShown = Array(repeating: false, count: architectures.count)
        for row in rows where row.metric == m {
            cells[row.combination][row.architecture] = cell(row)
            isShown[row.architecture] = true
        }
        let shown = architectures.indices.filter { isShown[$0] }
        return [parameters.map(\.path) + shown.map { architectures[$0] }]
            + combinations.indices.map { c in parameters.indices.map { value(of: $0, in: c) } + shown.map { cells[c][$0] } }
    }

    /// `241.3 [236.4, 246.2]`, or `1 [0*, 13.71]` where an end is the metric's bound (`boundMark`);
    /// the count when some seeds gave no value; `–` when none did.
    func cell(_ row: SweepRow) -> String {
        guard let mean = row.mean else { return "–" }
        var text = Self.reading(mean)
        if let interval = row.interval {
            let low = Self.reading(interval.lowerBound) + (row.boundedEnds.lower ? Self.boundMark : "")
            let high = Self.reading(interval.upperBound) + (row.boundedEnds.upper ? Self.boundMark : "")
            text += " [\(low), \(high)]"
        }
        if row.count < seeds.count { text += " (n=\(row.count))" }
        return text
    }

    /// How metric `m`'s intervals are worked out: Wilson's score interval for a truth value,
    /// Student's t otherwise.
    func intervalNote(ofMetric m: Int) -> String {
        let method = MetricKind.of(metrics[m]) == .truth ? "Wilson score interval, as the metric is true or false in each run" : "Student's t"
        return "In brackets: the \(percent) confidence interval of the mean (\(method))."
    }

    /// The mark of an interval's end that is the metric's bound rather than Student's t.
    static let boundMark = "*"

    /// What `boundMark` means, when a cell of metric `m`'s table carries it; `nil` otherwise.
    func boundNote(ofMetric m: Int) -> String? {
        guard rows.contains(where: { $0.metric == m && $0.interval != nil && ($0.boundedEnds.lower || $0.boundedEnds.upper) }) else { return nil }
        return "\(Self.boundMark) not Student's t but the bound of what the metric can take: the t interval went past it "
            + "(few seeds or skewed values) and is cut there"
    }

    /// A figure for people: four significant digits, all of the integer part.
    static func reading(_ value: Double) -> String { Format.compact(value, significant: 4) }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
