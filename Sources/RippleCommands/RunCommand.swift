import SimChecks
import SimKernel
import SimMetrics
import SimReports
import SimRuns
import SimScenario

/// `ripple run`: runs scenarios through every architecture and writes their reports.
struct RunCommand: Command {
    static let name = "run"
    static let summary = "Run scenarios through each architecture and write reports"
    static let usage = "ripple run FILE... [--seed N] [--out DIR] [--only ARCH] [--jobs N] [--check-determinism] [--swarm] [--quiet] [--memory-budget SIZE]"
    static let options = [
        OptionSpec("seed", value: "N", help: "use this seed instead of the scenario's"),
        OptionSpec("out", value: "DIR", help: "the report folder (default reports/<name>; with several files, DIR/<name>)"),
        OptionSpec("only", value: "ARCH", isRepeatable: true, help: "run only this architecture (repeatable)"),
        OptionSpec("jobs", value: "N", help: "architectures at once, one thread each, and as many report files rendered at once (default: the processors); the output is the same for any N"),
        OptionSpec("check-determinism", help: "run each architecture twice and check both runs handle the same events"),
        OptionSpec("swarm", help: "draw the seed's faults and arrival rate within the bounds of the scenario's \"swarm\""),
        OptionSpec("quiet", help: "print nothing but errors, failed expectations and runs that differ"),
        MemoryBudget.option,
    ]

    let files: [String]
    let seed: UInt64?
    let out: String?
    let only: [String]
    /// Threads for one scenario's architectures (and, with `--check-determinism`, their second runs).
    let jobs: Int
    let isQuiet: Bool
    let checksDeterminism: Bool
    let swarms: Bool
    let memoryBudget: Int64

    init(_ arguments: ParsedArguments) throws {
        files = arguments.positionals
        guard !files.isEmpty else { throw UsageError("run needs at least one scenario file") }
        if let text = arguments.value("seed") {
            guard let value = UInt64(text) else { throw UsageError("--seed expects a whole number from 0 to 2^64−1, found '\(text)'") }
            seed = value
        } else {
            seed = nil
        }
        out = arguments.value("out")
        only = arguments.allValues("only")
        jobs = try arguments.value("jobs").map { try ParallelRuns.threads($0) } ?? ProcessEnvironment.processorCount
        isQuiet = arguments.has("quiet")
        checksDeterminism = arguments.has("check-determinism")
        swarms = arguments.has("swarm")
        memoryBudget = try MemoryBudget.parse(arguments)
    }

    func run(_ console: Console) throws -> ExitStatus {
        var scenarios = try ScenarioFiles.loadAll(files, memoryBudget: memoryBudget, swarming: swarms)
        if swarms { try ScenarioFiles.requireSwarms(scenarios, files: files) }
        for i in scenarios.indices {
            if let seed { scenarios[i].setSeed(seed) }
            let names = scenarios[i].architectures.map(\.name)
            for name in only where !names.contains(name) {
                let hint = Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                throw UsageError("--only \(name): \(files[i]) has no such architecture\(hint); it has \(names.joined(separator: ", "))")
            }
        }
        let folders = try prepareFolders(for: scenarios)
        var status = ExitStatus.success
        for (i, var scenario) in scenarios.enumerated() {
            if !isQuiet { console.write(LimitsLine.text(scenario.name, scenarios: [scenario], budget: memoryBudget)) }
            var outcomes: [ArchitectureOutcome], repeats: [RepeatedRun] = []
            if checksDeterminism {
                (outcomes, repeats) = ScenarioRunner.runTwice(scenario, only: only, threads: jobs)
                if repeats.contains(where: { !$0.isAlike }) { status = .expectationFailed }
            } else {
                let meter = console.isInteractive && !isQuiet ? ProgressMeter(console: console, length: scenario.world.end.sinceStart, eventBudget: scenario.world.eventBudget) : nil
                var progress: (@Sendable (String, Instant, Int) -> Void)?
                if let meter { progress = { meter.report($0, $1, $2) } }
                outcomes = ScenarioRunner.run(scenario, only: only, threads: jobs, progress: progress)
                meter?.finish()
            }
            // With --only, expectations that read an architecture left out cannot be checked.
            let ran = outcomes.map(\.name)
            let means = scenario.expectations.filter(\.isAboutTheMean).count
            scenario.expectations.removeAll(where: \.isAboutTheMean)  // one run has no mean over seeds
            let skipped = scenario.expectations.count
            scenario.expectations.removeAll { !$0.architecturesRead.allSatisfy(ran.contains) }
            var report = RunReport(scenario: scenario, outcomes: outcomes, version: Ripple.version)
            let measurements = report.measurements
            report.verdicts = scenario.verdicts(for: measurements)
            report.unchecked = Self.unchecked(leftOut: skipped - scenario.expectations.count, means: means)
            if report.verdicts.contains(where: { !$0.holds }) { status = .expectationFailed }
            for outcome in outcomes {
                guard let error = outcome.metrics.ledger.firstError else { continue }
                console.write("\(scenario.name): error: \(outcome.name) with seed \(scenario.world.seed): model error: \(error)\n")
                status = .expectationFailed
            }
            let folder = folders[i].path
            try ReportFolder.write(report, measurements: measurements, threads: jobs, to: folders[i])
            if isQuiet {
                for verdict in report.verdicts where !verdict.holds { console.write("\(scenario.name): \(verdict.line)\n") }
                for repeated in repeats where !repeated.isAlike { console.write("\(scenario.name): \(repeated.line)\n  \(repeated.difference!)\n") }
                continue
            }
            console.write("\(scenario.name) — seed \(scenario.world.seed)\n")
            if let draw = scenario.swarmDraw { console.write("swarm: \(draw.summary)\n") }
            write(faults: report, to: console)
            console.write("\n")
            let header = ["figure"] + report.architectures.map(\.name)
            console.write(Table(rows: [header] + HeadlineRows.rows(report, compact: true)).rendered)
            for sentence in report.stoppedEarly { console.write("warning: \(sentence.printable)\n") }
            let reproduction = "ripple run \(Shell.quote(files[i])) --seed \(scenario.world.seed)" + (swarms ? " --swarm" : "")
                + MemoryBudget.flag(memoryBudget)
            write(report.verdicts, unchecked: report.unchecked, reproduction: reproduction, to: console)
            write(repeats, to: console)
            console.write("\nreport: \(folder.printable)/report.html\n")
            console.write("trace:  \(folder.printable)/trace.json (open it in https://ui.perfetto.dev)\n\n")
        }
        return status
    }

