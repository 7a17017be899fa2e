import SimMetrics
import SimReports
import SimRuns
import SimScenario

/// `ripple sweep`: runs a scenario under every combination of values of some of its fields and
/// every seed, and aggregates chosen metrics over the seeds per architecture (mean and 95 %
/// confidence interval), into tables, `sweep.csv`, `sweep.json`, a plot per metric and `sweep.html`.
struct SweepCommand: Command {
    static let name = "sweep"
    static let summary = "Run a scenario over values of its fields and many seeds; means, intervals, plots"
    static let usage = "ripple sweep FILE --vary PATH=VALUES [--vary ...] [--seeds LIST] [--metric M ...] [--out DIR] [--jobs N] [--memory-budget SIZE]"
    static let options = [
        OptionSpec("vary", value: "PATH=VALUES", isRepeatable: true, help: "a field by its path and its values: a list (100ms,1s,4s) or a range with a count (50/s..400/s:8); repeatable"),
        OptionSpec("seeds", value: "LIST", help: "run every combination under each seed, as in 1..20 or 1,5,9 (default 1..20)"),
        OptionSpec("metric", value: "M", isRepeatable: true, help: "a metric path as in expectations (repeatable; default latency.success.p99Ms and consistency.total.missingAtEnd)"),
        OptionSpec("out", value: "DIR", help: "where to write sweep.csv, sweep.json, the plots and sweep.html (default reports/<name>-sweep)"),
        OptionSpec("jobs", value: "N", help: "runs at once, on N threads (default 1); the output is the same for any N"),
        MemoryBudget.option,
    ]

    /// The metrics aggregated when no `--metric` is given.
    static let defaultMetrics = ["latency.success.p99Ms", "consistency.total.missingAtEnd"]
    /// The seeds used when no `--seeds` is given.
    static let defaultSeeds: [UInt64] = Array(1...20)
    /// A limit on runs (combinations × seeds) in one sweep.
    static let maximumRuns = 100_000

    let file: String
    let variations: [String]
    let seeds: [UInt64]
    let metrics: [String]
    let out: String?
    let jobs: Int
    let memoryBudget: Int64

    init(_ arguments: ParsedArguments) throws {
        guard arguments.positionals.count == 1, let file = arguments.positionals.first else {
            throw UsageError("sweep needs exactly one scenario file")
        }
        self.file = file
        variations = arguments.allValues("vary")
        guard !variations.isEmpty else { throw UsageError("sweep needs at least one --vary PATH=VALUES") }
        seeds = try arguments.value("seeds").map(SeedList.parse) ?? Self.defaultSeeds
        let metrics = arguments.allValues("metric")
        for (i, metric) in metrics.enumerated() where metrics[..<i].contains(metric) {
            throw UsageError("--metric \(metric) is given twice")
        }
        self.metrics = metrics.isEmpty ? Self.defaultMetrics : metrics
        out = arguments.value("out")
        jobs = try ParallelRuns.threads(arguments.value("jobs"))
        memoryBudget = try MemoryBudget.parse(arguments)
    }

    func run(_ console: Console) throws -> ExitStatus {
        if let problem = ScenarioFiles.notRegular(file) { throw ReportedError(problem) }
        let sweep: ScenarioSweep
        do {
            sweep = try ScenarioSweep(file: file, variations: variations, memoryBudget: memoryBudget)
        } catch let error as SweepError {
            throw UsageError(error.description)
        } catch {
            throw ReportedError("\(error)")
        }
        for metric in metrics {
            if let problem = sweep.base.problem(withMetric: metric) { throw UsageError("--metric \(metric): \(problem)") }
        }
        let runs = sweep.combinations.count * seeds.count
        guard runs <= Self.maximumRuns else {
            throw UsageError("\(sweep.combinations.count) combinations × \(seeds.count) seeds make \(runs) runs; at most \(Self.maximumRuns) are allowed")
        }
        let folder = out ?? "reports/" + sweep.base.name + "-sweep"
        let output = try SweepFolder.prepare(folder, sparing: InputFiles([file]))
        console.write(LimitsLine.text(sweep.base.name, scenarios: sweep.scenarios, budget: memoryBudget))
        let (measured, stopped) = measure(sweep, console: console)
        let paths = sweep.base.metricPaths
        var report = SweepReport(
            name: sweep.base.name, description: sweep.base.description, version: Ripple.version, seeds: seeds,
            parameters: sweep.parameters, architectures: sweep.base.architectures.map(\.name), metrics: metrics,
            combinations: sweep.combinations, measures: paths.map { paths in metrics.map(paths.contains) },
            measured: stride(from: 0, to: runs, by: seeds.count).map { Array(measured[$0..<$0 + seeds.count]) })
        report.stops = stopped
        try SweepFolder.write(report, to: output)
        console.write(report.rendered)
        console.write("\nfiles: \(folder.printable)/ (sweep.csv, sweep.json, sweep.html, \(SweepChart.charts(of: report).map(\.fileName).joined(separator: ", ")))\n")
        return .success
    }

    /// Every combination under every seed, in that order: for each run, each architecture's
    /// value of each metric as its `metrics.json` writes it, a truth value as 1 or 0 (`nil` where
    /// it has none); and the runs a limit stopped before their end.
    func measure(_ sweep: ScenarioSweep, console: Console) -> (values: [[[Double?]]], stops: [SweepStop]) {
        let (scenarios, seeds, metrics) = (sweep.scenarios, self.seeds, self.metrics)
        let total = scenarios.count * seeds.count
        let meter = RunsProgress("sweep", total: total, console: console)
        var progress: (@Sendable (Int) -> Void)?
        if let meter { progress = { meter.report(done: $0) } }
        let results = ParallelRuns.map(total, threads: jobs, progress: progress) { run in
            var scenario = scenarios[run / seeds.count]
            scenario.setSeed(seeds[run % seeds.count])
            let outcomes = ScenarioRunner.run(scenario)
            let measurements = Measurements(scenario: scenario, outcomes: outcomes)
            let values = scenario.architectures.map { architecture in
                metrics.map { measurements.value(at: $0, in: architecture.name)?.measuredValue }
            }
            let stops = outcomes.indices.compactMap { a in
                outcomes[a].metrics.stoppedAt.map { SweepStop(combination: run / seeds.count, architecture: a, seed: seeds[run % seeds.count], at: $0) }
            }
            return (values, stops)
        }
        return (results.map(\.0), results.flatMap(\.1))
    }
}
