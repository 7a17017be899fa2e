import SimKernel
import SimModels

/// Reads `calls`: who calls whom, in order. `{"order": ["billing", {"parallel": ["email",
/// "sms"]}, {"call": "db", "timeout": "300ms"}], "billing": ["db"]}` maps each caller to its
/// steps; a step is a service, a set called at once, or one call with its own settings. In an
/// event-driven design a service's last step may publish: `{"publish": "payments", "via":
/// "outbox"}`, once its calls have succeeded.
///
/// The trees grow from the roots (the entry, and in an event-driven design every consumer
/// that calls). A service called from several callers is several nodes sharing the
/// service's workers; a service that calls back into one of its callers is a cycle, refused
/// with the path of the cycle.
struct CallsReader {
    let log: IssueLog
    let serviceNames: [String]
    /// The policy of a call that does not set its own.
    let defaultPolicy: CallPolicy
    /// The onward topics a publish step may name (topic `i + 1`), or `nil` where nothing
    /// publishes (a synchronous design).
    var topicNames: [String]? = nil
    var values: ValueReader { ValueReader(log: log) }

    /// The most nodes the trees may hold once every shared service is expanded.
    static let maxNodes = 10_000

    /// One step's calls, before the trees are built: each callee with its settings.
    struct Callee {
        var service: Int
        var policy: CallPolicy?
        var isRequired = true
    }

    /// The call forest of `node` grown from `roots` (services), with each root's node (`nil`
    /// for a root that calls nobody), or `nil` after logging what is wrong.
    func read(_ node: JSONNode, _ path: String, roots: [Int]) -> (graph: CallGraph, roots: [Int?])? {
        guard let members = node.objectMembers, !members.isEmpty else {
            log.wrong(path, expected: "an object mapping each caller to the services it calls", found: node)
            return nil
        }
        var stepsByService = [[[Callee]]?](repeating: nil, count: serviceNames.count)
        var publishByService = [CallPublish?](repeating: nil, count: serviceNames.count)
        var failed = false
        for member in members {
            let callerPath = path + "." + member.key
            guard let caller = serviceNames.firstIndex(of: member.key) else {
                let hint = Suggestion.closest(to: member.key, among: serviceNames).map { " (did you mean \"\($0)\"?)" } ?? ""
                log.add(callerPath, "unknown service \"\(member.key)\"\(hint); expected one of \(Describe.choices(serviceNames))", at: member.keyLocation)
                failed = true
                continue
            }
            guard let (steps, publish) = readSteps(member.value, callerPath) else { failed = true; continue }
            stepsByService[caller] = steps
            publishByService[caller] = publish
        }
        var nodes: [CallNode] = []
        var onPath: [Int] = []
        func build(_ service: Int, policy: CallPolicy?, isRequired: Bool, isBestEffortBelow: Bool = false) -> Int {
            if let start = onPath.firstIndex(of: service) {
                let cycle = (onPath[start...] + [service]).map { serviceNames[$0] }.joined(separator: " → ")
                log.add(path + "." + serviceNames[onPath.last!], "calls back into a caller, a cycle: \(cycle)", at: node.location)
                failed = true
                return -1
            }
            guard nodes.count < Self.maxNodes else {
                if !failed {
                    log.add(path, "expected at most \(Self.maxNodes) calls in the trees once shared services are expanded; found more", at: node.location)
                }
                failed = true
                return -1
            }
            let index = nodes.count
            nodes.append(CallNode(service: service, isRequired: isRequired, policy: policy))
            let isBestEffort = isBestEffortBelow || !isRequired
            if let publish = publishByService[service] {
                if isBestEffort {
                    log.add(path + "." + serviceNames[service], "\"\(serviceNames[service])\" publishes under a best-effort call (\((onPath + [service]).map { serviceNames[$0] }.joined(separator: " → "))): "
                            + "its publish could silently not happen; make the calls to it required", at: node.location)
                    failed = true
                }
                nodes[index].publish = publish
            }
            onPath.append(service)
            let steps = (stepsByService[service] ?? []).map { step in
                step.map { build($0.service, policy: $0.policy, isRequired: $0.isRequired, isBestEffortBelow: isBestEffort) }
            }
            onPath.removeLast()
            nodes[index].steps = steps
            return index
        }
        let rootNodes: [Int?] = roots.map { root in stepsByService[root] == nil || failed ? nil : build(root, policy: nil, isRequired: true) }
        for (service, steps) in stepsByService.enumerated() where steps != nil && !nodes.contains(where: { $0.service == service }) && !failed {
            log.add(path + "." + serviceNames[service], "\"\(serviceNames[service])\" has steps but nobody calls it\(roots.count > 1 ? " and it consumes nothing" : "")", at: node.location)
            failed = true
        }
        return failed ? nil : (CallGraph(nodes: nodes), rootNodes)
    }

