import SimChecks
import SimKernel
import SimMetrics

/// Everything a report shows about one run of a scenario: what was run, under which
/// faults, and what each architecture measured. Writers turn it into files.
public struct RunReport: Sendable {
    /// The scenario's name, which also names the report folder.
    public var name: String
    /// What the scenario shows and what to look for; empty when it says nothing.
    public var description: String
    /// The seed every architecture ran under, so the run can be repeated.
    public var seed: UInt64
    /// How long requests arrived for, from the start of the run.
    public var duration: TimeSpan
    /// How long the run went on after arrivals stopped, so backlogs could drain.
    public var drain: TimeSpan
    /// Ripple's version, so a report says what produced it.
    public var version: String
    /// The fault schedule as stated, one line per fault.
    public var faults: [String]
    /// The fault windows, for shading charts.
    public var windows: [FaultWindow]
    /// Each architecture's results, in the order the scenario lists them.
    public var architectures: [ArchitectureReport]
    /// Node names by node number: the services, then the broker.
    public var nodeNames: [String] = []
    /// The scenario's expectations, checked against this run (empty when it states none).
    public var verdicts: [Verdict] = []
    /// Why some of the scenario's expectations were not checked in this run, one clause per
    /// reason, as `2 not checked: they read an architecture left out by --only`; empty when
    /// every one was.
    public var unchecked: [String] = []

    /// The run's verdict over the expectations it checked (`not checked` when it left out
    /// every one the scenario states).
    public var verdict: RunVerdict { RunVerdict(verdicts, someUnchecked: !unchecked.isEmpty) }
    /// The 64-bit FNV-1a hash of the scenario file's bytes, so the report can be traced to its
    /// input; `nil` when the scenario was not read from a file as it stands.
    public var scenarioHash: UInt64?

    /// A report of one run, without node names or verdicts (set them afterwards).
    public init(name: String, description: String, seed: UInt64, duration: TimeSpan, drain: TimeSpan, version: String,
                faults: [String], windows: [FaultWindow], architectures: [ArchitectureReport]) {
        self.name = name
        self.description = description
        self.seed = seed
        self.duration = duration
        self.drain = drain
        self.version = version
        self.faults = faults
        self.windows = windows
        self.architectures = architectures
    }

    /// Simulated time from start to the end of the drain.
    public var length: TimeSpan { duration + drain }

    /// One sentence per architecture a limit (the event budget, or the limit of a waiting line or a topic's backlog)
    /// stopped before the end of the run, saying where; empty when every run reached its end.
    /// Every output shows them.
    public var stoppedEarly: [String] {
        architectures.compactMap { a in
            a.metrics.stoppedAt.map { at in
                let when = "at t = \(Format.duration(nanoseconds: Double(at.nanoseconds))) of \(Format.duration(nanoseconds: Double(length.nanoseconds)))"
                guard let overflow = a.metrics.lineOverflow else {
                    return "\(a.name) stopped at the event budget (\(a.events) events) \(when): its figures cover only part of the run"
                }
                return "\(a.name) stopped: \(overflow.passed) \(when); \(overflow.remedy). Its figures cover only part of the run"
            }
        }
    }

    /// Every figure each architecture measured, named as `metrics.json` names them.
    public var measurements: Measurements {
        Measurements(seed: seed, duration: duration, drain: drain, windows: windows, architectures: architectures)
    }

    /// When the warm-up ended, as the page and the summary show it ("12.3s"); `nil` without
    /// one. Every architecture ends it at the same instant, unless a limit stopped a run within
    /// it: then each architecture's is named ("4.44 s in sync, 4.32 s in events").
    public var warmupText: String? {
        let ends = architectures.compactMap { a in a.metrics.warmupEnded.map { (name: a.name, text: Format.duration(nanoseconds: Double($0.nanoseconds))) } }
        guard let first = ends.first else { return nil }
        guard ends.contains(where: { $0.text != first.text }) else { return first.text }
        return ends.map { "\($0.text) in \($0.name)" }.joined(separator: ", ")
    }
}
