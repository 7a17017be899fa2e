import SimChecks
import SimMetrics
import SimScenario

/// Why an expectation failed in one run, in the terms a shrink must keep: the statement, which
/// side of its bound the value fell on (or that there was no value, or a model error), and for
/// a consistency count the figures it is made of. A smaller scenario that fails the same
/// statement for another reason (effects still in flight at the end instead of dead-lettered)
/// shows another failure, so a shrink does not accept it.
public struct FailureReason: Sendable, Equatable, CustomStringConvertible {
    /// The expectation as a line.
    public var statement: String
    /// How the value failed its bound.
    public var kind: Kind
    /// For a consistency count, the metric paths whose non-zero values make it up, in order, as
    /// `consistency.inventory.deadLettered`; `consistency.<target>.inFlightAtEnd` stands for
    /// versions neither applied nor lost nor dead-lettered nor superseded at the end (still
    /// pending). Empty for other metrics.
    public var causes: [String]

    /// How a value failed its bound.
    public enum Kind: String, Sendable, Equatable {
        /// Above the (upper) limit.
        case aboveTheBound = "above the bound"
        /// Below the (lower) limit.
        case belowTheBound = "below the bound"
        /// The run had no value for the metric or for a ratio's reference.
        case noData = "no data"
        /// A model error made the run's figures untrustworthy.
        case modelError = "model error"
    }

    /// The reason `verdict` of an expectation with `comparison` failed in the run that measured
    /// `measurements`; `nil` when it held.
    public init?(_ verdict: Verdict, comparison: Comparison, in measurements: Measurements) {
        guard !verdict.holds else { return nil }
        statement = verdict.text
        causes = []
        if verdict.why?.hasPrefix("model error") == true {
            kind = .modelError
        } else if verdict.status == .noData {
            kind = .noData
        } else {
            switch comparison.worse {
            case .larger?: kind = .aboveTheBound
            case .smaller?: kind = .belowTheBound
            default: kind = (verdict.measured ?? 0) > (verdict.limits.last ?? 0) ? .aboveTheBound : .belowTheBound
            }
            if let run = measurements.figures(of: verdict.architecture) {
                causes = Self.causes(of: verdict.metric, in: run)
            }
        }
    }

    /// `above the bound (consistency.inventory.deadLettered)`.
    public var description: String {
        kind.rawValue + (causes.isEmpty ? "" : " (" + causes.joined(separator: ", ") + ")")
    }

    /// The counts that versions missing at the end are made of.
    static let missingParts = ["lost", "deadLettered", "superseded"]

    /// The non-zero figures a consistency count of `run` is made of: for `total`, each target's
    /// own count; for `missingAtEnd` (or `divergentEntities`, which missing versions cause) the
    /// versions lost, dead-lettered, superseded and still in flight; for any other count, itself.
    static func causes(of metric: String, in run: Figure) -> [String] {
        guard metric.hasPrefix("consistency."), let dot = metric.lastIndex(of: ".") else { return [] }
        let field = String(metric[metric.index(after: dot)...])
        let target = String(metric["consistency.".endIndex..<dot])
        guard let consistency = run.member("consistency"), case .group(let targets) = consistency,
              consistency.member(target)?.member(field)?.numberValue != nil else { return [] }
        let named = target == "total" ? targets.map(\.0).filter { $0 != "total" } : [target]
        return named.flatMap { name -> [String] in
            guard let counts = consistency.member(name), let value = counts.member(field)?.numberValue, value != 0 else { return [] }
            guard field == "missingAtEnd" || field == "divergentEntities" else { return ["consistency.\(name).\(field)"] }
            let parts = missingParts.filter { (counts.member($0)?.numberValue ?? 0) != 0 }
            let accounted = missingParts.reduce(0.0) { $0 + (counts.member($1)?.numberValue ?? 0) }
            let pending = (counts.member("missingAtEnd")?.numberValue ?? 0) > accounted
            return parts.map { "consistency.\(name).\($0)" } + (pending ? ["consistency.\(name).inFlightAtEnd"] : [])
        }
    }
}
