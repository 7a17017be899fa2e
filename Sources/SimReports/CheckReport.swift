/// What `ripple check` found: every expectation of every scenario, judged in every run.
public struct CheckReport: Sendable {
    /// The seeds every scenario ran under (`--seeds`), or `nil` when each ran under its own.
    public var sweep: [UInt64]?
    /// The scenarios, in the order they were named.
    public var scenarios: [CheckedScenario]

    public init(sweep: [UInt64]?, scenarios: [CheckedScenario]) {
        self.sweep = sweep
        self.scenarios = scenarios
    }

    /// Every expectation of every scenario, in order.
    public var expectations: [CheckedExpectation] { scenarios.flatMap(\.expectations) }

    /// Whether every expectation held in every run.
    public var holds: Bool { expectations.allSatisfy(\.holds) }
}

/// One scenario file's expectations.
public struct CheckedScenario: Sendable {
    /// The scenario's name.
    public var name: String
    /// The file as the user named it, for reproduction commands.
    public var file: String
    /// Its expectations in file order (one per architecture); empty when it states none.
    public var expectations: [CheckedExpectation]

    public init(name: String, file: String, expectations: [CheckedExpectation]) {
        self.name = name
        self.file = file
        self.expectations = expectations
    }
}

/// One expectation, judged once per seed.
public struct CheckedExpectation: Sendable {
    /// The scenario's name.
    public var scenario: String
    /// The scenario file as the user named it.
    public var file: String
    /// The seeds it ran under, in order; `verdicts[i]` is the run under `seeds[i]`.
    public var seeds: [UInt64]
    /// One verdict per seed.
    public var verdicts: [Verdict]

    /// The verdicts of `seeds`, which must not be empty and must match one for one.
    public init(scenario: String, file: String, seeds: [UInt64], verdicts: [Verdict]) {
        precondition(!verdicts.isEmpty && verdicts.count == seeds.count, "one verdict per seed, at least one seed")
        self.scenario = scenario
        self.file = file
        self.seeds = seeds
        self.verdicts = verdicts
    }

    /// The expectation as a line.
    public var text: String { verdicts[0].text }
    /// The scenario's reason for it.
    public var why: String? { verdicts[0].why }
    /// Whether it held under every seed.
    public var holds: Bool { verdicts.allSatisfy(\.holds) }
    /// The seeds it failed under, in order.
    public var failingSeeds: [UInt64] { zip(seeds, verdicts).filter { !$0.1.holds }.map(\.0) }

    /// The command that repeats the first failing run, or `nil` when it always held.
    public var reproduction: String? {
        failingSeeds.first.map { "ripple run \(Shell.quote(file)) --seed \($0)" }
    }

    /// The measured values' spread over the seeds, nearest rank:
    /// `min 4.1ms  median 5ms  p95 7.2ms  max 9ms` (`no value` when no run had one).
    /// - Complexity: O(n log n) in the number of seeds.
    public var spread: String {
        let values = verdicts.compactMap(\.measured).sorted()
        guard !values.isEmpty else { return "no value" }
        func rank(_ q: Double) -> Double { values[Swift.max(0, Int((q * Double(values.count)).rounded(.up)) - 1)] }
        let reading = verdicts[0].reading
        return "min \(reading(values[0]))  median \(reading(rank(0.5)))  p95 \(reading(rank(0.95)))  max \(reading(values[values.count - 1]))"
    }

    /// The outcome in a few words: the measurement for one seed; for several, how many held
    /// and the failing seeds (the first `limit` of them).
    public func outcome(listingAtMost limit: Int = 20) -> String {
        guard seeds.count > 1 else { return "measured " + verdicts[0].measurement }
        let failing = failingSeeds
        guard !failing.isEmpty else { return "held under all \(seeds.count) seeds" }
        var list = failing.prefix(limit).map(String.init).joined(separator: ", ")
        if failing.count > limit { list += ", … (\(failing.count) in all)" }
        return "failed under \(failing.count) of \(seeds.count) seeds: \(list)"
    }
}

/// Quoting for command lines a user copies into a POSIX shell.
public enum Shell {
    /// `text` as is when it holds only safe characters, else in single quotes.
    public static func quote(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./=:+,@%".unicodeScalars.contains($0)) }
        guard !safe || text.isEmpty else { return text }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
