import SimKernel
import SimMetrics
import SimModels

/// Turns a parsed scenario document into a `Scenario`, collecting every problem on the way.
struct ScenarioReader {
    let log = IssueLog()
    var values: ValueReader { ValueReader(log: log) }
    var distributions: DistributionReader { DistributionReader(log: log) }

    /// Limits that keep any scenario finite: ten years of simulated time for `duration` and
    /// for `drain` (the event budget bounds the work), and a million samples per architecture
    /// (the memory that grows with the length of a run: about 200 bytes per time-series row).
    static let maximumDuration = TimeSpan.hours(24 * 3650)
    static let maximumSamples: Int64 = 1_000_000
    static let maximumKeys = 10_000_000

    /// The scenario as far as `root` reads: `nil` only when its duration, workload or services
    /// do not. With issues in `log` it is not valid; the parts that read stand for what the file
    /// says (so its memory can be estimated alongside the issues), the rest for defaults.
    func read(_ root: JSONNode) -> Scenario? {
        guard var top = ObjectReader(root, path: "", log: log) else { return nil }
        let nameNode = top.required("name", "a short name such as \"payment-email-slowdown\"")
        let name = nameNode.flatMap { values.string($0, "name") }
        if let name, let nameNode { NameRule.check(name, "name", what: "it names the report folder", log: log, at: nameNode.location) }
        let description = top.optional("description").flatMap { values.string($0, "description") } ?? ""
        let seed = top.optional("seed").flatMap { values.seed($0, "seed") } ?? 1
        let duration = top.required("duration", "a duration such as \"5m\"")
            .flatMap { values.duration($0, "duration", in: .milliseconds(1)...Self.maximumDuration) }
        let drain = top.optional("drain").flatMap { values.duration($0, "drain", in: .zero...Self.maximumDuration) } ?? .zero
        let warmup = top.optional("warmup").flatMap { readWarmup($0, duration: duration) }
        let intervalNode = top.optional("sampleEvery")
        let interval = intervalNode.flatMap { values.duration($0, "sampleEvery", in: .milliseconds(10)...TimeSpan.hours(1)) } ?? .seconds(1)
        if let duration { checkSamples(over: duration + drain, every: interval, at: intervalNode ?? root) }

        let services = top.required("services", "an object of services").map { readServices($0) } ?? []
        let names = services.map(\.name)
        let workloadNode = top.required("workload", "an object with \"entry\" and \"arrivals\"")
        let workload = workloadNode.flatMap { readWorkload($0, names: names) }
        if let workload, let duration { checkEventBudget(workload.arrivals, over: duration, at: workloadNode ?? root) }
        let networkNode = top.optional("network")
        let network = networkNode.flatMap { readNetwork($0, names: names) } ?? NetworkConfig()
        let end = duration.map { Instant.zero + $0 + drain }
        let faultReader = FaultReader(log: log, serviceNames: names, runEnd: end)
        let (faults, networkFaults) = top.optional("faults").map { faultReader.read($0) } ?? ([], [])
        let chaosNode = top.optional("chaos")
        let chaos = chaosNode.flatMap { readChaos($0, names: names, start: .zero, end: .zero + (duration ?? .zero)) }
        let swarmRead = top.optional("swarm").flatMap { SwarmReader(log: log, serviceNames: names, runEnd: end).read($0) }
        let architecturesNode = top.required("architectures", "an object naming at least one architecture")
        let architectures = architecturesNode.map { ArchitectureReader(log: log, serviceNames: names, entry: workload?.entry).read($0) } ?? []
        let expectations = top.optional("expectations").map { node in
            ExpectationReader(log: log, declared: architecturesNode?.objectMembers?.map(\.key) ?? [], specs: architectures,
                              serviceNames: names, entry: workload?.entry).read(node)
        } ?? []
        // A swarm's candidates must pass the same checks: drawn, they would hit nothing or hang users for ever.
        let targeted = faults + (swarmRead?.serviceFaults ?? [])
        checkInstances(of: targeted, in: architectures, names: names)
        if let entry = workload?.entry, architectures.count == architecturesNode?.objectMembers?.count {
            let targets = TargetsAtWork(architectures, names: names, entry: entry, log: log)
            targets.check(targeted)
            targets.check(networkFaults + (swarmRead?.networkFaults ?? []))
            targets.checkLinks(networkNode?.objectMembers?.first { $0.key == "links" }?.value)
            if chaos != nil { targets.checkChaosTargets(chaosNode) }
        }
        // A timeout written but wrong is reported where it stands; the hang is judged only without one.
        let hasWrittenTimeout = workloadNode?.member("client")?.member("timeout") != nil
        if let entry = workload?.entry, workload?.client?.timeout == nil, !hasWrittenTimeout {
            for fault in targeted where fault.config.service == entry {
                guard case .hang = fault.config.kind else { continue }
                log.add(fault.targetPath, "a hang needs a caller that gives up, and the users of the entry \"\(names[entry])\" wait for ever; "
                        + "give them a timeout (workload.client.timeout), or use \"errors\" or \"crash\" on the entry", at: fault.targetPosition)
            }
        }
        top.rejectUnknownKeys()

        guard let duration, let workload, !services.isEmpty else { return nil }
        var world = WorldConfig(seed: seed, duration: duration, drain: drain, workload: workload, services: services,
                                network: network, faults: faults.map(\.config), networkFaults: networkFaults.map(\.config),
                                sampleInterval: interval)
        world.warmup = warmup
        return Scenario(name: name ?? "", description: description, world: world, architectures: architectures,
                        faultDescriptions: faults.map(\.description) + networkFaults.map(\.description),
                        expectations: expectations, chaos: chaos, swarm: swarmRead?.spec)
    }