    /// A service's steps: its calls, and the publish that may end them.
    func readSteps(_ node: JSONNode, _ path: String) -> (steps: [[Callee]], publish: CallPublish?)? {
        guard let elements = node.arrayElements, !elements.isEmpty else {
            log.wrong(path, expected: "a non-empty array of steps: service names, {\"parallel\": [...]} or {\"call\": name, ...} (leave out a service that calls no one)", found: node)
            return nil
        }
        var steps: [[Callee]] = []
        var publish: CallPublish?
        var isValid = true
        for (i, element) in elements.enumerated() {
            let stepPath = "\(path)[\(i)]"
            if element.objectMembers?.contains(where: { $0.key == "publish" }) == true {
                guard i == elements.count - 1 else {
                    log.add(stepPath, "a publish is a service's last step: it publishes once its calls have succeeded", at: element.location)
                    isValid = false
                    continue
                }
                guard let read = readPublish(element, stepPath) else { isValid = false; continue }
                publish = read
            } else if element.objectMembers?.contains(where: { $0.key == "parallel" }) == true, var object = ObjectReader(element, path: stepPath, log: log) {
                let parallel = object.required("parallel", "an array of calls made at once")!
                let callees = parallel.arrayElements ?? []
                if callees.isEmpty { log.wrong(object.path("parallel"), expected: "a non-empty array of calls", found: parallel) }
                let read = callees.enumerated().compactMap { j, callee in readCallee(callee, "\(object.path("parallel"))[\(j)]") }
                if read.count == callees.count, !callees.isEmpty { steps.append(read) }
                object.rejectUnknownKeys()
            } else if let callee = readCallee(element, stepPath) {
                steps.append([callee])
            }
        }
        return isValid && steps.count + (publish == nil ? 0 : 1) == elements.count ? (steps, publish) : nil
    }

    /// `{"publish": "payments"}` or `{"publish": "payments", "via": "outbox"}`: a topic of the
    /// architecture's `topics`, and a dual write unless `via` says otherwise.
    func readPublish(_ node: JSONNode, _ path: String) -> CallPublish? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        defer { object.rejectUnknownKeys() }
        let topicNode = object.required("publish", "the name of a topic in \"topics\"")!
        var via = PublishDiscipline.dualWrite
        if let n = object.optional("via") { via = values.choice(n, object.path("via"), PublishDiscipline.allCases.map { ($0.rawValue, $0) }) ?? via }
        guard let names = topicNames else {
            log.add(object.path("publish"), "a synchronous design has no broker; publish from an event-driven architecture with \"topics\"", at: topicNode.location)
            return nil
        }
        guard let text = topicNode.stringValue else {
            log.wrong(object.path("publish"), expected: "the name of a topic in \"topics\"", found: topicNode)
            return nil
        }
        guard let index = names.firstIndex(of: text) else {
            let hint = Suggestion.closest(to: text, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            let expected = names.isEmpty ? "a topic declared in the architecture's \"topics\", which has none" : "one of \(Describe.choices(names))"
            log.add(object.path("publish"), "unknown topic \"\(text)\"\(hint); expected \(expected)", at: topicNode.location)
            return nil
        }
        return CallPublish(topic: index + 1, via: via)
    }

    /// `"db"`, or `{"call": "db", "timeout": "300ms", "retries": {...}, "breaker": true,
    /// "bulkhead": 20, "retryBudget": 0.1, "bestEffort": true}`: settings not given are the
    /// architecture's.
    func readCallee(_ node: JSONNode, _ path: String) -> Callee? {
        if node.stringValue != nil { return values.service(node, path, among: serviceNames).map { Callee(service: $0) } }
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        defer { object.rejectUnknownKeys() }
        guard let name = object.required("call", "the service called"), let service = values.service(name, object.path("call"), among: serviceNames) else {
            return nil
        }
        let settings = PolicyReader(log: log)
        var policy = defaultPolicy
        let overrides = settings.read(&object, into: &policy)
        var callee = Callee(service: service, policy: overrides ? policy : nil)
        if let n = object.optional("bestEffort") { callee.isRequired = !(values.bool(n, object.path("bestEffort")) ?? false) }
        return callee
    }
}
