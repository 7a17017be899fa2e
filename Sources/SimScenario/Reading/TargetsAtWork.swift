import SimModels

/// What a scenario's architectures put to work, to refuse faults and settings that name
/// anything else: a fault, a swarm's candidate, a chaos target, a network fault or a link's
/// latency on a service that no architecture enters at, calls or consumes, or on the broker
/// when every architecture is synchronous, would change nothing. Each is refused where it
/// names the node, with the nearest service at work as a suggestion.
struct TargetsAtWork {
    let log: IssueLog
    let names: [String]
    /// Per service, whether some architecture puts it to work.
    let atWork: [Bool]
    /// Whether some architecture is event-driven, and so has a broker.
    let hasBroker: Bool

    /// The services and broker the `architectures` of a world with `names`, entered at `entry`, put to work.
    init(_ architectures: [ArchitectureSpec], names: [String], entry: Int, log: IssueLog) {
        var atWork = [Bool](repeating: false, count: names.count)
        for architecture in architectures {
            for service in architecture.design.metricsLayout(serviceNames: names, entry: entry).servicesAtWork { atWork[service] = true }
        }
        self.atWork = atWork
        hasBroker = architectures.contains { if case .events = $0.design { true } else { false } }

        self.names = names
        self.log = log
    }

    /// Whether `node` (a service, or the broker after them) sends or receives anything.
    func isAtWork(_ node: Int) -> Bool { node < names.count ? atWork[node] : hasBroker }

    /// Refuses `node` at `path`, saying what naming it would have done: `outcome`.
    func refuse(_ node: Int, _ path: String, at position: TextPosition?, so outcome: String = "a fault on it would change nothing") {
        guard node < names.count else {
            return log.add(path, "every architecture is synchronous and none has a broker, so " + outcome, at: position)
        }
        let working = names.indices.filter { atWork[$0] }.map { names[$0] }
        let hint = Suggestion.closest(to: names[node], among: working).map { " (did you mean \"\($0)\"?)" } ?? ""
        log.add(path, "no architecture puts \"\(names[node])\" to work (none enters at, calls or consumes it), so \(outcome)\(hint)", at: position)
    }

    /// Service faults, written or a swarm's candidates.
    func check(_ faults: [FaultReader.ReadFault]) {
        for fault in faults where !isAtWork(fault.config.service) { refuse(fault.config.service, fault.targetPath, at: fault.targetPosition) }
    }

    /// Network faults: a link with an end nobody uses, a link from a node to itself (no node
    /// sends to itself: call graphs have no cycles), or a partition with no node at work on
    /// its side, touches no message.
    func check(_ faults: [NetworkFaultReader.ReadNetworkFault]) {
        for fault in faults {
            let unused: [Int]
            switch fault.config.scope {
            case .links(let from, let to, _):
                unused = [from, to].compactMap { $0 }.filter { !isAtWork($0) }
                if unused.isEmpty, let from, from == to {
                    refuseSelfLink(from, fault.targetPath, at: fault.targetPosition, so: "a fault on this link would change nothing")
                }
            case .partition(let side, _): unused = side.contains(where: isAtWork) ? [] : side
            }
            if let node = unused.first { refuse(node, fault.targetPath, at: fault.targetPosition) }
        }
    }

    /// Refuses a link from `node` to itself at `path`.
    func refuseSelfLink(_ node: Int, _ path: String, at position: TextPosition?, so outcome: String) {
        let name = node < names.count ? names[node] : "broker"
        log.add(path, "no message goes from \"\(name)\" to itself, so \(outcome)", at: position)
    }

    /// `network.links`: a link's latency between nodes of which one never sends or receives,
    /// or from a node to itself.
    func checkLinks(_ links: JSONNode?) {
        let nodes = names + ["broker"]
        for (i, link) in (links?.arrayElements ?? []).enumerated() {
            var refused = false
            for end in link.objectMembers ?? [] where end.key == "from" || end.key == "to" {
                guard case .string(let name) = end.value.value, let node = nodes.firstIndex(of: name), !isAtWork(node) else { continue }
                refuse(node, "network.links[\(i)].\(end.key)", at: end.value.location, so: "no message takes this link")
                refused = true
            }
            guard !refused, let name = link.member("from")?.stringValue, name == link.member("to")?.stringValue,
                  let node = nodes.firstIndex(of: name) else { continue }
            refuseSelfLink(node, "network.links[\(i)].to", at: link.member("to")?.location, so: "no message takes this link")
        }
    }

    /// `chaos.targets`: a drawn fault on such a target would change nothing.
    func checkChaosTargets(_ chaos: JSONNode?) {
        let targets = chaos?.objectMembers?.first { $0.key == "targets" }?.value.arrayElements ?? []
        for (i, target) in targets.enumerated() {
            guard case .string(let name) = target.value, let node = (names + ["broker"]).firstIndex(of: name), !isAtWork(node) else { continue }
            refuse(node, "chaos.targets[\(i)]", at: target.location)
        }
    }
}
