import SimKernel
import SimMetrics
import SimModels

/// Reads the `faults` array. Each fault names its kind by its key (`"slow": "email"`),
/// when it starts (`"at"`) and how long it lasts (`"for"`; absent means for ever). A crash
/// may name one instance of a consumer instead of the whole service: `"crash": "email#1"`.
struct FaultReader {
    let log: IssueLog
    let serviceNames: [String]
    /// When the run ends; `nil` when its duration could not be read, so that no start is
    /// judged against a guess.
    let runEnd: Instant?
    var values: ValueReader { ValueReader(log: log) }

    static let kinds = ["slow", "errors", "crash", "pause"]
    /// Fault kinds on the network rather than on a service.
    static let networkKinds = ["network", "partition"]
    /// A limit on the faults written in one file, service and network faults together: as many
    /// as `chaos` may draw (`ChaosSpec.maximumExpectedFaults`). Each is drawn on the report's
    /// charts: 40 000 made a 40 MB page, 10 000 make about 8 MB.
    static let maximumCount = 10_000

    /// A fault as configured and as it reads in a report.
    struct ReadFault {
        var config: FaultConfig
        var description: String
        /// Where the fault names its target, for checks against the architectures.
        var targetPath: String
        var targetPosition: TextPosition?
    }

    /// The service faults and the network faults of the `faults` array, in file order.
    func read(_ node: JSONNode) -> (services: [ReadFault], network: [NetworkFaultReader.ReadNetworkFault]) {
        guard let elements = node.arrayElements else { log.wrong("faults", expected: "an array of faults", found: node); return ([], []) }
        // Read on when there are too many: what is wrong with each is reported with the count.
        if elements.count > Self.maximumCount {
            log.add("faults", "expected at most \(Self.maximumCount) faults (service and network faults together), found \(elements.count)",
                    at: node.location)
        }
        var faults: [(fault: ReadFault, path: String, node: JSONNode)] = []
        var network: [NetworkFaultReader.ReadNetworkFault] = []
        let networkReader = NetworkFaultReader(log: log, nodeNames: serviceNames + ["broker"], runEnd: runEnd)
        for (i, element) in elements.enumerated() {
            let path = "faults[\(i)]"
            if let members = element.objectMembers, members.contains(where: { Self.networkKinds.contains($0.key) }) {
                if let fault = networkReader.read(element, path) { network.append(fault) }
            } else if let fault = readFault(element, path) {
                faults.append((fault, path, element))
            }
        }
        rejectOverlaps(faults)
        return (faults.map(\.fault), network)
    }