    /// `"30s"` (a warm-up shorter than `duration`) or `{"requests": 1000}`.
    func readWarmup(_ node: JSONNode, duration: TimeSpan?) -> Warmup? {
        if let text = node.stringValue {
            guard let span = values.duration(node, "warmup", in: .nanoseconds(1)...Self.maximumDuration) else { return nil }
            if let duration, span >= duration {
                log.add("warmup", "expected a warm-up shorter than duration (\(duration)), found \(Describe.quoted(text))", at: node.location)
                return nil
            }
            return .time(span)
        }
        guard node.objectMembers != nil else {
            log.wrong("warmup", expected: "a duration such as \"30s\" or {\"requests\": 1000}", found: node)
            return nil
        }
        guard var object = ObjectReader(node, path: "warmup", log: log) else { return nil }
        let count = object.required("requests", "a number of requests").flatMap { values.integer($0, "warmup.requests", in: 1...1_000_000_000) }
        object.rejectUnknownKeys()
        return count.map { .requests($0) }
    }

    /// The time-series rows a run of `length` keeps: one per whole `interval`, and one for the
    /// shorter interval left at the end, if any.
    static func samples(over length: TimeSpan, every interval: TimeSpan) -> Int64 {
        (length.nanoseconds + interval.nanoseconds - 1) / interval.nanoseconds
    }

    /// A run keeps one time-series row per `interval` (see `samples(over:every:)`): a long run
    /// needs a longer interval.
    func checkSamples(over length: TimeSpan, every interval: TimeSpan, at node: JSONNode) {
        let samples = Self.samples(over: length, every: interval)
        guard samples > Self.maximumSamples else { return }
        let perSample: Int64 = Self.maximumSamples * 1_000_000  // nanoseconds of run per millisecond of interval
        let needed = TimeSpan.milliseconds((length.nanoseconds + perSample - 1) / perSample)
        log.add("sampleEvery", "a run of \(length) sampled every \(interval) keeps \(samples) samples, more than \(Self.maximumSamples); "
                + "sample every \(needed) or more", at: node.location)
    }

    /// `span` rounded down to whole seconds (whole milliseconds or microseconds below a second
    /// or a millisecond), as advice writes a duration: `200s`, not `199999999.999us`.
    static func wholeUnits(_ span: TimeSpan) -> TimeSpan {
        for size: Int64 in [1_000_000_000, 1_000_000, 1_000] where span.nanoseconds >= size {
            return .nanoseconds(span.nanoseconds / size * size)
        }
        return span
    }

