import SimMetrics

/// One expectation, judged once per seed; a statement about the mean is judged over all of
/// them at once.
public struct CheckedExpectation: Sendable {
    /// The scenario's name.
    public var scenario: String
    /// The scenario file as the user named it.
    public var file: String
    /// The expectation as stated.
    public var statement: ExpectationStatement
    /// The seeds it ran under, in order; `verdicts[i]` is the run under `seeds[i]`.
    public var seeds: [UInt64]
    /// One verdict per seed.
    public var verdicts: [Verdict]
    /// Whether these are only some of the seeds (one shard's): a mean is then not judged.
    public var isPartial: Bool
    /// Options the reproduction command needs besides the seed, as in ` --swarm`.
    public var runFlags = ""

    /// The verdicts of `seeds`, which must match one for one.
    public init(scenario: String, file: String, statement: ExpectationStatement, seeds: [UInt64], verdicts: [Verdict],
                isPartial: Bool = false) {
        precondition(verdicts.count == seeds.count, "one verdict per seed")
        self.scenario = scenario
        self.file = file
        self.statement = statement
        self.seeds = seeds
        self.verdicts = verdicts
        self.isPartial = isPartial
    }

    /// The expectation as a line.
    public var text: String { statement.text }
    /// The scenario's reason for it.
    public var why: String? { statement.why }
    /// Whether it states a mean over seeds rather than what every run must show.
    public var isAboutTheMean: Bool { statement.confidence != nil }
    /// Whether a shard leaves it to the merge: a mean needs every seed.
    public var isDeferred: Bool { isAboutTheMean && isPartial }

    /// The interval of the mean, for a statement about the mean; `nil` otherwise or when a run
    /// lacks a value.
    public var interval: MeanInterval? {
        guard let confidence = statement.confidence, !isPartial else { return nil }
        return MeanInterval(verdicts, comparison: statement.comparison, confidence: confidence)
    }

    /// Whether it held: under every seed, or (for a mean) with its interval on the passing side.
    public var holds: Bool {
        guard isAboutTheMean else { return verdicts.allSatisfy(\.holds) }
        return isPartial || interval?.holds == true
    }

    /// The seeds it failed under, in order (for a mean: those without a value).
    public var failingSeeds: [UInt64] {
        guard !isAboutTheMean else { return zip(seeds, verdicts).filter { $0.1.measured == nil }.map(\.0) }
        return zip(seeds, verdicts).filter { !$0.1.holds }.map(\.0)
    }

    /// The command that repeats the failure, or `nil` when it held: the first failing run, or
    /// for a mean the whole sweep.
    public var reproduction: String? {
        guard !holds else { return nil }
        guard !isAboutTheMean else { return "ripple check \(Shell.quote(file)) --seeds \(SeedRanges.text(seeds))" + runFlags }
        return failingSeeds.first.map { "ripple run \(Shell.quote(file)) --seed \($0)" + runFlags }
    }

    /// The measured values' spread over the seeds, nearest rank:
    /// `min 4.1ms  median 5ms  p95 7.2ms  max 9ms` (`no data` when no run had one); for a
    /// truth value, how often it was true: `true under 18 of 20 seeds`.
    /// - Complexity: O(n log n) in the number of seeds.
    public var spread: String {
        let values = verdicts.compactMap(\.measured).sorted()
        guard !values.isEmpty else { return "no data" }
        if statement.isTruth { return "true under \(values.filter { $0 != 0 }.count) of \(values.count) seeds" }
        func rank(_ q: Double) -> Double { values[Swift.max(0, Int((q * Double(values.count)).rounded(.up)) - 1)] }
        let reading = statement.reading
        return "min \(reading(values[0]))  median \(reading(rank(0.5)))  p95 \(reading(rank(0.95)))  max \(reading(values[values.count - 1]))"
    }

    /// The outcome in a few words: the measurement for one seed; for several, how many held
    /// and the failing seeds (the first `limit` of them); for a mean, its interval.
    public func outcome(listingAtMost limit: Int = 20) -> String {
        if isAboutTheMean { return meanOutcome(listingAtMost: limit) }
        guard seeds.count > 1 else { return "measured " + verdicts[0].measurement }
        let failing = failingSeeds
        guard !failing.isEmpty else { return "held under all \(seeds.count) seeds" }
        return "failed under \(failing.count) of \(seeds.count) seeds: " + Self.list(failing, atMost: limit)
    }

    /// `mean 845ms, 95% CI [813ms, 877ms] over 12 seeds`, with the limits' means when a limit
    /// is a ratio of another architecture.
    func meanOutcome(listingAtMost limit: Int) -> String {
        if isPartial { return "a mean over seeds: judged when the shards merge" }
        let missing = failingSeeds
        if !missing.isEmpty { return "no data under \(missing.count) of \(seeds.count) seeds: " + Self.list(missing, atMost: limit) }
        guard let interval else { return "no interval: needs at least 2 seeds" }
        let reading = statement.reading
        var text = "mean \(reading(interval.mean)), \(interval.confidenceText) CI [\(reading(interval.low)), \(reading(interval.high))] over \(seeds.count) seeds"
        if verdicts.contains(where: { !$0.references.isEmpty }) {
            text += interval.limits.count == 1 ? "; the limit's mean \(reading(interval.limits[0]))"
                : "; the limits' means \(reading(interval.limits[0])) and \(reading(interval.limits[1]))"
        }
        return text
    }

    /// `2, 4, 5`, or `2, 4, … (3 in all)` beyond `limit`.
    static func list(_ seeds: [UInt64], atMost limit: Int) -> String {
        var list = seeds.prefix(limit).map(String.init).joined(separator: ", ")
        if seeds.count > limit { list += ", … (\(seeds.count) in all)" }
        return list
    }
}

/// Seeds written the way `--seeds` reads them: `1..50`, `1..3,10`.
public enum SeedRanges {
    /// `seeds` (ascending) as comma-separated numbers and runs of three or more as ranges.
    public static func text(_ seeds: [UInt64]) -> String {
        var parts: [String] = []
        var i = 0
        while i < seeds.count {
            var j = i
            while j + 1 < seeds.count, seeds[j] < UInt64.max, seeds[j + 1] == seeds[j] + 1 { j += 1 }
            if j - i >= 2 {
                parts.append("\(seeds[i])..\(seeds[j])")
            } else {
                parts += seeds[i...j].map(String.init)
            }
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}

/// Quoting for command lines a user copies into a POSIX shell.
public enum Shell {
    /// `text` as is when it holds only safe characters, else in single quotes; with a control
    /// character (one `String.printable` escapes), in `$'…'` with each such character as an
    /// escape (`$'a\nb.json'`), so that the command stays on one line, shows no raw escape
    /// sequence and still names the file when pasted into bash or zsh.
    public static func quote(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./=:+,@%".unicodeScalars.contains($0)) }
        guard !safe || text.isEmpty else { return text }
        guard text.unicodeScalars.contains(where: String.isControl) else {
            return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
        }
        var quoted = "$'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "'": quoted += "\\" + String(scalar)
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            case _ where String.isControl(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                quoted += scalar.value < 0x80 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "'"
    }
}