    func readFault(_ node: JSONNode, _ path: String) -> ReadFault? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        let present = Self.kinds.filter { kind in object.members.contains { $0.key == kind } }
        guard present.count == 1, let kind = present.first else {
            object.allow(Self.kinds + ["at", "for", "work", "factor", "fraction", "hang"])
            if present.isEmpty {
                log.add(path, "expected one fault kind key: \(Describe.choices(Self.kinds + Self.networkKinds)) naming its target", at: node.location)
            } else {
                log.add(path, "expected one fault kind, found \(present.joined(separator: " and "))", at: node.location)
            }
            object.rejectUnknownKeys()
            return nil
        }
        let targetNode = object.required(kind, "a service name")
        let target = targetNode.flatMap { readTarget($0, object.path(kind), kind: kind) }
        let atNode = object.required("at", "a start time such as \"60s\"")
        let start = atNode.flatMap { values.duration($0, object.path("at"), in: .zero...ScenarioReader.maximumDuration * 2) }
        let length = object.optional("for").flatMap { values.duration($0, object.path("for"), in: .nanoseconds(1)...ScenarioReader.maximumDuration * 2) }
        var faultKind: FaultKind?
        var detail = ""
        switch kind {
        case "slow":
            let work = object.optional("work"), factor = object.optional("factor")
            if let work, factor == nil {
                faultKind = DistributionReader(log: log).read(work, object.path("work")).map { .slow($0) }
                detail = " (work replaced)"
            } else if let factor, work == nil {
                faultKind = values.number(factor, object.path("factor"), in: 0.001...100_000, what: "a factor").map { .slowBy(factor: $0) }
                detail = factor.numberText.map { " ×\($0)" } ?? ""
            } else {
                log.add(path, "expected either \"work\" (a distribution) or \"factor\" (a multiplier) for a slow fault", at: node.location)
            }
        case "errors":
            let hangs = object.optional("hang").flatMap { values.bool($0, object.path("hang")) } ?? false
            let fraction = object.required("fraction", "a probability from 0 to 1").flatMap { values.probability($0, object.path("fraction")) }
            faultKind = fraction.map { hangs ? .hang($0) : .errors($0) }
            if let fraction { detail = hangs ? " (\(fraction) of requests never answered)" : " (\(fraction) of requests)" }
        case "pause":
            faultKind = .pause
        default:
            faultKind = .crash
        }
        object.rejectUnknownKeys()
        guard let target, let start, let faultKind else { return nil }
        if let runEnd, start >= runEnd.sinceStart, let atNode {
            log.add(object.path("at"), "the fault starts at \(start), after the run ends at \(runEnd.sinceStart): it could never happen", at: atNode.location)
            return nil
        }
        let end = length.map { Instant.zero + start + $0 } ?? .distantFuture
        let window = Format.window(from: start, lasting: length)
        let name = (serviceNames + ["broker"])[target.service] + (target.instance.map { "#\($0)" } ?? "")
        return ReadFault(config: FaultConfig(kind: faultKind, service: target.service, instance: target.instance, start: .zero + start, end: end),
                         description: "\(kind) \(name)\(detail) \(window)", targetPath: object.path(kind), targetPosition: targetNode?.location)
    }

    /// `"email"` for the whole service, or `"email#1"` for its consumer's instance 1 (crashes only).
    func readTarget(_ node: JSONNode, _ path: String, kind: String) -> (service: Int, instance: Int?)? {
        if node.stringValue == "broker", kind == "slow" || kind == "errors" {
            log.add(path, "the broker does no work of its own to slow or fail; {\"network\": \"broker\", \"delay\": …} slows every message to and from it, and \"crash\", \"pause\" or a \"partition\" take it away", at: node.location)
            return nil
        }
        guard let text = node.stringValue, let hash = text.lastIndex(of: "#") else {
            let targets = kind == "crash" || kind == "pause" ? serviceNames + ["broker"] : serviceNames
            return values.service(node, path, among: targets).map { ($0, nil) }
        }
        let name = String(text[..<hash]), number = text[text.index(after: hash)...]
        guard let service = serviceNames.firstIndex(of: name) else {
            let hint = Suggestion.closest(to: name, among: serviceNames).map { " (did you mean \"\($0)#\(number)\"?)" } ?? ""
            log.add(path, "unknown service \"\(name)\" in \"\(text)\"\(hint); expected one of \(Describe.choices(serviceNames))", at: node.location)
            return nil
        }
        guard !number.isEmpty, number.count <= 3, number.allSatisfy({ ("0"..."9").contains($0) }), let instance = Int(number) else {
            log.add(path, "expected an instance number from 0 to 999 after \"#\", found \(Describe.quoted(text))", at: node.location)
            return nil
        }
        guard kind == "crash" else {
            log.add(path, "only a crash can hit one instance (\"\(text)\"); \"\(kind)\" applies to the whole service \"\(name)\"", at: node.location)
            return nil
        }
        return (service, instance)
    }

    /// Two faults of the same kind on the same service cannot be in force at once, unless
    /// they hit two different instances: each fault that overlaps an earlier one is refused
    /// once, naming one of them.
    func rejectOverlaps(_ faults: [(fault: ReadFault, path: String, node: JSONNode)]) {
        for (i, earlier) in FaultOverlaps(faults.map(\.fault.config)).earlier.enumerated() {
            guard let earlier else { continue }
            log.add(faults[i].path, "overlaps \(faults[earlier].path), a fault of the same kind on the same service; make the windows disjoint",
                    at: faults[i].node.location)
        }
    }

    /// Whether `a` and `b` are the same kind of fault, and so may not overlap on one service.
    static func sameKind(_ a: FaultKind, _ b: FaultKind) -> Bool { family(a) == family(b) }

    /// The kind of fault `kind` is, whatever its settings: slow (by a distribution or a
    /// factor), errors (answered or hung), crash or pause.
    static func family(_ kind: FaultKind) -> Int {
        switch kind {
        case .slow, .slowBy: 0
        case .errors, .hang: 1
        case .crash: 2
        case .pause: 3
        }
    }
}
