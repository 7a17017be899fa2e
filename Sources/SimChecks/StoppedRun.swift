/// An architecture's run, under one seed, that a limit stopped before its planned end (the
/// event budget, or a waiting line or a broker backlog past the line limit): it measured only
/// part of the scenario, so whatever its expectations say, the check fails.
public struct StoppedRun: Sendable {
    /// The seed of the run.
    public var seed: UInt64
    /// The failed verdict saying where the run stopped and why.
    public var verdict: Verdict
    /// The scenario file as the user named it.
    public var file: String
    /// Options the reproduction command needs besides the seed, as in ` --swarm`.
    public var runFlags: String

    /// A stopped run of `file` under `seed`, as `verdict` says.
    public init(seed: UInt64, verdict: Verdict, file: String, runFlags: String = "") {
        self.seed = seed
        self.verdict = verdict
        self.file = file
        self.runFlags = runFlags
    }

    /// What stopped: `sync stopped at the event budget at t = 9.37 s of 24 h`.
    public var text: String { verdict.text }

    /// `stopped with seed 7`, as a check line's outcome.
    public var outcome: String { "stopped with seed \(seed)" }

    /// The command that repeats the run.
    public var reproduction: String { "ripple run \(Shell.quote(file)) --seed \(seed)" + runFlags }
}