    /// The run's length, where its figures start when a warm-up leaves its start out, and the
    /// fault schedule as the scenario states it, one line each: what, where, from when to when.
    func write(faults report: RunReport, to console: Console) {
        console.write("arrivals for \(Format.duration(report.duration)), then a drain of \(Format.duration(report.drain))\n")
        if let warmup = report.warmupText { console.write("figures from \(warmup), after the warm-up\n") }
        guard !report.faults.isEmpty else { return console.write("faults: none\n") }
        console.write("faults:\n")
        for fault in report.faults { console.write("  " + fault.printable + "\n") }
    }

    /// Why expectations were not checked in one run: `leftOut` read an architecture left out by
    /// `--only`, `means` are about a mean over seeds.
    static func unchecked(leftOut: Int, means: Int) -> [String] {
        (leftOut > 0 ? ["\(leftOut) not checked: they read an architecture left out by --only"] : [])
            + (means > 0 ? ["\(means) not checked: a mean over seeds needs ripple check --seeds"] : [])
    }

    /// The expectations' verdicts, one line each, then what was measured against the limit,
    /// the scenario's reason, and under a failure the command that repeats it; then how many
    /// were left out and why.
    func write(_ verdicts: [Verdict], unchecked: [String], reproduction: String, to console: Console) {
        guard !verdicts.isEmpty || !unchecked.isEmpty else { return }
        console.write("\nexpectations\n")
        for verdict in verdicts {
            console.write("  " + verdict.line + "\n")
            console.write("      " + verdict.judgement + "\n")
            if let why = verdict.why { console.write("      why: " + why.printable + "\n") }
            if !verdict.holds { console.write("      reproduce: " + reproduction + "\n") }
        }
        for clause in unchecked { console.write("  (\(clause))\n") }
    }

    /// The determinism check's lines, one per architecture, with where the runs part ways.
    func write(_ repeats: [RepeatedRun], to console: Console) {
        guard !repeats.isEmpty else { return }
        console.write("\ndeterminism: each architecture ran twice\n")
        for repeated in repeats {
            console.write("  " + repeated.line + "\n")
            if let difference = repeated.difference { console.write("    " + difference + "\n") }
        }
    }

    /// Every scenario's report folder, checked before anything runs: no two scenarios share one,
    /// and each can be written, or the operating system's reason why not.
    func prepareFolders(for scenarios: [Scenario]) throws -> [OutputFolder] {
        let paths = scenarios.map(reportFolder(for:))
        for j in paths.indices {
            guard let i = paths[..<j].firstIndex(of: paths[j]) else { continue }
            throw UsageError("\(files[i]) and \(files[j]) are both named '\(scenarios[j].name)': their reports would overwrite each other in \(paths[j]); give them different names")
        }
        let inputs = InputFiles(files)
        return try paths.map { path throws(OutputError) in try ReportFolder.prepare(path, sparing: inputs) }
    }

    func reportFolder(for scenario: Scenario) -> String {
        guard let out else { return "reports/" + scenario.name }
        return files.count == 1 ? out : out + "/" + scenario.name
    }
}