    /// Each request costs its run at least one event (its arrival), so a run whose arrivals
    /// alone, at the lowest rate the process takes, pass the event budget cannot reach its end:
    /// it is refused here instead of stopping early. (Runs that pass the budget only through
    /// the events of their calls and messages are stopped, and failed, by the run itself.)
    func checkEventBudget(_ arrivals: ArrivalProcess, over duration: TimeSpan, at node: JSONNode) {
        let budget = WorldConfig.defaultEventBudget
        let requests = arrivals.lowestRatePerSecond * duration.seconds
        guard requests > Double(budget) else { return }
        let longest = Self.wholeUnits(.nanoseconds(Int64(Double(budget) / arrivals.lowestRatePerSecond * 1e9)))
        log.add("workload.arrivals", "at least \(Format.compact(requests)) requests arrive in \(duration), each at least one event, "
                + "more than the event budget of \(budget) events per architecture; the run would stop early: "
                + "lower the rate or make duration at most \(longest)", at: node.location)
    }

    /// A fault on one consumer instance needs that instance in every events architecture
    /// that consumes the service, and at least one such architecture.
    func checkInstances(of faults: [FaultReader.ReadFault], in architectures: [ArchitectureSpec], names: [String]) {
        for fault in faults {
            guard let instance = fault.config.instance else { continue }
            let name = names[fault.config.service]
            let consumers = architectures.compactMap { architecture -> (String, ConsumerConfig)? in
                guard case .events(let events) = architecture.design,
                      let consumer = events.consumers.first(where: { $0.service == fault.config.service }) else { return nil }
                return (architecture.name, consumer)
            }
            if consumers.isEmpty {
                log.add(fault.targetPath, "\"\(name)#\(instance)\" names a consumer instance, but no events architecture consumes \"\(name)\"",
                        at: fault.targetPosition)
            }
            for (architecture, consumer) in consumers where instance >= consumer.instances {
                log.add(fault.targetPath, "\"\(name)\" has \(consumer.instances) instance\(consumer.instances == 1 ? "" : "s") in architecture \"\(architecture)\", numbered from 0: there is no instance \(instance)",
                        at: fault.targetPosition)
            }
        }
    }

    func readServices(_ node: JSONNode) -> [ServiceConfig] {
        guard let members = node.objectMembers else { log.wrong("services", expected: "an object of services by name", found: node); return [] }
        if members.isEmpty { log.add("services", "expected at least one service", at: node.location) }
        var services: [ServiceConfig] = []
        for member in members {
            let path = "services." + member.key
            NameRule.check(member.key, path, what: "it names columns, charts and report lines", log: log, at: member.keyLocation)
            if member.key == "broker" {
                log.add(path, "\"broker\" is reserved for the broker node in faults (a {\"crash\": \"broker\"} would crash this service in a "
                        + "synchronous design and the broker in an event-driven one); expected another service name", at: member.keyLocation)
            }
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
        let client = object.optional("client").flatMap { readClient($0) }
        object.rejectUnknownKeys()
        guard let entry, let arrivals else { return nil }
        var workload = WorkloadConfig(entry: entry, arrivals: arrivals, keyCount: keyCount, keySkew: skew)
        workload.client = client
        return workload
    }

    /// `{"timeout": "3s", "retries": {"attempts": 3, "base": "1s"}}`: users who give up on an
    /// attempt after `timeout` (without one, they wait for ever) and try again as `retries` says.
    /// Each field is read whatever the other holds, so a problem in either is reported.
    func readClient(_ node: JSONNode) -> ClientPolicy? {
        guard var object = ObjectReader(node, path: "workload.client", log: log) else { return nil }
        defer { object.rejectUnknownKeys() }
        var policy = ClientPolicy()
        if let n = object.optional("timeout") { policy.timeout = values.duration(n, "workload.client.timeout", in: .microseconds(1)...TimeSpan.hours(1)) }
        if let n = object.optional("retries") { policy.retries = PolicyReader(log: log).readRetries(n, "workload.client.retries") ?? policy.retries }
        return policy
    }

    func readArrivals(_ node: JSONNode) -> ArrivalProcess? {
        let kinds = ["poisson", "constant", "ramp", "bursts", "daily"]
        guard let members = node.objectMembers, members.count == 1, let member = members.first else {
            if let members = node.objectMembers, members.count > 1 {
                log.add("workload.arrivals", "expected one arrival process, found \(members.count) keys: \(members.map(\.key).joined(separator: ", "))",
                        at: node.location)
            } else {
                log.wrong("workload.arrivals", expected: "an object with one of \(Describe.choices(kinds))", found: node)
            }
            return nil
        }
        let path = "workload.arrivals." + member.key
        switch member.key {
        case "poisson": return values.rate(member.value, path).map { .poisson($0) }
        case "constant": return values.rate(member.value, path).map { .constant($0) }
        case "ramp", "bursts", "daily": return readVaryingArrivals(member.key, member.value, path)
        default:
            let hint = Suggestion.closest(to: member.key, among: kinds).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "unknown arrival process\(hint); expected \(Describe.choices(kinds))", at: member.keyLocation)
            return nil
        }
    }

