import Foundation
import SimReports
import SimScenario

/// `ripple check`: runs every scenario (under every seed of `--seeds`) and checks its
/// expectations, for CI. Writes no report folders.
struct CheckCommand: Command {
    static let name = "check"
    static let summary = "Run scenarios and check their expectations (for CI)"
    static let usage = "ripple check FILE|DIR... [--seeds LIST] [--jobs N] [--junit FILE] [--quiet]"
    static let options = [
        OptionSpec("seeds", value: "LIST", help: "run every scenario under each seed, as in 1..50 or 1,5,9 (default: its own)"),
        OptionSpec("jobs", value: "N", help: "runs at once, on N threads (default 1); the output is the same for any N"),
        OptionSpec("junit", value: "FILE", help: "also write the results as JUnit XML"),
        OptionSpec("quiet", help: "print only failures"),
    ]

    /// A limit on threads.
    static let maximumJobs = 256

    let paths: [String]
    let seeds: [UInt64]?
    let jobs: Int
    let junit: String?
    let isQuiet: Bool

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
        junit = arguments.value("junit")
        isQuiet = arguments.has("quiet")
    }

    func run(_ console: Console) throws -> ExitStatus {
        let files = ScenarioFiles.expand(paths)
        guard !files.isEmpty else { throw UsageError("no scenario files (*.json) in \(paths.joined(separator: ", "))") }
        let scenarios = try ScenarioFiles.loadAll(files)
        // One run per scenario with expectations and seed; the results come back in this order.
        let runs = scenarios.indices.flatMap { s in
            scenarios[s].expectations.isEmpty ? [] : (seeds ?? [scenarios[s].world.seed]).map { (scenario: s, seed: $0) }
        }
        let verdicts = ParallelRuns.map(runs.count, threads: jobs) { r in
            var scenario = scenarios[runs[r].scenario]
            scenario.setSeed(runs[r].seed)
            return ScenarioRunner.check(scenario, version: Ripple.version)
        }
        let report = CheckReport(sweep: seeds, scenarios: scenarios.indices.map { s in
            let mine = runs.indices.filter { runs[$0].scenario == s }
            return CheckedScenario(name: scenarios[s].name, file: files[s], expectations: scenarios[s].expectations.indices.map { e in
                CheckedExpectation(scenario: scenarios[s].name, file: files[s], seeds: mine.map { runs[$0].seed }, verdicts: mine.map { verdicts[$0][e] })
            })
        })
        console.write(report.rendered(isQuiet: isQuiet))
        if let junit {
            guard FileManager.default.createFile(atPath: junit, contents: Data(JUnitDocument.render(report).utf8)) else {
                throw ReportedError("ripple: cannot write the JUnit file \(junit)")
            }
        }
        return report.holds ? .success : .expectationFailed
    }
}
