/// A run's verdict over all of its scenario's expectations, as the report's banner, the
/// summary and `metrics.json` state it.
public enum RunVerdict: String, Sendable, Equatable {
    /// Every expectation held.
    case passed
    /// At least one expectation failed on a measured value.
    case failed
    /// None failed on a measured value, but at least one had no value to judge (a metric or a
    /// limit the run did not define): no data is never taken for a pass.
    case noData = "no data"
    /// The scenario states no expectations.
    case noExpectations = "no expectations"
    /// The scenario states expectations, but the run checked none of them: `--only` left out
    /// every architecture they read, or they are about means over seeds.
    case notChecked = "not checked"

    /// The verdict over `verdicts`, the expectations checked; `someUnchecked` when the run
    /// left out others the scenario states.
    public init(_ verdicts: [Verdict], someUnchecked: Bool = false) {
        if verdicts.isEmpty {
            self = someUnchecked ? .notChecked : .noExpectations
        } else if verdicts.contains(where: { $0.status == .failed }) {
            self = .failed
        } else if verdicts.contains(where: { $0.status == .noData }) {
            self = .noData
        } else {
            self = .passed
        }
    }

    /// How many of `verdicts` passed, failed and had no data, as in
    /// `"2 passed, 1 failed, 1 no data"`: each kind that occurs, in that order.
    public static func counts(_ verdicts: [Verdict]) -> String {
        let counts = [(Verdict.Status.passed, "passed"), (.failed, "failed"), (.noData, "no data")].compactMap { status, name in
            let n = verdicts.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(name)"
        }
        return counts.isEmpty ? "no expectations" : counts.joined(separator: ", ")
    }
}