    /// `{"from": "50/s", "to": "400/s", "over": "2m"}`, `{"base": "100/s", "peak": "1000/s",
    /// "every": "30s", "lasting": "2s"}` or `{"mean": "200/s", "amplitude": 0.5, "period": "24h", "peakAt": "14h"}`.
    func readVaryingArrivals(_ kind: String, _ node: JSONNode, _ path: String) -> ArrivalProcess? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        defer { object.rejectUnknownKeys() }
        func rate(_ key: String) -> Rate? {
            object.required(key, "a rate such as \"200/s\"").flatMap { values.rate($0, object.path(key)) }
        }
        func duration(_ key: String, _ expected: String) -> TimeSpan? {
            object.required(key, expected).flatMap { values.duration($0, object.path(key), in: .milliseconds(1)...TimeSpan.hours(24 * 7)) }
        }
        switch kind {
        case "ramp":
            let from = rate("from"), to = rate("to"), over = duration("over", "how long the ramp takes")
            guard let from, let to, let over else { return nil }
            return .ramp(from: from, to: to, over: over)
        case "bursts":
            let base = rate("base"), peak = rate("peak")
            let every = duration("every", "the time from one burst's start to the next")
            let lasting = duration("lasting", "how long each burst lasts")
            guard let base, let peak, let every, let lasting else { return nil }
            guard lasting < every else {
                log.add(object.path("lasting"), "expected a burst shorter than its period (\(every)), found \(lasting)", at: node.location)
                return nil
            }
            return .bursts(base: base, peak: peak, every: every, lasting: lasting)
        default:
            let mean = rate("mean")
            let amplitude = object.required("amplitude", "a number from 0 to 1").flatMap {
                values.number($0, object.path("amplitude"), in: 0...1, what: "an amplitude")
            }
            let period = object.optional("period").flatMap { values.duration($0, object.path("period"), in: .seconds(1)...TimeSpan.hours(24 * 7)) } ?? .hours(24)
            let peakAt = object.optional("peakAt").flatMap { values.duration($0, object.path("peakAt"), in: .zero...TimeSpan.hours(24 * 7)) } ?? .hours(14)
            guard let mean, let amplitude else { return nil }
            return .daily(mean: mean, amplitude: amplitude, period: period, peakAt: peakAt)
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
        rejectRepeats(kindsNode, "chaos.kinds", each: "kind")
        rejectRepeats(targetsNode, "chaos.targets", each: "target")
        let every = object.required("every", "the mean time between faults, such as \"30s\"")
            .flatMap { values.duration($0, "chaos.every", in: .milliseconds(10)...TimeSpan.hours(24)) }
        let lasting = object.required("lasting", "the mean length of a fault, such as \"5s\"")
            .flatMap { values.duration($0, "chaos.lasting", in: .milliseconds(1)...TimeSpan.hours(24)) }
        var spec = ChaosSpec(kinds: kinds, targets: targets, broker: names.count, meanInterval: every ?? .seconds(1),
                             meanDuration: lasting ?? .seconds(1), start: start, end: end)
        if !targets.isEmpty, targets.allSatisfy({ $0 == names.count }) {
            for (i, element) in (kindsNode?.arrayElements ?? []).enumerated() {
                guard let kind = ChaosSpec.Kind(rawValue: element.stringValue ?? ""), !ChaosSpec.reachesBroker(kind) else { continue }
                log.add("chaos.kinds[\(i)]", "\(kind.rawValue) faults have no target: the broker, the only one in \"targets\", "
                        + "takes only crash and pause faults", at: element.location)
            }
        }
        if let n = object.optional("slowFactor") { spec.slowFactor = values.number(n, "chaos.slowFactor", in: 1...100_000, what: "a factor") ?? spec.slowFactor }
        if let n = object.optional("errorFraction") { spec.errorFraction = values.probability(n, "chaos.errorFraction") ?? spec.errorFraction }
        if kinds.count == kindsNode?.arrayElements?.count { rejectUndrawnSettings(object, kinds: kinds) }  // a misspelt kind is news enough
        if let kindsNode, kinds.isEmpty, kindsNode.arrayElements?.isEmpty ?? true { log.wrong("chaos.kinds", expected: "a non-empty array of \(Describe.choices(ChaosSpec.Kind.allCases.map(\.rawValue)))", found: kindsNode) }
        if let targetsNode, targets.isEmpty, targetsNode.arrayElements?.isEmpty ?? true { log.wrong("chaos.targets", expected: "a non-empty array of service names", found: targetsNode) }
        guard every != nil, lasting != nil, !kinds.isEmpty, !targets.isEmpty,
              targets.contains(where: { $0 != names.count }) || kinds.allSatisfy(ChaosSpec.reachesBroker) else { return nil }
        guard spec.expectedFaults <= ChaosSpec.maximumExpectedFaults else {
            let window = end - start
            let needed = TimeSpan.nanoseconds((window.nanoseconds + ChaosSpec.maximumExpectedFaults - 1) / ChaosSpec.maximumExpectedFaults)
            log.add("chaos.every", "one fault every \(spec.meanInterval) over \(window) draws about \(spec.expectedFaults) faults, "
                    + "more than \(ChaosSpec.maximumExpectedFaults); draw one every \(needed) or more", at: node.location)
            return nil
        }
        return spec
    }

