/// The column names of `timeseries.csv`: snake_case with the unit last, so a CSV loader,
/// a dataframe or a spreadsheet reads every header as a plain identifier
/// (`^[a-z][a-z0-9_]*$`) and the unit is never a guess.
public enum TimeSeriesColumn {
    /// The columns every row has, in order, before the gauges.
    public static let fixed = ["architecture", "time_s", "arrivals", "succeeded", "failed", "timeouts", "rejected",
                               "latency_p50_ms", "latency_p99_ms", "applied", "staleness_p99_ms", "dead_lettered"]

    /// The column of each gauge, in order: `email lag` → `email_lag_events`, `email lag seconds`
    /// → `email_lag_s`, `payment queue` → `payment_queue_requests`, `payment busy` →
    /// `payment_busy_workers`, `outbox` → `outbox_events`, `order → billing breaker` →
    /// `order_to_billing_breaker_state`. Names that differ only in case or punctuation get `_2`,
    /// `_3`… after the first, so no two columns share a header.
    /// - Complexity: O(g²) for g gauges.
    public static func names(ofGauges gauges: [String]) -> [String] {
        var taken = fixed
        return gauges.map { gauge in
            let base = name(ofGauge: gauge)
            var column = base, n = 1
            while taken.contains(column) { n += 1; column = base + "_" + String(n) }
            taken.append(column)
            return column
        }
    }

    /// One gauge's column before duplicates are told apart.
    static func name(ofGauge gauge: String) -> String {
        let words = gauge.split(separator: " ").map(String.init)
        let suffixes: [(words: [String], unit: String)] = [
            (["lag", "seconds"], "lag_s"), (["lag"], "lag_events"), (["queue"], "queue_requests"),
            (["busy"], "busy_workers"), (["breaker"], "breaker_state"),
        ]
        for suffix in suffixes where words.count > suffix.words.count && words.suffix(suffix.words.count).elementsEqual(suffix.words) {
            let subject = words.dropLast(suffix.words.count).map { $0 == "→" ? "to" : identifier($0) }
            return leadingLetter(gauge, (subject + [suffix.unit]).filter { !$0.isEmpty }.joined(separator: "_"))
        }
        return gauge == "outbox" ? "outbox_events" : leadingLetter(gauge, identifier(gauge))
    }

    /// `name` in lower case with every run of other characters than letters and digits as one
    /// `_`, none at either end (empty when `name` has no letter or digit).
    static func identifier(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("_") {
                out += "_"
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }

    /// `column`, the column of `gauge`, with `gauge_` in front when the gauge's name (its
    /// service's) does not start with a letter `a`–`z` or `A`–`Z`: a service named `2fa`, or
    /// `-rf`, whose column would otherwise be the one of a service named `rf`.
    static func leadingLetter(_ gauge: String, _ column: String) -> String {
        let startsWithLetter = gauge.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic } == true
        if startsWithLetter { return column }
        return column.isEmpty ? "gauge" : "gauge_" + column
    }
}
