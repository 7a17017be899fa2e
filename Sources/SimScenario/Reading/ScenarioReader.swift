import SimKernel
import SimModels

/// Turns a parsed scenario document into a `Scenario`, collecting every problem on the way.
struct ScenarioReader {
    let log = IssueLog()
    var values: ValueReader { ValueReader(log: log) }
    var distributions: DistributionReader { DistributionReader(log: log) }

    /// Limits that keep any scenario finite.
    static let maximumDuration = TimeSpan.hours(24)
    static let maximumKeys = 10_000_000

    func read(_ root: JSONNode) -> Scenario? {
        guard var top = ObjectReader(root, path: "", log: log) else { return nil }
        let name = top.required("name", "a short name such as \"payment-email-slowdown\"").flatMap { values.string($0, "name") }
        if let name, !Self.isValidName(name) {
            log.add("name", "expected letters, digits, '-', '_' or '.' (it names the report folder), found \"\(name)\"", at: root.location)
        }
        let description = top.optional("description").flatMap { values.string($0, "description") } ?? ""
        let seed = top.optional("seed").flatMap { values.seed($0, "seed") } ?? 1
        let duration = top.required("duration", "a duration such as \"5m\"")
            .flatMap { values.duration($0, "duration", in: .milliseconds(1)...Self.maximumDuration) }
        let drain = top.optional("drain").flatMap { values.duration($0, "drain", in: .zero...Self.maximumDuration) } ?? .zero
        let interval = top.optional("sampleEvery").flatMap { values.duration($0, "sampleEvery", in: .milliseconds(10)...TimeSpan.hours(1)) } ?? .seconds(1)

        let services = top.required("services", "an object of services").map { readServices($0) } ?? []
        let names = services.map(\.name)
        let workload = top.required("workload", "an object with \"entry\" and \"arrivals\"").flatMap { readWorkload($0, names: names) }
        let network = top.optional("network").flatMap { readNetwork($0, names: names) } ?? NetworkConfig()
        let end = Instant.zero + (duration ?? .zero) + drain
        let faultReader = FaultReader(log: log, serviceNames: names, runEnd: end)
        let (faults, networkFaults) = top.optional("faults").map { faultReader.read($0) } ?? ([], [])
        let chaos = top.optional("chaos").flatMap { readChaos($0, names: names, start: .zero, end: .zero + (duration ?? .zero)) }
        let swarm = top.optional("swarm").flatMap { SwarmReader(log: log, serviceNames: names, runEnd: end).read($0) }
        let architecturesNode = top.required("architectures", "an object naming at least one architecture")
        let architectures = architecturesNode.map { ArchitectureReader(log: log, serviceNames: names, entry: workload?.entry).read($0) } ?? []
        let expectations = top.optional("expectations").map { node in
            ExpectationReader(log: log, declared: architecturesNode?.objectMembers?.map(\.key) ?? [], specs: architectures,
                              serviceNames: names, entry: workload?.entry).read(node)
        } ?? []
        top.rejectUnknownKeys()

        guard log.issues.isEmpty, let name, let duration, let workload, !services.isEmpty else { return nil }
        let world = WorldConfig(seed: seed, duration: duration, drain: drain, workload: workload, services: services,
                                network: network, faults: faults.map(\.config), networkFaults: networkFaults.map(\.config),
                                sampleInterval: interval)
        return Scenario(name: name, description: description, world: world, architectures: architectures,
                        faultDescriptions: faults.map(\.description) + networkFaults.map(\.description),
                        expectations: expectations, chaos: chaos, swarm: swarm)
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" || $0 == "."
        } && !name.hasPrefix(".")
    }

    func readServices(_ node: JSONNode) -> [ServiceConfig] {
        guard let members = node.objectMembers else { log.wrong("services", expected: "an object of services by name", found: node); return [] }
        if members.isEmpty { log.add("services", "expected at least one service", at: node.location) }
        var services: [ServiceConfig] = []
        for member in members {
            let path = "services." + member.key
            guard var object = ObjectReader(member.value, path: path, log: log) else { continue }
            let workers = object.optional("workers").flatMap { values.integer($0, object.path("workers"), in: 1...100_000) } ?? 1
            var capacity: Int?
            if let queue = object.optional("queue") {
                if queue.stringValue == "unbounded" { capacity = nil } else {
                    capacity = values.integer(queue, object.path("queue"), in: 0...10_000_000)
                }
            }
            let work = object.required("work", "a distribution such as {\"constant\": \"100ms\"}")
                .flatMap { distributions.read($0, object.path("work")) }
            object.rejectUnknownKeys()
            services.append(ServiceConfig(name: member.key, workers: workers, queueCapacity: capacity, work: work ?? .constant(0)))
        }
        return services
    }

    func readWorkload(_ node: JSONNode, names: [String]) -> WorkloadConfig? {
        guard var object = ObjectReader(node, path: "workload", log: log) else { return nil }
        let entry = object.required("entry", "the name of the service users call").flatMap { values.service($0, "workload.entry", among: names) }
        let arrivals = object.required("arrivals", "an object such as {\"poisson\": \"200/s\"}").flatMap { readArrivals($0) }
        var keyCount = 10_000, skew = KeySkew.uniform
        if let keys = object.optional("keys"), var keyObject = ObjectReader(keys, path: "workload.keys", log: log) {
            keyCount = keyObject.optional("count").flatMap { values.integer($0, "workload.keys.count", in: 1...Self.maximumKeys) } ?? keyCount
            if let zipf = keyObject.optional("zipf") {
                skew = values.number(zipf, "workload.keys.zipf", in: 0.01...5, what: "a Zipf exponent").map { KeySkew.zipf(exponent: $0) } ?? skew
            }
            keyObject.rejectUnknownKeys()
        }
        object.rejectUnknownKeys()
        guard let entry, let arrivals else { return nil }
        return WorkloadConfig(entry: entry, arrivals: arrivals, keyCount: keyCount, keySkew: skew)
    }

    func readArrivals(_ node: JSONNode) -> ArrivalProcess? {
        let kinds = ["poisson", "constant"]
        guard let members = node.objectMembers, members.count == 1, let member = members.first else {
            log.wrong("workload.arrivals", expected: "an object with one of \(Describe.choices(kinds))", found: node)
            return nil
        }
        let path = "workload.arrivals." + member.key
        switch member.key {
        case "poisson": return values.rate(member.value, path).map { .poisson($0) }
        case "constant": return values.rate(member.value, path).map { .constant($0) }
        default:
            let hint = Suggestion.closest(to: member.key, among: kinds).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "unknown arrival process\(hint); expected \(Describe.choices(kinds))", at: member.keyLocation)
            return nil
        }
    }

    /// `{"kinds": ["crash", "slow"], "targets": ["email"], "every": "30s", "lasting": "5s"}`:
    /// faults drawn at random from the seed over the arrival period.
    func readChaos(_ node: JSONNode, names: [String], start: Instant, end: Instant) -> ChaosSpec? {
        guard var object = ObjectReader(node, path: "chaos", log: log) else { return nil }
        defer { object.rejectUnknownKeys() }
        let kindsNode = object.required("kinds", "an array of fault kinds")
        let kinds = (kindsNode?.arrayElements ?? []).enumerated().compactMap { i, element in
            values.choice(element, "chaos.kinds[\(i)]", ChaosSpec.Kind.allCases.map { ($0.rawValue, $0) })
        }
        let targetsNode = object.required("targets", "an array of service names")
        let targets = (targetsNode?.arrayElements ?? []).enumerated().compactMap { i, element in
            values.service(element, "chaos.targets[\(i)]", among: names + ["broker"])
        }
        let every = object.required("every", "the mean time between faults, such as \"30s\"")
            .flatMap { values.duration($0, "chaos.every", in: .milliseconds(10)...TimeSpan.hours(24)) }
        let lasting = object.required("lasting", "the mean length of a fault, such as \"5s\"")
            .flatMap { values.duration($0, "chaos.lasting", in: .milliseconds(1)...TimeSpan.hours(24)) }
        var spec = ChaosSpec(kinds: kinds, targets: targets, meanInterval: every ?? .seconds(1), meanDuration: lasting ?? .seconds(1),
                             start: start, end: end)
        if let n = object.optional("slowFactor") { spec.slowFactor = values.number(n, "chaos.slowFactor", in: 1...100_000, what: "a factor") ?? spec.slowFactor }
        if let n = object.optional("errorFraction") { spec.errorFraction = values.probability(n, "chaos.errorFraction") ?? spec.errorFraction }
        if let kindsNode, kinds.isEmpty, kindsNode.arrayElements?.isEmpty ?? true { log.wrong("chaos.kinds", expected: "a non-empty array of \(Describe.choices(ChaosSpec.Kind.allCases.map(\.rawValue)))", found: kindsNode) }
        if let targetsNode, targets.isEmpty, targetsNode.arrayElements?.isEmpty ?? true { log.wrong("chaos.targets", expected: "a non-empty array of service names", found: targetsNode) }
        guard every != nil, lasting != nil, !kinds.isEmpty, !targets.isEmpty else { return nil }
        return spec
    }

    /// `{"latency": …, "links": [{"from": "payment", "to": "email", "latency": …}]}`; a link
    /// without `from` or `to` matches any node on that side.
    func readNetwork(_ node: JSONNode, names: [String]) -> NetworkConfig? {
        guard var object = ObjectReader(node, path: "network", log: log) else { return nil }
        var config = NetworkConfig()
        if let latency = object.optional("latency").flatMap({ distributions.read($0, "network.latency") }) { config.latency = latency }
        if let links = object.optional("links") {
            for (i, element) in (links.arrayElements ?? []).enumerated() {
                let path = "network.links[\(i)]"
                guard var link = ObjectReader(element, path: path, log: log) else { continue }
                let nodes = names + ["broker"]
                let from = link.optional("from").flatMap { values.service($0, link.path("from"), among: nodes) }
                let to = link.optional("to").flatMap { values.service($0, link.path("to"), among: nodes) }
                let latency = link.required("latency", "a distribution").flatMap { distributions.read($0, link.path("latency")) }
                link.rejectUnknownKeys()
                if let latency { config.links.append(LinkLatency(from: from, to: to, latency: latency)) }
            }
            if links.arrayElements == nil { log.wrong("network.links", expected: "an array of links", found: links) }
        }
        object.rejectUnknownKeys()
        return config
    }
}
