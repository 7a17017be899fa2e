import Foundation
import SimReports
import SimScenario

/// `ripple check`: runs every scenario (under every seed of `--seeds`) and checks its
/// expectations, for CI; optionally that every run repeats, how the means compare with a
/// baseline. Writes no report folders.
struct CheckCommand: Command {
    static let name = "check"
    static let summary = "Run scenarios and check their expectations (for CI)"
    static let usage = "ripple check FILE|DIR... [--seeds LIST] [--jobs N] [--check-determinism] [--baseline FILE [--update-baseline]] "
        + "[--junit FILE] [--quiet]"
    static let options = [
        OptionSpec("seeds", value: "LIST", help: "run every scenario under each seed, as in 1..50 or 1,5,9 (default: its own)"),
        OptionSpec("jobs", value: "N", help: "runs at once, on N threads (default 1); the output is the same for any N"),
        OptionSpec("check-determinism", help: "run every architecture twice and check both runs handle the same events"),
    ] + CheckOutput.options

    /// A limit on threads.
    static let maximumJobs = 256

    let paths: [String]
    let seeds: [UInt64]?
    let jobs: Int
    let checksDeterminism: Bool
    let output: CheckOutput

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
        output = try CheckOutput(arguments)
    }

    func run(_ console: Console) throws -> ExitStatus {
        let files = ScenarioFiles.expand(paths)
        guard !files.isEmpty else { throw UsageError("no scenario files (*.json) in \(paths.joined(separator: ", "))") }
        let scenarios = try ScenarioFiles.loadAll(files)
        let plan = CheckPlan(scenarios, files: files, sweep: seeds, checksDeterminism: checksDeterminism)
        try plan.requireSeedsForMeans()
        let figures = try output.loadBaseline()
        let mine = plan.pairs
        let results = ParallelRuns.map(mine.count, threads: jobs) { r in
            var scenario = scenarios[mine[r].subject]
            scenario.setSeed(mine[r].seed)
            return Self.check(scenario, checksDeterminism: checksDeterminism)
        }
        var runs = plan.subjects.map { _ in [CheckRun]() }
        for (r, pair) in mine.enumerated() { runs[pair.subject].append(results[r]) }
        return try output.finish(plan.report(runs), figures: figures, console: console)
    }

    /// One run of `scenario` (its seed already set): every expectation's verdict and, when
    /// asked, whether each architecture runs alike twice (then every architecture runs).
    static func check(_ scenario: Scenario, checksDeterminism: Bool) -> CheckRun {
        guard checksDeterminism else { return CheckRun(seed: scenario.world.seed, verdicts: ScenarioRunner.check(scenario, version: Ripple.version)) }
        let (outcomes, repeats) = ScenarioRunner.runTwice(scenario, version: Ripple.version)
        let verdicts = scenario.verdicts(for: MetricsDocument.document(RunReport(scenario: scenario, outcomes: outcomes, version: Ripple.version)))
        return CheckRun(seed: scenario.world.seed, verdicts: verdicts, repeats: repeats)
    }
}
