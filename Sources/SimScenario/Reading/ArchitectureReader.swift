import SimKernel
import SimModels

/// Reads the `architectures` object: each entry is a synchronous chain or an event-driven
/// design, told apart by `"kind"` or by a name starting with `sync` or `events`.
struct ArchitectureReader {
    let log: IssueLog
    let serviceNames: [String]
    let entry: Int?
    var values: ValueReader { ValueReader(log: log) }

    func read(_ node: JSONNode) -> [ArchitectureSpec] {
        guard let members = node.objectMembers else {
            log.wrong("architectures", expected: "an object naming each architecture", found: node)
            return []
        }
        if members.isEmpty { log.add("architectures", "expected at least one architecture", at: node.location) }
        return members.compactMap { member in
            let path = "architectures." + member.key
            NameRule.check(member.key, path, what: "it names files in the report folder", log: log, at: member.keyLocation)
            if member.key == "all" {
                log.add(path, "\"all\" is reserved: an expectation's \"architecture\": \"all\" means every architecture; expected another name",
                        at: member.keyLocation)
            }
            guard var object = ObjectReader(member.value, path: path, log: log) else { return nil }
            let kind: String?
            if let kindNode = object.optional("kind") {
                kind = values.choice(kindNode, object.path("kind"), [("sync", "sync"), ("events", "events"), ("hybrid", "events")])
            } else if member.key.hasPrefix("sync") {
                kind = "sync"
            } else if member.key.hasPrefix("events") || member.key.hasPrefix("hybrid") {
                kind = "events"
            } else {
                log.add(object.path("kind"), "is missing; expected \"sync\" or \"events\" (or a name starting with one of them)", at: member.keyLocation)
                kind = nil
            }
            let design: ArchitectureSpec.Design?
            switch kind {
            case "sync": design = readSync(&object).map { .sync($0) }
            case "events": design = readEvents(&object).map { .events($0) }
            default: design = nil
            }
            if kind != nil { object.rejectUnknownKeys() }
            return design.map { ArchitectureSpec(name: member.key, design: $0) }
        }
    }

    func readSync(_ object: inout ObjectReader) -> SyncConfig? {
        var policy = CallPolicy(timeout: .seconds(2))
        _ = PolicyReader(log: log).read(&object, into: &policy)
        let chainNode = object.optional("chain"), callsNode = object.optional("calls")
        var graph: CallGraph?
        switch (chainNode, callsNode) {
        case (let chainNode?, nil): graph = readChain(chainNode, object.path("chain"))
        case (nil, let callsNode?):
            guard let entry else { break }
            let calls = CallsReader(log: log, serviceNames: serviceNames, defaultPolicy: policy).read(callsNode, object.path("calls"), roots: [entry])
            if let calls, calls.roots[0] == nil {
                log.add(object.path("calls"), "expected the workload's entry \"\(serviceNames[entry])\" to call someone", at: callsNode.location)
            } else {
                graph = calls?.graph
            }
        case (nil, nil): log.add(object.path("chain"), "is missing; expected \"chain\" (a list of services) or \"calls\" (who calls whom)", at: object.node.location)
        default: log.add(object.path("calls"), "expected either \"chain\" or \"calls\", not both", at: callsNode!.location)
        }
        if let bestEffort = object.optional("bestEffort"), graph != nil {
            let path = object.path("bestEffort")
            for (i, element) in (bestEffort.arrayElements ?? []).enumerated() {
                guard let service = values.service(element, "\(path)[\(i)]", among: serviceNames) else { continue }
                let nodes = graph!.nodes.indices.dropFirst().filter { graph!.nodes[$0].service == service }
                if nodes.isEmpty {
                    log.add("\(path)[\(i)]", "\"\(serviceNames[service])\" is not called by anyone in this architecture", at: element.location)
                }
                for node in nodes { graph!.nodes[node].isRequired = false }
            }
            if bestEffort.arrayElements == nil { log.wrong(path, expected: "an array of service names", found: bestEffort) }
        }
        guard let graph else { return nil }
        return SyncConfig(graph: graph, timeout: policy.timeout, retries: policy.retries, breaker: policy.breaker,
                          bulkhead: policy.bulkhead, retryBudget: policy.retryBudget)
    }

