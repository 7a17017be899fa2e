import SimChecks
import SimReports
import SimRuns
import SimScenario

/// `ripple shrink`: when an expectation fails under a seed, finds a smaller scenario that
/// still fails it and writes that scenario.
struct ShrinkCommand: Command {
    static let name = "shrink"
    static let summary = "Find a smaller scenario that still fails an expectation under a seed"
    static let usage = "ripple shrink FILE --seed N [--out FILE] [--runs N] [--memory-budget SIZE]"
    static let options = [
        OptionSpec("seed", value: "N", help: "the seed the expectation fails under (required)"),
        OptionSpec("out", value: "FILE", help: "where to write the smaller scenario (default <name>.shrunk.json)"),
        OptionSpec("runs", value: "N", help: "a limit on runs (default 200)"),
        MemoryBudget.option,
    ]

    /// A limit on the `--runs` limit.
    static let maximumRuns = 10_000

    let file: String
    let seed: UInt64
    let out: String?
    let runLimit: Int
    let memoryBudget: Int64

    init(_ arguments: ParsedArguments) throws {
        guard arguments.positionals.count == 1, let file = arguments.positionals.first else {
            throw UsageError("shrink takes one scenario file")
        }
        self.file = file
        guard let text = arguments.value("seed") else { throw UsageError("shrink needs --seed N, the seed the expectation fails under") }
        guard let seed = UInt64(text) else { throw UsageError("--seed expects a whole number from 0 to 2^64−1, found '\(text)'") }
        self.seed = seed
        out = arguments.value("out")
        if let text = arguments.value("runs") {
            guard let value = Int(text), (1...Self.maximumRuns).contains(value) else {
                throw UsageError("--runs expects a whole number from 1 to \(Self.maximumRuns), found '\(text)'")
            }
            runLimit = value
        } else {
            runLimit = 200
        }
        memoryBudget = try MemoryBudget.parse(arguments)
    }

    func run(_ console: Console) throws -> ExitStatus {
        let scenario = try ScenarioFiles.loadAll([file], memoryBudget: memoryBudget)[0]
        let path = out ?? scenario.name + ".shrunk.json"
        do {
            try OutputFile.checkWritable(path, sparing: InputFiles([file]))
        } catch {
            throw ReportedError("ripple: cannot write the shrunk scenario \(error.message)")
        }
        guard let failing = ScenarioShrinker.firstFailure(in: scenario, seed: seed) else {
            console.write("nothing to shrink: every expectation of \(scenario.name) holds under seed \(seed)\n")
            return .success
        }
        let document = try JSONFields(file: file).document()
        let shrinker = ScenarioShrinker(file: file, seed: seed, target: failing.text, runLimit: runLimit, memoryBudget: memoryBudget)
        guard let result = shrinker.shrink(document) else {
            throw ReportedError("ripple: \(file): \"\(failing.text)\" failed in the check but not when run alone under seed \(seed); please report this")
        }
        console.write("shrinking \(scenario.name) under seed \(seed) while \"\(failing.text)\" fails \(result.reason)\n")
        for step in result.steps { console.write("  " + step + "\n") }
        let text = shrinker.finished(result.document, name: scenario.name).renderedInOrder()
        do {
            try OutputFile.write(text, to: path)
        } catch {
            throw ReportedError("ripple: cannot write the shrunk scenario \(error.message)")
        }
        let summary = result.steps.isEmpty ? "nothing could go" : "\(result.steps.count) step\(result.steps.count == 1 ? "" : "s") kept"
        console.write("shrunk in \(result.runs) run\(result.runs == 1 ? "" : "s"): \(summary); wrote \(path)\n")
        let budget = MemoryBudget.flag(memoryBudget)
        if result.hitLimit {
            console.write("stopped at the limit of \(runLimit) runs: it may shrink further (ripple shrink \(Shell.quote(path)) --seed \(seed)\(budget))\n")
        }
        console.write("reproduce: ripple run \(Shell.quote(path))\(budget)\n")
        return .expectationFailed
    }
}
