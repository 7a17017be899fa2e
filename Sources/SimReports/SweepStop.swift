import SimKernel
import SimMetrics

/// One run of a sweep that a limit stopped before its end (a line, a backlog or the event
/// budget): its figures cover only the part of the run before `at`.
public struct SweepStop: Sendable, Equatable {
    /// Indices into the report's combinations and architectures.
    public var combination: Int, architecture: Int
    /// The seed the run was made under.
    public var seed: UInt64
    /// When it stopped.
    public var at: Instant

    /// The run of `architecture` under `combination` and `seed`, stopped at `at`.
    public init(combination: Int, architecture: Int, seed: UInt64, at: Instant) {
        (self.combination, self.architecture, self.seed, self.at) = (combination, architecture, seed, at)
    }
}

extension SweepReport {
    /// One line per combination and architecture whose runs a limit stopped, naming the seeds
    /// and when: `sync under services.email.work.constant=1s: seeds 1, 2, 3 stopped at 4.4 s to 14 s`.
    public var stopLines: [String] {
        var lines: [String] = []
        for c in combinations.indices {
            for a in architectures.indices {
                let here = stops.filter { $0.combination == c && $0.architecture == a }
                guard let earliest = here.map(\.at).min(), let latest = here.map(\.at).max() else { continue }
                let (from, to) = (Format.duration(nanoseconds: Double(earliest.nanoseconds)), Format.duration(nanoseconds: Double(latest.nanoseconds)))
                let when = from == to ? from : from + " to " + to
                let seeds = here.map { String($0.seed) }.joined(separator: ", ")
                lines.append("\(architectures[a]) under \(describe(combination: c)): seed\(here.count == 1 ? "" : "s") \(seeds) stopped at \(when)")
            }
        }
        return lines
    }

    /// The warning the terminal and the page give when a limit stopped runs, or `nil`.
    public var stopWarning: String? {
        guard !stops.isEmpty else { return nil }
        return "\(stops.count) of \(runCount * architectures.count) runs stopped early at a limit, so their figures cover only part of the run "
            + "(ripple run the combination with --seed to see which limit)"
    }
}
