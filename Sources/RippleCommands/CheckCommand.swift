import SimChecks
import SimMetrics
import SimReports
import SimRuns
import SimScenario

/// `ripple check`: runs every scenario (under every seed of `--seeds`) and checks its
/// expectations, for CI; optionally that every run repeats, how the means compare with a
/// baseline, and only one shard's slice of the runs. Writes no report folders.
struct CheckCommand: Command {
    static let name = "check"
    static let summary = "Run scenarios and check their expectations (for CI)"
    static let usage = "ripple check FILE|DIR... [--seeds LIST] [--jobs N] [--check-determinism] [--swarm] [--baseline FILE [--update-baseline]] "
        + "[--shard K/N|auto [--shard-count N] [--shard-out FILE]] [--junit FILE] [--quiet] [--memory-budget SIZE]"
    static let options = [
        OptionSpec("seeds", value: "LIST", help: "run every scenario under each seed, as in 1..50 or 1,5,9 (default: its own)"),
        OptionSpec("jobs", value: "N", help: "runs at once, on N threads (default 1; with fewer runs than N, a run's architectures share them); the output is the same for any N"),
        OptionSpec("check-determinism", help: "run every architecture twice and check both runs handle the same events"),
        OptionSpec("swarm", help: "draw each seed's faults and arrival rate within the bounds of the scenario's \"swarm\""),
        OptionSpec("shard", value: "K/N|auto", help: "make only shard K of N's runs; auto reads a Slurm array or Kubernetes Indexed Job"),
        OptionSpec("shard-count", value: "N", help: "with --shard auto under Kubernetes: how many shards (or RIPPLE_SHARD_COUNT)"),
        OptionSpec("shard-out", value: "FILE", help: "write the shard's results for ripple merge"),
        MemoryBudget.option,
    ] + CheckOutput.options

    /// A limit on threads.
    static let maximumJobs = 256

    let paths: [String]
    let seeds: [UInt64]?
    let jobs: Int
    let checksDeterminism: Bool
    let swarms: Bool
    let shard: String?
    let shardCount: String?
    let shardOut: String?
    let output: CheckOutput
    let memoryBudget: Int64

    init(_ arguments: ParsedArguments) throws {
        paths = arguments.positionals
        guard !paths.isEmpty else { throw UsageError("check needs at least one scenario file or folder") }
        seeds = try arguments.value("seeds").map(SeedList.parse)
        if let text = arguments.value("jobs") {
            guard let value = Int(text), (1...Self.maximumJobs).contains(value) else {
                throw UsageError("--jobs expects a whole number from 1 to \(Self.maximumJobs), found '\(text)'")
            }
            jobs = value
        } else {
            jobs = 1
        }
        checksDeterminism = arguments.has("check-determinism")
        swarms = arguments.has("swarm")
        shard = arguments.value("shard")
        shardCount = arguments.value("shard-count")
        shardOut = arguments.value("shard-out")
        output = try CheckOutput(arguments)
        memoryBudget = try MemoryBudget.parse(arguments)
        if shard == nil, shardCount != nil || shardOut != nil {
            throw UsageError("--\(shardCount != nil ? "shard-count" : "shard-out") goes with --shard K/N or --shard auto")
        }
        if shard != nil, output.baseline != nil {
            throw UsageError("--baseline compares the means over every seed: give it to ripple merge, not to one shard")
        }
    }

    func run(_ console: Console) throws -> ExitStatus {
        let part = try shard.map { try ShardSpec.parse($0, shardCount: shardCount, environment: ProcessEnvironment.variables) }
        let files = try ScenarioFiles.expand(paths, console: console)
        guard !files.isEmpty else { throw UsageError("no scenario files (*.json) in \(paths.joined(separator: ", "))") }
        try output.checkWritable(sparing: files, alongside: shardOut.map { [(option: "shard-out", path: $0)] } ?? [])
        do {
            if let shardOut { try OutputFile.checkWritable(shardOut, sparing: InputFiles(files + [output.baseline].compactMap { $0 })) }
        } catch {
            throw ReportedError("ripple: cannot write the shard file \(error.message)")
        }
        let scenarios = try ScenarioFiles.loadAll(files, memoryBudget: memoryBudget, swarming: swarms)
        if swarms { try ScenarioFiles.requireSwarms(scenarios, files: files) }
        let plan = CheckPlan(scenarios, files: files, sweep: seeds, checksDeterminism: checksDeterminism, swarms: swarms,
                             memoryBudget: memoryBudget)
        try plan.requireDistinctNames()
        try plan.requireSeedsForMeans()
        let figures = try output.loadBaseline(for: plan)
        let all = plan.pairs
        let mine = all.indices.filter { part?.contains(run: $0) ?? true }.map { all[$0] }
        if !mine.isEmpty, !output.isQuiet {
            // On standard error: standard output is the checks' results, the same as a merge of shards gives.
            let checked = Array(Set(mine.map(\.subject))).sorted().map { scenarios[$0] }
            console.writeError(LimitsLine.text("check", scenarios: checked, item: "scenario", budget: memoryBudget))
        }
        let printer = ScenarioLinePrinter(plan: plan, jobs: mine.map(\.subject), isShard: part != nil, output: output, figures: figures, console: console)
        // Threads left over when there are fewer runs than jobs go to each run's architectures.
        let (checksDeterminism, inner) = (self.checksDeterminism, max(1, jobs / max(1, mine.count)))
        let meter = output.isQuiet ? nil : RunsProgress("check", total: mine.count, console: console)
        var progress: (@Sendable (Int) -> Void)?
        if let meter { progress = { meter.report(done: $0) } }
        let results = ParallelRuns.map(mine.count, threads: jobs, progress: progress, inOrder: { (job: Int, run: CheckRun) in
            meter?.clear()
            printer.finished(job, run)
        }) { r in
            var scenario = scenarios[mine[r].subject]
            scenario.setSeed(mine[r].seed)
            return ScenarioRunner.check(scenario, checksDeterminism: checksDeterminism, threads: inner)
        }
        var runs = plan.subjects.map { _ in [CheckRun]() }
        for (r, pair) in mine.enumerated() { runs[pair.subject].append(results[r]) }
        let report = plan.report(runs, shard: part.map { ShardPart(index: $0.index, count: $0.count, runs: mine.count, totalRuns: all.count) })
        if let shardOut, let part {
            try ShardFile(plan: plan, shard: part, version: Ripple.version, runs: runs).write(to: shardOut)
        }
        return try output.finish(report, figures: figures, printedScenarios: true, console: console)
    }
}