    func readChain(_ node: JSONNode, _ path: String) -> CallGraph? {
        guard let elements = node.arrayElements, !elements.isEmpty else {
            log.wrong(path, expected: "a non-empty array of service names", found: node)
            return nil
        }
        // Each service of a chain is one call node, as in a `calls` tree: the same limit holds.
        let isTooLong = elements.count > CallsReader.maxNodes
        if isTooLong {
            log.add(path, "expected at most \(CallsReader.maxNodes) services in the chain, each a call, found \(elements.count)", at: node.location)
        }
        var chain: [Int] = []
        var inChain = [Bool](repeating: false, count: serviceNames.count)
        for (i, element) in elements.enumerated() {
            guard let service = values.service(element, "\(path)[\(i)]", among: serviceNames) else { continue }
            if inChain[service] {
                log.add("\(path)[\(i)]", "\"\(serviceNames[service])\" appears twice: a chain cannot call back into itself (a cycle)", at: element.location)
            }
            inChain[service] = true
            chain.append(service)
        }
        guard chain.count == elements.count, !isTooLong else { return nil }
        if let entry, chain[0] != entry {
            log.add(path + "[0]", "expected the workload's entry \"\(serviceNames[entry])\" first, found \"\(serviceNames[chain[0]])\"", at: elements[0].location)
            return nil
        }
        return .chain(chain)
    }

    func readEvents(_ object: inout ObjectReader) -> EventsConfig? {
        var config = EventsConfig(consumers: [])
        if let n = object.optional("broker") { config.broker = readBroker(n, object.path("broker")) ?? config.broker }
        let topicNode = object.optional("topic")
        if let topicNode, config.broker != .log {
            log.add(object.path("topic"), "applies to the log broker only; this architecture uses a queue per consumer", at: topicNode.location)
        }
        if let topic = topicNode, var t = ObjectReader(topic, path: object.path("topic"), log: log) {
            if let n = t.optional("partitions") { config.partitions = values.integer(n, t.path("partitions"), in: 1...10_000) ?? config.partitions }
            if let n = t.optional("keyed") { config.isKeyed = values.bool(n, t.path("keyed")) ?? config.isKeyed }
            if let n = t.optional("retention") { config.retention = values.duration(n, t.path("retention"), in: .milliseconds(1)...TimeSpan.hours(24 * 3650)) }
            if let n = t.optional("retentionEvents") { config.retentionEvents = values.integer(n, t.path("retentionEvents"), in: 1...1_000_000_000) }
            t.rejectUnknownKeys()
        }
        if let n = object.optional("publish") {
            config.publish = values.choice(n, object.path("publish"), PublishDiscipline.allCases.map { ($0.rawValue, $0) }) ?? config.publish
        }
        if let n = publishModeField(&object, "relayEvery", config.publish) {
            config.relayInterval = values.duration(n, object.path("relayEvery"), in: .microseconds(1)...TimeSpan.minutes(10)) ?? config.relayInterval
        }
        if let n = publishModeField(&object, "linger", config.publish) {
            config.linger = values.duration(n, object.path("linger"), in: .zero...TimeSpan.minutes(1)) ?? config.linger
        }
        if let n = publishModeField(&object, "waitForAck", config.publish) { config.waitsForAck = values.bool(n, object.path("waitForAck")) ?? config.waitsForAck }
        if let n = object.optional("publishTimeout") { config.publishTimeout = values.duration(n, object.path("publishTimeout"), in: .microseconds(1)...TimeSpan.hours(1)) ?? config.publishTimeout }
        if let n = object.optional("producer") { config.producer = readProducer(n, object.path("producer"), config) ?? config.producer }
        let topicsNode = object.optional("topics")
        let topicNames = topicsNode?.objectMembers?.map(\.key) ?? []
        if let consumers = object.required("consumers", "an object of consuming services") {
            config.consumers = readConsumers(consumers, object.path("consumers"), broker: config.broker, topicNames: topicNames,
                                             retains: Self.statesRetention(topicNode))
        }
        if let topicsNode { readTopics(topicsNode, object.path("topics"), names: topicNames, into: &config) }
        let hasCalls = object.members.contains { $0.key == "calls" }
        readCalls(&object, topicNames: topicNames, into: &config)
        if topicsNode != nil || config.consumers.contains(where: { $0.publishesTo != nil }) {
            // Calls refused above may hold a topic's publish step: a topic without a publisher is then not news.
            checkChains(config, object.path("topics"), at: topicsNode ?? object.node, callsRead: !hasCalls || config.calls != nil)
        }
        return config
    }

