import SimMetrics

/// What `ripple check` found: every expectation of every scenario, judged in every run, and
/// optionally whether each run repeats and how the means compare with a baseline.
public struct CheckReport: Sendable {
    /// The seeds every scenario ran under (`--seeds`), or `nil` when each ran under its own.
    public var sweep: [UInt64]?
    /// The scenarios, in the order they were named.
    public var scenarios: [CheckedScenario]
    /// When the report covers one shard's runs only: which, and how many runs of how many.
    public var shard: ShardPart?

    /// A report of `scenarios`, run under `sweep`'s seeds (or each scenario's own); `shard` when
    /// it covers one shard's runs only.
    public init(sweep: [UInt64]?, scenarios: [CheckedScenario], shard: ShardPart? = nil) {
        self.sweep = sweep
        self.scenarios = scenarios
        self.shard = shard
    }

    /// Every expectation of every scenario, in order.
    public var expectations: [CheckedExpectation] { scenarios.flatMap(\.expectations) }

    /// Every determinism check, in scenario order.
    public var determinism: [CheckedDeterminism] { scenarios.compactMap(\.determinism) }

    /// Every baseline comparison, in scenario order.
    public var baselineChecks: [BaselineCheck] { scenarios.flatMap(\.baselineChecks) }

    /// Every run a limit stopped early, in scenario and seed order.
    public var stoppedRuns: [StoppedRun] { scenarios.flatMap(\.stoppedRuns) }

    /// Whether every expectation held, no run stopped early, every run repeated alike and no
    /// mean got worse than its baseline.
    public var holds: Bool {
        expectations.allSatisfy(\.holds) && stoppedRuns.isEmpty && determinism.allSatisfy(\.holds)
            && baselineChecks.allSatisfy(\.holds)
    }

    /// Compares every scenario's means with `baseline`'s figures, read from the file named
    /// `file` (for reproduction commands).
    public mutating func compare(with baseline: Baseline, file: String) {
        for i in scenarios.indices {
            scenarios[i].baselineChecks = scenarios[i].baselineMetrics.map { metric in
                var check = metric
                check.baseline = baseline.figure(scenario: scenarios[i].name, architecture: metric.architecture, metric: metric.metric)
                return check
            }
            scenarios[i].baselineFile = file
        }
    }
}

/// Which part of a sharded check a report covers.
public struct ShardPart: Sendable, Equatable {
    /// The shard's number, from 1.
    public var index: Int
    /// How many shards share the check.
    public var count: Int
    /// How many (scenario, seed) runs this shard made, and how many the whole check makes.
    public var runs: Int
    /// How many (scenario, seed) runs the whole check makes, over every shard.
    public var totalRuns: Int

    /// Shard `index` of `count`, which made `runs` of the check's `totalRuns` runs.
    public init(index: Int, count: Int, runs: Int, totalRuns: Int) {
        self.index = index
        self.count = count
        self.runs = runs
        self.totalRuns = totalRuns
    }
}

/// One scenario file's expectations, determinism check and baseline comparisons.
public struct CheckedScenario: Sendable {
    /// The scenario's name.
    public var name: String
    /// The file as the user named it, for reproduction commands.
    public var file: String
    /// Its expectations in file order (one per architecture); empty when it states none.
    public var expectations: [CheckedExpectation]
    /// Its runs that a limit stopped before their planned end, in seed order.
    public var stoppedRuns: [StoppedRun] = []
    /// Whether its architectures ran alike twice, when that was checked.
    public var determinism: CheckedDeterminism?
    /// Its means compared with a baseline, when one was given.
    public var baselineChecks: [BaselineCheck] = []
    /// The baseline file its means were compared with, as the user named it.
    public var baselineFile: String?
    /// What `--swarm` drew under each seed, in seed order; empty without a swarm.
    public var schedules: [(seed: UInt64, schedule: String)] = []

    /// A scenario's findings from expectations already judged, with no baseline comparisons or
    /// swarm draws yet.
    public init(name: String, file: String, expectations: [CheckedExpectation], determinism: CheckedDeterminism? = nil) {
        self.name = name
        self.file = file
        self.expectations = expectations
        self.determinism = determinism
    }

    /// The findings of `runs` (in seed order) of a scenario stating `statements`;
    /// `isPartial` when the runs are one shard's; `runFlags` for reproduction commands.
    public init(name: String, file: String, statements: [ExpectationStatement], runs: [CheckRun],
                checksDeterminism: Bool, isPartial: Bool = false, runFlags: String = "") {
        let seeds = runs.map(\.seed)
        self.init(name: name, file: file, expectations: statements.indices.map { e in
            var expectation = CheckedExpectation(scenario: name, file: file, statement: statements[e], seeds: seeds,
                                                 verdicts: runs.map { $0.verdicts[e] }, isPartial: isPartial)
            expectation.runFlags = runFlags
            return expectation
        })
        stoppedRuns = runs.flatMap { run in run.stops.map { StoppedRun(seed: run.seed, verdict: $0, file: file, runFlags: runFlags) } }
        if checksDeterminism {
            determinism = CheckedDeterminism(scenario: name, file: file, seeds: seeds, runs: runs.map(\.repeats))
            determinism?.runFlags = runFlags
        }
        schedules = runs.compactMap { run in run.schedule.map { (run.seed, $0) } }
    }

    /// The command that repeats the comparison with the baseline, when a mean got worse than
    /// its figure: the same seeds against the same file.
    public var baselineReproduction: String? {
        guard let baselineFile, !baselineChecks.allSatisfy(\.holds), let first = expectations.first else { return nil }
        return "ripple check \(Shell.quote(file)) --seeds \(SeedRanges.text(first.seeds)) --baseline \(Shell.quote(baselineFile))" + first.runFlags
    }

    /// The metrics a baseline holds for this scenario, each with its mean over the seeds:
    /// one per architecture and metric that an expectation with a worse side (`below`,
    /// `above`, `atMost`, `atLeast`) reads, in file order; the tolerance is the smallest any
    /// of them states, else the default.
    public var baselineMetrics: [BaselineCheck] {
        var metrics: [BaselineCheck] = []
        var stated: [Double?] = []  // the smallest tolerance stated for each metric so far
        for expectation in expectations {
            let statement = expectation.statement
            guard let worse = statement.comparison.worse else { continue }
            if let i = metrics.firstIndex(where: { $0.architecture == statement.architecture && $0.metric == statement.metric }) {
                metrics[i].worse = metrics[i].worse.combined(with: worse)
                if let tolerance = statement.tolerance { stated[i] = min(stated[i] ?? tolerance, tolerance) }
                metrics[i].tolerance = stated[i] ?? Baseline.defaultTolerance
                continue
            }
            stated.append(statement.tolerance)
            let values = expectation.verdicts.compactMap(\.measured)
            let mean = values.count == expectation.verdicts.count && !values.isEmpty ? Self.mean(values) : nil
            metrics.append(BaselineCheck(architecture: statement.architecture, metric: statement.metric, unit: statement.unit, worse: worse,
                                         tolerance: statement.tolerance ?? Baseline.defaultTolerance, mean: mean))
        }
        return metrics
    }

    /// The arithmetic mean, summed in seed order so it is the same in every process, to the
    /// six decimals a baseline file keeps (so a figure just written compares equal).
    static func mean(_ values: [Double]) -> Double {
        Double(Format.decimal(values.reduce(0, +) / Double(values.count), decimals: 6)) ?? .nan
    }
}
