import SimKernel
import SimMetrics

/// Everything a report shows about one run of a scenario: what was run, under which
/// faults, and what each architecture measured. Writers turn it into files.
public struct RunReport: Sendable {
    public var name: String
    public var description: String
    public var seed: UInt64
    public var duration: TimeSpan
    public var drain: TimeSpan
    /// Ripple's version, so a report says what produced it.
    public var version: String
    /// The fault schedule as stated, one line per fault.
    public var faults: [String]
    /// The fault windows, for shading charts.
    public var windows: [FaultWindow]
    public var architectures: [ArchitectureReport]
    /// Node names by node number: the services, then the broker.
    public var nodeNames: [String] = []
    /// The scenario's expectations, checked against this run (empty when it states none).
    public var verdicts: [Verdict] = []

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
}

/// A fault's window for charts: from `start` to `end` (`nil`: to the end of the run).
public struct FaultWindow: Sendable {
    public var start: TimeSpan
    public var end: TimeSpan?
    public var label: String

    public init(start: TimeSpan, end: TimeSpan?, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}

/// One architecture's results.
public struct ArchitectureReport: Sendable {
    public var name: String
    public var kind: String
    public var metrics: ArchitectureMetrics
    public var stopReason: String
    public var events: Int

    public init(name: String, kind: String, metrics: ArchitectureMetrics, stopReason: String, events: Int) {
        self.name = name
        self.kind = kind
        self.metrics = metrics
        self.stopReason = stopReason
        self.events = events
    }
}
