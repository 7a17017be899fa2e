import SimKernel

/// Every figure one run of a scenario measured, named: for each architecture, the tree that
/// `metrics.json` writes below `architectures.<name>` (`docs/metrics.md` documents each figure).
/// It is built once from the run's results; `metrics.json` is written from it, and expectations,
/// sweeps and the shrinker read it by dotted path.
public struct Measurements: Sendable {
    /// The seed every architecture ran under.
    public var seed: UInt64
    /// Each architecture's figures, in the order the architectures ran.
    public var architectures: [(name: String, figures: Figure)]

    /// The figures of `architectures`, run under `seed`, with arrivals for `duration`, then a
    /// drain of `drain`, under faults in `windows`.
    public init(seed: UInt64, duration: TimeSpan, drain: TimeSpan, windows: [FaultWindow], architectures: [ArchitectureReport]) {
        self.seed = seed
        let run = RunSpan(duration: duration, length: duration + drain, windows: windows)
        self.architectures = architectures.map { ($0.name, run.figures(of: $0)) }
    }

    /// Figures already measured: `architectures` run under `seed`.
    init(seed: UInt64, architectures: [(name: String, figures: Figure)]) {
        self.seed = seed
        self.architectures = architectures
    }

    /// The figures of the architecture named `name`, or `nil` when it did not run.
    public func figures(of name: String) -> Figure? {
        architectures.first { $0.name == name }?.figures
    }

    /// The figure at the dotted `path` (such as `latency.success.p99Ms`) of the architecture
    /// named `name`, or `nil` when it did not run or has no such figure.
    public func value(at path: String, in name: String) -> Figure? {
        figures(of: name)?.value(at: path)
    }
}
