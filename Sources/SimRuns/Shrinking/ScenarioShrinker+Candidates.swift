import SimKernel
import SimScenario

extension ScenarioShrinker {
    /// One smaller scenario to try, and the step that made it.
    public struct Candidate {
        /// The step as a line, such as `removed chaos` or `duration 30s → 15s`.
        public var step: String
        /// The scenario document after the step, not yet validated.
        public var document: JSONNode
    }

    /// Every one-step reduction of `document`, boldest first: each fault removed, chaos
    /// removed, each fault window halved, the arrival rate halved, the duration halved, the
    /// drain dropped or halved. Steps that would make a value unreadable (a window under 1 ms,
    /// a rate under 0.001 per unit) are not offered; the reader rejects other invalid ones.
    public static func candidates(of document: JSONNode) -> [Candidate] {
        var candidates: [Candidate] = []
        let faults = document.member("faults")?.arrayElements ?? []
        for (i, fault) in faults.enumerated() {
            candidates.append(Candidate(step: "removed faults[\(i)]: \(fault.inline)",
                                        document: document.setting("faults", to: document.member("faults")!.settingElement(i, to: nil))))
        }
        if document.member("chaos") != nil {
            candidates.append(Candidate(step: "removed chaos", document: document.setting("chaos", to: nil)))
        }
        for (i, fault) in faults.enumerated() {
            guard let window = fault.member("for"), let half = halved(window, least: .milliseconds(1)) else { continue }
            let faultsNode = document.member("faults")!.settingElement(i, to: fault.setting("for", to: half.node))
            candidates.append(Candidate(step: "faults[\(i)]: for \(window.stringValue!) → \(half.text)", document: document.setting("faults", to: faultsNode)))
        }
        if let workload = document.member("workload"), let arrivals = workload.member("arrivals"), let kind = arrivals.objectMembers?.first,
           let text = kind.value.stringValue, let rate = Rate(parsing: text), rate.milliEvents >= 2 {
            let half = Rate(milliEvents: rate.milliEvents / 2, per: rate.per).description
            let edited = workload.setting("arrivals", to: arrivals.setting(kind.key, to: kind.value.string(half)))
            candidates.append(Candidate(step: "arrival rate \(text) → \(half)", document: document.setting("workload", to: edited)))
        }
        if let duration = document.member("duration"), let half = halved(duration, least: .milliseconds(1)) {
            candidates.append(Candidate(step: "duration \(duration.stringValue!) → \(half.text)", document: document.setting("duration", to: half.node)))
        }
        if let drain = document.member("drain"), let text = drain.stringValue, let span = TimeSpan(parsing: text), span > .zero {
            candidates.append(Candidate(step: "drain \(text) → none", document: document.setting("drain", to: nil)))
            if let half = halved(drain, least: .milliseconds(1)) {
                candidates.append(Candidate(step: "drain \(text) → \(half.text)", document: document.setting("drain", to: half.node)))
            }
        }
        return candidates
    }

    /// Half of a duration node, when the half is still at least `least`.
    static func halved(_ node: JSONNode, least: TimeSpan) -> (node: JSONNode, text: String)? {
        guard let text = node.stringValue, let span = TimeSpan(parsing: text) else { return nil }
        let half = TimeSpan(nanoseconds: span.nanoseconds / 2)
        guard half >= least else { return nil }
        return (node.string(half.description), half.description)
    }
}