    /// Chaos draws each of its kinds and each of its targets equally likely: one named twice
    /// would be drawn twice as often without a word, so the repeat is refused where it stands.
    func rejectRepeats(_ list: JSONNode?, _ path: String, each what: String) {
        var seen: Set<String> = []
        for (i, element) in (list?.arrayElements ?? []).enumerated() {
            guard let name = element.stringValue, !seen.insert(name).inserted else { continue }
            log.add("\(path)[\(i)]", "\"\(name)\" is named twice; each \(what) is drawn equally likely, so name it once", at: element.location)
        }
    }

    /// `slowFactor` and `errorFraction` shape the drawn faults of one kind: without that kind
    /// among `kinds` no such fault is drawn, and the setting is an error rather than ignored.
    func rejectUndrawnSettings(_ object: ObjectReader, kinds: [ChaosSpec.Kind]) {
        for (key, kind) in [("slowFactor", ChaosSpec.Kind.slow), ("errorFraction", .errors)] where !kinds.contains(kind) {
            guard let member = object.members.first(where: { $0.key == key }) else { continue }
            log.add("chaos." + key, "applies only when \"kinds\" holds \"\(kind.rawValue)\"; no \(kind.rawValue) fault is drawn", at: member.keyLocation)
        }
    }

    /// `{"latency": …, "links": [{"from": "payment", "to": "email", "latency": …}]}`; a link
    /// without `from` or `to` matches any node on that side.
    func readNetwork(_ node: JSONNode, names: [String]) -> NetworkConfig? {
        guard var object = ObjectReader(node, path: "network", log: log) else { return nil }
        var config = NetworkConfig()
        if let latency = object.optional("latency").flatMap({ distributions.read($0, "network.latency") }) { config.latency = latency }
        if let links = object.optional("links") {
            var shadows = LinkShadows()
            for (i, element) in (links.arrayElements ?? []).enumerated() {
                let path = "network.links[\(i)]"
                guard var link = ObjectReader(element, path: path, log: log) else { continue }
                let nodes = names + ["broker"]
                let fromNode = link.optional("from"), toNode = link.optional("to")
                let from = fromNode.flatMap { values.service($0, link.path("from"), among: nodes) }
                let to = toNode.flatMap { values.service($0, link.path("to"), among: nodes) }
                let latency = link.required("latency", "a distribution").flatMap { distributions.read($0, link.path("latency")) }
                link.rejectUnknownKeys()
                if let latency { config.links.append(LinkLatency(from: from, to: to, latency: latency)) }
                // An end written but unknown is no wildcard: the link is judged once it reads.
                guard (fromNode == nil) == (from == nil), (toNode == nil) == (to == nil) else { continue }
                if let earlier = shadows.add(i, from: from, to: to) {
                    log.add(path, "no message takes this link: network.links[\(earlier)] comes first and matches every message it would "
                            + "(the first link that matches a message sets its latency); put this link before it, or drop it", at: element.location)
                }
            }
            if links.arrayElements == nil { log.wrong("network.links", expected: "an array of links", found: links) }
        }
        object.rejectUnknownKeys()
        return config
    }
}
