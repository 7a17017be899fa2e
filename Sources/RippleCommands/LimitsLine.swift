import SimMetrics
import SimScenario

/// The sentence that states, before runs start, the limits they stop at: each run's event
/// budget, and the longest a waiting line or a topic's backlog may grow, which is what the
/// memory budget leaves after the run's estimate. A sweep's combinations can differ in both;
/// the sentence then gives their range.
enum LimitsLine {
    /// The limits of `scenarios` (one scenario, a sweep's combinations of one, or the scenarios
    /// of a check, each an `item`), under the memory budget `budget`, after `subject` (what is run).
    static func text(_ subject: String, scenarios: [Scenario], item: String = "combination", budget: Int64) -> String {
        let estimates = scenarios.map(\.memoryEstimate.bytes)
        let architectures = scenarios.map { $0.architectures.count }
        let sharedBy = architectures.min() != architectures.max() ? "its architectures"
            : architectures[0] == 1 ? "1 architecture" : "\(architectures[0]) architectures"
        let texts = estimates.map(MemoryEstimate.text)
        let estimate = range(texts, of: estimates)
        let largest = scenarios.contains(where: \.isSwarming) ? " of the swarm's largest draw" : ""
        let each = scenarios.count == 1 ? "the \(estimate) estimate\(largest)"
            : Set(texts).count == 1 ? "each \(item)'s \(estimate) estimate\(largest)" : "each \(item)'s estimate\(largest) (\(estimate))"
        return "\(subject) — limits: each run stops after \(range(of: scenarios.map(\.world.eventBudget))) events, or once "
            + "\(range(of: scenarios.map(\.world.lineLimit))) wait in one line or backlog (a \(MemoryEstimate.text(Double(budget))) "
            + "memory budget less \(each), at \(Int(MemoryEstimate.pendingItemBytes)) bytes each, shared by \(sharedBy); "
            + "--memory-budget raises it)\n"
    }

    /// The one value all `values` share, or their least and greatest, grouped in thousands.
    static func range(of values: [Int]) -> String {
        range(values.map(Format.grouped), of: values)
    }

    /// `texts[i]` written for `values[i]`: the one text when the least and greatest values read
    /// alike, or the texts of the least and the greatest value.
    static func range<Value: Comparable>(_ texts: [String], of values: [Value]) -> String {
        let least = values.indices.min { values[$0] < values[$1] }!, greatest = values.indices.max { values[$0] < values[$1] }!
        return texts[least] == texts[greatest] ? texts[least] : texts[least] + " to " + texts[greatest]
    }
}
