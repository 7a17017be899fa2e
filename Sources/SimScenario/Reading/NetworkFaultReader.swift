import SimKernel
import SimMetrics
import SimModels

/// Reads network faults: `{"network": "email", …}` on every link touching a node,
/// `"payment->email"` on one direction of one link, `"*"` on every link; and
/// `{"partition": ["payment", "broker"], …}`, which cuts those nodes off from the rest.
struct NetworkFaultReader {
    let log: IssueLog
    /// Services, then `broker`.
    let nodeNames: [String]
    /// When the run ends; `nil` when its duration could not be read, so that no start is
    /// judged against a guess.
    let runEnd: Instant?
    var values: ValueReader { ValueReader(log: log) }

    /// A network fault as configured and as it reads in a report.
    struct ReadNetworkFault {
        var config: NetworkFault
        var description: String
        /// Where the fault names its nodes, for checks against the architectures.
        var targetPath: String
        var targetPosition: TextPosition?
    }

    func read(_ node: JSONNode, _ path: String) -> ReadNetworkFault? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        defer { object.rejectUnknownKeys() }
        let atNode = object.required("at", "a start time such as \"60s\"")
        let start = atNode.flatMap { values.duration($0, object.path("at"), in: .zero...ScenarioReader.maximumDuration * 2) }
        let length = object.optional("for").flatMap { values.duration($0, object.path("for"), in: .nanoseconds(1)...ScenarioReader.maximumDuration * 2) }
        let scope: NetworkFault.Scope?
        var fault = NetworkFault(scope: .links(from: nil, to: nil, bothWays: false), start: .zero, end: .distantFuture)
        var what: String
        var (targetPath, targetPosition) = (object.path("partition"), node.location)
        if let target = object.optional("network") {
            (targetPath, targetPosition) = (object.path("network"), target.location)
            scope = readLinks(target, object.path("network"))
            what = "network " + (target.stringValue ?? "")
            let issuesBeforeEffects = log.issues.count
            if let n = object.optional("drop") { fault.drop = values.probability(n, object.path("drop")) ?? .never }
            if let n = object.optional("duplicate") { fault.duplicate = values.probability(n, object.path("duplicate")) ?? .never }
            // nil when absent, .some(nil) when no probability (reported where it is written).
            let reorder = object.optional("reorder").map { values.probability($0, object.path("reorder")) }
            fault.reorder = (reorder ?? nil) ?? .never
            if let n = object.optional("reorderBy") { fault.reorderDelay = values.duration(n, object.path("reorderBy"), in: .zero...TimeSpan.minutes(10)) ?? fault.reorderDelay }
            if let n = object.optional("delay") { fault.extraLatency = values.duration(n, object.path("delay"), in: .zero...TimeSpan.minutes(10)) ?? .zero }
            let effects = [("drop", fault.drop), ("duplicate", fault.duplicate), ("reorder", fault.reorder)].filter { $0.1 != .never }
            what += effects.map { " \($0.0) \($0.1)" }.joined() + (fault.extraLatency > .zero ? " +\(fault.extraLatency)" : "")
            // An effect written but wrong is reported where it is written, not as missing.
            if effects.isEmpty, fault.extraLatency == .zero, log.issues.count == issuesBeforeEffects {
                log.add(path, "expected at least one of \"drop\", \"duplicate\", \"reorder\" or \"delay\"", at: node.location)
            }
            if let member = object.members.first(where: { $0.key == "reorderBy" }), fault.reorder == .never, reorder != .some(nil) {
                log.add(object.path("reorderBy"), "applies only with \"reorder\" above 0, which holds messages back; this fault reorders none", at: member.keyLocation)
            }
        } else {
            let sideNode = object.required("partition", "an array of node names on one side")
            targetPosition = sideNode?.location ?? node.location
            let side = sideNode.flatMap { readNodes($0, object.path("partition")) }
            let oneWay = object.optional("oneWay").flatMap { values.bool($0, object.path("oneWay")) } ?? false
            fault.holdsUntilHeal = object.optional("hold").flatMap { values.bool($0, object.path("hold")) } ?? false
            scope = side.map { .partition(side: $0, oneWay: oneWay) }
            what = "partition " + (side ?? []).map { nodeNames[$0] }.joined(separator: "+") + " from the rest" + (oneWay ? " (one way)" : "")
                + (fault.holdsUntilHeal ? ", messages held until it heals" : "")
        }
        guard let scope, let start else { return nil }
        if let runEnd, start >= runEnd.sinceStart, let atNode {
            log.add(object.path("at"), "the fault starts at \(start), after the run ends at \(runEnd.sinceStart): it could never happen", at: atNode.location)
            return nil
        }
        fault.scope = scope
        fault.start = .zero + start
        fault.end = length.map { .zero + start + $0 } ?? .distantFuture
        let window = Format.window(from: start, lasting: length)
        return ReadNetworkFault(config: fault, description: what + " " + window, targetPath: targetPath, targetPosition: targetPosition)
    }

    /// `"email"`, `"payment->email"` or `"*"`.
    func readLinks(_ node: JSONNode, _ path: String) -> NetworkFault.Scope? {
        guard let text = node.stringValue else {
            log.wrong(path, expected: "a node name, \"from->to\" or \"*\"", found: node)
            return nil
        }
        if text == "*" { return .links(from: nil, to: nil, bothWays: false) }
        let parts = text.split(separator: ">", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].hasSuffix("-") {
            let from = lookUp(String(parts[0].dropLast()), path, node), to = lookUp(String(parts[1]), path, node)
            guard let from, let to else { return nil }
            return .links(from: from, to: to, bothWays: false)
        }
        return lookUp(text, path, node).map { .links(from: $0, to: nil, bothWays: true) }
    }

    func readNodes(_ node: JSONNode, _ path: String) -> [Int]? {
        guard let elements = node.arrayElements, !elements.isEmpty else {
            log.wrong(path, expected: "a non-empty array of node names", found: node)
            return nil
        }
        let nodes = elements.enumerated().compactMap { i, element in
            values.service(element, "\(path)[\(i)]", among: nodeNames)
        }
        return nodes.count == elements.count ? nodes : nil
    }

    func lookUp(_ name: String, _ path: String, _ node: JSONNode) -> Int? {
        guard let index = nodeNames.firstIndex(of: name) else {
            let hint = Suggestion.closest(to: name, among: nodeNames).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "unknown node \"\(name)\"\(hint); expected one of \(Describe.choices(nodeNames))", at: node.location)
            return nil
        }
        return index
    }
}
