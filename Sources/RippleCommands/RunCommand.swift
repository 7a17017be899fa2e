import SimKernel
import SimReports
import SimScenario

/// `ripple run`: runs scenarios through every architecture and writes their reports.
struct RunCommand: Command {
    static let name = "run"
    static let summary = "Run scenarios through each architecture and write reports"
    static let usage = "ripple run FILE... [--seed N] [--out DIR] [--only ARCH] [--quiet]"
    static let options = [
        OptionSpec("seed", value: "N", help: "use this seed instead of the scenario's"),
        OptionSpec("out", value: "DIR", help: "the report folder (default reports/<name>; with several files, DIR/<name>)"),
        OptionSpec("only", value: "ARCH", help: "run only this architecture (repeatable)"),
        OptionSpec("quiet", help: "print nothing but errors and failed expectations"),
    ]

    let files: [String]
    let seed: UInt64?
    let out: String?
    let only: [String]
    let isQuiet: Bool

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
        isQuiet = arguments.has("quiet")
    }

    func run(_ console: Console) throws -> ExitStatus {
        var scenarios = try ScenarioFiles.loadAll(files)
        for i in scenarios.indices {
            if let seed { scenarios[i].setSeed(seed) }
            let names = scenarios[i].architectures.map(\.name)
            for name in only where !names.contains(name) {
                let hint = Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                throw UsageError("--only \(name): \(files[i]) has no such architecture\(hint); it has \(names.joined(separator: ", "))")
            }
        }
        var status = ExitStatus.success
        for (i, var scenario) in scenarios.enumerated() {
            let meter = console.isInteractive && !isQuiet ? ProgressMeter(console: console, length: scenario.world.end.sinceStart) : nil
            let outcomes = ScenarioRunner.run(scenario, only: only, progress: meter.map { meter in { meter.report($0, $1, $2) } })
            meter?.finish()
            // With --only, expectations that read an architecture left out cannot be checked.
            let ran = outcomes.map(\.name)
            let skipped = scenario.expectations.count
            scenario.expectations.removeAll { !$0.architecturesRead.allSatisfy(ran.contains) }
            var report = RunReport(scenario: scenario, outcomes: outcomes, version: Ripple.version)
            report.verdicts = scenario.verdicts(for: MetricsDocument.document(report))
            if report.verdicts.contains(where: { !$0.holds }) { status = .expectationFailed }
            let folder = reportFolder(for: scenario, index: i)
            try ReportFolder.write(report, to: folder)
            if isQuiet {
                for verdict in report.verdicts where !verdict.holds { console.write("\(scenario.name): \(verdict.line)\n") }
                continue
            }
            console.write("\(scenario.name) — seed \(scenario.world.seed)\n\n")
            let header = ["figure"] + report.architectures.map(\.name)
            console.write(Table(rows: [header] + HeadlineRows.rows(report, compact: true)).rendered)
            for outcome in outcomes where outcome.stop == .eventBudget {
                console.write("warning: \(outcome.name) hit the event budget; its figures cover only part of the run\n")
            }
            write(report.verdicts, skipped: skipped - scenario.expectations.count, to: console)
            console.write("\nreport: \(folder)/\n\n")
        }
        return status
    }

    /// The expectations' verdicts, one line each, with the reason under each failure.
    func write(_ verdicts: [Verdict], skipped: Int, to console: Console) {
        guard !verdicts.isEmpty || skipped > 0 else { return }
        console.write("\nexpectations\n")
        for verdict in verdicts {
            console.write("  " + verdict.line + "\n")
            if !verdict.holds, let why = verdict.why { console.write("    why: " + why + "\n") }
        }
        if skipped > 0 { console.write("  (\(skipped) not checked: they read an architecture left out by --only)\n") }
    }

    func reportFolder(for scenario: Scenario, index: Int) -> String {
        guard let out else { return "reports/" + scenario.name }
        return files.count == 1 ? out : out + "/" + scenario.name
    }
}
