/// Whether a scenario's architectures ran alike twice under every seed of a check.
public struct CheckedDeterminism: Sendable {
    /// The scenario's name.
    public var scenario: String
    /// The scenario file as the user named it.
    public var file: String
    /// The seeds, in order; `runs[i]` holds every architecture's pair of runs under `seeds[i]`.
    public var seeds: [UInt64]
    /// Under each seed, every architecture's pair of runs.
    public var runs: [[RepeatedRun]]
    /// Options the reproduction command needs besides the seed, as in ` --swarm`.
    public var runFlags = ""

    /// The check of `scenario` (from `file`): `runs[i]` holds every architecture's pair of runs
    /// under `seeds[i]`, so there must be one entry per seed.
    public init(scenario: String, file: String, seeds: [UInt64], runs: [[RepeatedRun]]) {
        precondition(seeds.count == runs.count, "one set of repeated runs per seed")
        self.scenario = scenario
        self.file = file
        self.seeds = seeds
        self.runs = runs
    }

    /// The check as a line.
    public static let text = "runs alike twice"

    /// Whether every architecture ran alike under every seed.
    public var holds: Bool { runs.allSatisfy { $0.allSatisfy(\.isAlike) } }

    /// The seeds under which some architecture's two runs differ.
    public var failingSeeds: [UInt64] { zip(seeds, runs).filter { !$0.1.allSatisfy(\.isAlike) }.map(\.0) }

    /// `sync 1234, events 2345 events each time`, `alike under all 12 seeds`, or the failing seeds.
    public func outcome(listingAtMost limit: Int = 20) -> String {
        let failing = failingSeeds
        if seeds.count == 1, let run = runs.first {
            guard failing.isEmpty else { return run.filter { !$0.isAlike }.map(\.architecture).joined(separator: ", ") + " differed" }
            return run.map { "\($0.architecture) \($0.events[0])" }.joined(separator: ", ") + " events both times"
        }
        guard !failing.isEmpty else { return "alike under all \(seeds.count) seeds" }
        return "differed under \(failing.count) of \(seeds.count) seeds: " + CheckedExpectation.list(failing, atMost: limit)
    }

    /// Under the first failing seed, each differing architecture's two runs and where they part ways.
    public var details: [String] {
        guard let seed = failingSeeds.first, let i = seeds.firstIndex(of: seed) else { return [] }
        return runs[i].filter { !$0.isAlike }.flatMap { run in
            [String(run.line.dropFirst(2)) + (seeds.count > 1 ? " (seed \(seed))" : ""), "  " + (run.difference ?? "")]
        }
    }

    /// The command that repeats the first failing seed's runs, or `nil` when all ran alike.
    public var reproduction: String? {
        failingSeeds.first.map { "ripple run \(Shell.quote(file)) --seed \($0)\(runFlags) --check-determinism" }
    }
}