    /// `calls` in an event-driven design: the entry's calls, made before it publishes, and
    /// each consumer's, made after its work on an event; the architecture's `timeout`,
    /// `retries`, `breaker`, `bulkhead` and `retryBudget` are their defaults.
    func readCalls(_ object: inout ObjectReader, topicNames: [String], into config: inout EventsConfig) {
        var policy = CallPolicy(timeout: .seconds(2))
        let settings = PolicyReader.keys.compactMap { key in object.members.first { $0.key == key } }
        let hasSettings = PolicyReader(log: log).read(&object, into: &policy)
        guard let callsNode = object.optional("calls") else {
            if hasSettings, let first = settings.first {
                log.add(object.path(first.key), "applies to synchronous calls; this architecture makes none (add \"calls\")", at: first.keyLocation)
            }
            return
        }
        guard let entry else { return }
        let roots = [entry] + config.consumers.map(\.service)
        let reader = CallsReader(log: log, serviceNames: serviceNames, defaultPolicy: policy, topicNames: topicNames)
        guard let calls = reader.read(callsNode, object.path("calls"), roots: roots) else { return }
        config.calls = EventCalls(graph: calls.graph, policy: policy, entryRoot: calls.roots[0], consumerRoots: Array(calls.roots.dropFirst()))
    }

    /// The publish mode each mode-specific field of an events architecture belongs to, and
    /// what the other mode does instead.
    static let publishModeFields: [String: (mode: PublishDiscipline, otherwise: String)] = [
        "relayEvery": (.outbox, "a dual write sends from the producer's buffer after \"linger\""),
        "linger": (.dualWrite, "the outbox relay sends the committed rows every \"relayEvery\""),
        "waitForAck": (.dualWrite, "with \"outbox\" the entry answers once the event is committed with its state"),
    ]

    /// The value of `key`, a field of one publish mode, when the architecture publishes that
    /// way; in the other mode the field is an error naming its mode, not silently ignored.
    func publishModeField(_ object: inout ObjectReader, _ key: String, _ publish: PublishDiscipline) -> JSONNode? {
        guard let node = object.optional(key), let rule = Self.publishModeFields[key] else { return nil }
        guard rule.mode == publish else {
            let member = object.members.first { $0.key == key }!
            log.add(object.path(key), "applies to \"publish\": \"\(rule.mode.rawValue)\" only; \(rule.otherwise)", at: member.keyLocation)
            return nil
        }
        return node
    }

    /// `{"retryBackoff": "100ms", "deliveryTimeout": "120s", "idempotent": true}`: Kafka's
    /// `retry.backoff.ms`, `delivery.timeout.ms` (dual write only) and `enable.idempotence`
    /// (log only). A delivery timeout shorter than `linger` + `publishTimeout` is refused, as
    /// Kafka's producer refuses it.
    func readProducer(_ node: JSONNode, _ path: String, _ config: EventsConfig) -> ProducerSettings? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        var settings = ProducerSettings()
        if let n = object.optional("retryBackoff") {
            settings.retryBackoff = values.duration(n, object.path("retryBackoff"), in: .zero...TimeSpan.minutes(10)) ?? settings.retryBackoff
        }
        if let n = object.optional("deliveryTimeout") {
            let floor = config.linger + config.publishTimeout
            if config.publish != .dualWrite {
                log.add(object.path("deliveryTimeout"), "applies to \"publish\": \"dual-write\" only; the outbox relay retries until the broker acknowledges", at: n.location)
            } else if let timeout = values.duration(n, object.path("deliveryTimeout"), in: .microseconds(1)...TimeSpan.hours(24)) {
                if timeout < floor {
                    log.add(object.path("deliveryTimeout"), "expected at least linger + publishTimeout (\(floor)), found \(timeout): the first attempt could outlive it", at: n.location)
                }
                settings.deliveryTimeout = timeout
            }
        }
        if let n = object.optional("idempotent") {
            if config.broker != .log {
                log.add(object.path("idempotent"), "applies to the log broker only; a queue appends every copy it receives", at: n.location)
            } else {
                settings.isIdempotent = values.bool(n, object.path("idempotent")) ?? settings.isIdempotent
            }
        }
        object.rejectUnknownKeys()
        return settings
    }

    /// `"log"`, `"queue"`, or `{"queue": {"visibilityTimeout": "30s", …}}`.
    func readBroker(_ node: JSONNode, _ path: String) -> Broker? {
        let kinds = ["log", "queue"]
        if node.stringValue != nil { return values.choice(node, path, [("log", Broker.log), ("queue", .queue(QueueSettings()))]) }
        guard let members = node.objectMembers, members.count == 1, let member = members.first else {
            log.wrong(path, expected: "\"log\", \"queue\" or an object such as {\"queue\": {\"visibilityTimeout\": \"30s\"}}", found: node)
            return nil
        }
        let kindPath = path + "." + member.key
        switch member.key {
        case "log":
            ObjectReader(member.value, path: kindPath, log: log)?.rejectUnknownKeys()
            return .log
        case "queue":
            return readQueue(member.value, kindPath).map { .queue($0) }
        default:
            let hint = Suggestion.closest(to: member.key, among: kinds).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(kindPath, "unknown broker\(hint); expected \(Describe.choices(kinds))", at: member.keyLocation)
            return nil
        }
    }

    func readQueue(_ node: JSONNode, _ path: String) -> QueueSettings? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        var settings = QueueSettings()
        if let n = object.optional("visibilityTimeout") {
            settings.visibilityTimeout = values.duration(n, object.path("visibilityTimeout"), in: .zero...TimeSpan.hours(12)) ?? settings.visibilityTimeout
        }
        if let n = object.optional("maxReceiveCount") { settings.maxReceiveCount = values.integer(n, object.path("maxReceiveCount"), in: 1...1_000) }
        if let n = object.optional("prefetch") { settings.prefetch = values.integer(n, object.path("prefetch"), in: 1...100_000) ?? settings.prefetch }
        if let n = object.optional("retention") {
            settings.retention = values.duration(n, object.path("retention"), in: .milliseconds(1)...TimeSpan.hours(24 * 3650)) ?? settings.retention
        }
        object.rejectUnknownKeys()
        return settings
    }

    /// Consumer fields that only a log broker has: a queue has no offsets, partitions or
    /// group rebalances, and counts receives instead of attempts.
    static let logOnlyConsumerFields = ["commit", "commitEvery", "offsetReset", "maxAttempts", "sessionTimeout", "rebalancePause",
                                        "assignment", "rebalance", "fetchTimeout"]

    /// Whether a topic object states `retention` or `retentionEvents`: its consumers' positions
    /// may then be deleted (judged on the keys written, so a bad retention value is not also
    /// reported as a missing one).
    static func statesRetention(_ topic: JSONNode?) -> Bool {
        topic?.objectMembers?.contains { $0.key == "retention" || $0.key == "retentionEvents" } == true
    }

    /// The consumers of one topic on `broker`; `queueHolder` says, in a refusal of a log-only
    /// field, what is on a queue (the architecture, or one of its topics); `retains` whether
    /// the topic deletes events (`retention` or `retentionEvents`).
    func readConsumers(_ node: JSONNode, _ path: String, broker: Broker, topicNames: [String], retains: Bool,
                       queueHolder: String = "this architecture uses a queue", queueSettings: String = "broker.queue") -> [ConsumerConfig] {
        guard let members = node.objectMembers, !members.isEmpty else {
            log.wrong(path, expected: "an object with at least one consuming service", found: node)
            return []
        }
        guard members.count <= EventsConfig.maxConsumers else {
            log.add(path, "at most \(EventsConfig.maxConsumers) consuming services, found \(members.count)", at: node.location)
            return []
        }
        return members.compactMap { member in
            let memberPath = path + "." + member.key
            guard let service = serviceNames.firstIndex(of: member.key) else {
                let hint = Suggestion.closest(to: member.key, among: serviceNames).map { " (did you mean \"\($0)\"?)" } ?? ""
                log.add(memberPath, "unknown service \"\(member.key)\"\(hint); expected one of \(Describe.choices(serviceNames))", at: member.keyLocation)
                return nil
            }
            if service == entry { log.add(memberPath, "the entry service cannot consume its own events", at: member.keyLocation) }
            guard var object = ObjectReader(member.value, path: memberPath, log: log) else { return nil }
            var consumer = ConsumerConfig(service: service)
            if let n = object.optional("instances") { consumer.instances = values.integer(n, object.path("instances"), in: 1...1_000) ?? 1 }
            if let n = object.optional("concurrency") { consumer.concurrency = values.integer(n, object.path("concurrency"), in: 1...10_000) ?? 1 }
            if let n = object.optional("idempotent") { consumer.isIdempotent = values.bool(n, object.path("idempotent")) ?? false }
            if let n = object.optional("retryBackoff") {
                consumer.retryBackoff = values.duration(n, object.path("retryBackoff"), in: .zero...TimeSpan.hours(1)) ?? consumer.retryBackoff
            }
            if let n = object.optional("onFailure") {
                consumer.onFailure = values.choice(n, object.path("onFailure"), FailureHandling.allCases.map { ($0.rawValue, $0) }) ?? consumer.onFailure
            }
            if let n = object.optional("publishes") { readPublishes(n, object.path("publishes"), topicNames: topicNames, into: &consumer) }
            if broker == .log { readLogSettings(&object, retains: retains, into: &consumer) } else { rejectLogSettings(&object, queueHolder: queueHolder, queueSettings: queueSettings) }
            if consumer.onFailure == .park { rejectRetrySettings(object, broker: broker) }
            object.rejectUnknownKeys()
            return consumer
        }
    }

    /// Offsets, attempts and rebalancing: what a consumer of the log adds. `offsetReset`
    /// applies only when the topic deletes events (`retains`): elsewhere it is an error.
    func readLogSettings(_ object: inout ObjectReader, retains: Bool, into consumer: inout ConsumerConfig) {
        if let n = object.optional("offsetReset") {
            if retains {
                consumer.offsetReset = values.choice(n, object.path("offsetReset"), OffsetReset.allCases.map { ($0.rawValue, $0) }) ?? consumer.offsetReset
            } else {
                log.add(object.path("offsetReset"), "applies only to a topic with \"retention\" or \"retentionEvents\"; this topic keeps every "
                        + "event, so no position of the group is ever deleted", at: object.members.first { $0.key == "offsetReset" }!.keyLocation)
            }
        }
        let intervalNode = object.optional("commitEvery")
        let interval = intervalNode.flatMap { values.duration($0, object.path("commitEvery"), in: .milliseconds(1)...TimeSpan.hours(1)) }
        if let n = object.optional("commit") {
            consumer.commit = values.choice(n, object.path("commit"), [
                ("after-processing", CommitPolicy.afterProcessing), ("before-processing", .beforeProcessing),
                ("periodic", .periodic(interval ?? .seconds(5))),
            ]) ?? .afterProcessing
        }
        if let intervalNode, consumer.commit == .afterProcessing || consumer.commit == .beforeProcessing {
            log.add(object.path("commitEvery"), "applies only with \"commit\": \"periodic\"", at: intervalNode.location)
        }
        if let n = object.optional("maxAttempts") { consumer.maxAttempts = values.integer(n, object.path("maxAttempts"), in: 1...1_000) ?? consumer.maxAttempts }
        if let n = object.optional("sessionTimeout") {
            consumer.sessionTimeout = values.duration(n, object.path("sessionTimeout"), in: .milliseconds(1)...TimeSpan.hours(1)) ?? consumer.sessionTimeout
        }
        if let n = object.optional("rebalancePause") {
            consumer.rebalancePause = values.duration(n, object.path("rebalancePause"), in: .zero...TimeSpan.minutes(10)) ?? consumer.rebalancePause
        }
        if let n = object.optional("assignment") {
            consumer.assignment = values.choice(n, object.path("assignment"), PartitionAssignment.allCases.map { ($0.rawValue, $0) }) ?? consumer.assignment
        }
        if let n = object.optional("rebalance") {
            consumer.rebalance = values.choice(n, object.path("rebalance"), RebalanceProtocol.allCases.map { ($0.rawValue, $0) }) ?? consumer.rebalance
        }
        if let n = object.optional("fetchTimeout") {
            consumer.fetchTimeout = values.duration(n, object.path("fetchTimeout"), in: .milliseconds(1)...TimeSpan.hours(1)) ?? consumer.fetchTimeout
        }
    }

    /// A parking consumer dead-letters an event at its first failure: the retry settings of
    /// `retry-in-line` are errors rather than silently ignored (`maxAttempts` on a queue is
    /// refused as a log setting already).
    func rejectRetrySettings(_ object: ObjectReader, broker: Broker) {
        let fields = broker == .log ? ["retryBackoff", "maxAttempts"] : ["retryBackoff"]
        for member in object.members where fields.contains(member.key) {
            log.add(object.path(member.key), "applies to \"onFailure\": \"retry-in-line\" only; \"park\" dead-letters an event at its first failure",
                    at: member.keyLocation)
        }
    }

    /// On a queue, the log's settings are errors rather than silently ignored.
    /// `queueSettings` is where the queue's settings are written, for the hint.
    func rejectLogSettings(_ object: inout ObjectReader, queueHolder: String, queueSettings: String) {
        object.allow(Self.logOnlyConsumerFields)
        for member in object.members where Self.logOnlyConsumerFields.contains(member.key) {
            let instead = member.key == "maxAttempts" ? " (a queue counts receives: set \(queueSettings).maxReceiveCount)" : ""
            log.add(object.path(member.key), "applies to the log broker only\(instead); \(queueHolder)", at: member.keyLocation)
        }
    }
}
