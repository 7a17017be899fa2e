import SimKernel
import SimModels

/// Reads an event-driven architecture's onward topics, `"topics": {"reserved": {"partitions":
/// 12, "consumers": {"shipping": {}}}}` (each on the architecture's broker unless it names its
/// own, `"broker": "queue"`), and checks how consumers' `publishes` join the topics
/// into chains: every onward topic has exactly one publishing consumer group, is reached from
/// the entry's topic, and no chain comes back to a topic it has passed (a cycle).
extension ArchitectureReader {
    /// The most onward topics one architecture may have (each needs a consumer, and there are
    /// at most `EventsConfig.maxConsumers` of those).
    static let maxOnwardTopics = EventsConfig.maxConsumers

    /// The onward topics of `node`, their consumers appended to `config.consumers` with their topic set.
    func readTopics(_ node: JSONNode, _ path: String, names: [String], into config: inout EventsConfig) {
        guard let members = node.objectMembers else { return log.wrong(path, expected: "an object naming each onward topic", found: node) }
        guard members.count <= Self.maxOnwardTopics else {
            return log.add(path, "at most \(Self.maxOnwardTopics) onward topics, found \(members.count)", at: node.location)
        }
        for (i, member) in members.enumerated() {
            let topicPath = path + "." + member.key
            NameRule.check(member.key, topicPath, what: "consumers' \"publishes\" refer to it", log: log, at: member.keyLocation)
            guard var object = ObjectReader(member.value, path: topicPath, log: log) else { continue }
            var topic = TopicConfig(name: member.key, broker: config.broker, partitions: config.partitions, isKeyed: config.isKeyed)
            let ownBroker = object.optional("broker")
            if let n = ownBroker { topic.broker = readBroker(n, object.path("broker")) ?? topic.broker }
            if topic.broker != .log {
                rejectLogTopicSettings(&object)
            } else {
                readLogTopicSettings(&object, into: &topic)
            }
            config.onwardTopics.append(topic)
            if let consumers = object.required("consumers", "an object of consuming services") {
                let queueHolder = "the topic \"\(member.key)\" is on a queue"
                let queueSettings = ownBroker == nil ? "broker.queue" : "topics.\(member.key).broker.queue"
                for var consumer in readConsumers(consumers, object.path("consumers"), broker: topic.broker, topicNames: names,
                                                  retains: Self.statesRetention(member.value), queueHolder: queueHolder,
                                                  queueSettings: queueSettings) {
                    consumer.topic = i + 1
                    config.consumers.append(consumer)
                }
            }
            object.rejectUnknownKeys()
        }
        if config.consumers.count > EventsConfig.maxConsumers {
            log.add(path, "at most \(EventsConfig.maxConsumers) consuming services over every topic, found \(config.consumers.count)", at: node.location)
        }
    }

    /// Partitions, keying and retention: what a topic of the log has.
    func readLogTopicSettings(_ object: inout ObjectReader, into topic: inout TopicConfig) {
        if let n = object.optional("partitions") { topic.partitions = values.integer(n, object.path("partitions"), in: 1...10_000) ?? topic.partitions }
        if let n = object.optional("keyed") { topic.isKeyed = values.bool(n, object.path("keyed")) ?? topic.isKeyed }
        if let n = object.optional("retention") {
            topic.retention = values.duration(n, object.path("retention"), in: .milliseconds(1)...TimeSpan.hours(24 * 3650))
        }
        if let n = object.optional("retentionEvents") {
            topic.retentionEvents = values.integer(n, object.path("retentionEvents"), in: 1...1_000_000_000)
        }
    }

    /// On a queue broker a topic is a fan-out to one queue per consumer, whose settings are
    /// its broker's `queue`: the log's topic settings are errors rather than silently ignored.
    func rejectLogTopicSettings(_ object: inout ObjectReader) {
        let fields = ["partitions", "keyed", "retention", "retentionEvents"]
        object.allow(fields)
        for member in object.members where fields.contains(member.key) {
            log.add(object.path(member.key), "applies to a log topic only; on a queue, each consumer's queue follows broker.queue", at: member.keyLocation)
        }
    }

    /// `"publishes": "reserved"` of a consumer (a dual write), or `{"topic": "reserved", "via":
    /// "outbox"}`: the onward topic it names and how the consumer publishes there.
    func readPublishes(_ node: JSONNode, _ path: String, topicNames names: [String], into consumer: inout ConsumerConfig) {
        guard node.objectMembers != nil else {
            if node.stringValue == nil {
                return log.wrong(path, expected: "a topic name, or an object such as {\"topic\": \"reserved\", \"via\": \"outbox\"}", found: node)
            }
            consumer.publishesTo = readTopicName(node, path, topicNames: names)
            return
        }
        guard var object = ObjectReader(node, path: path, log: log) else { return }
        if let n = object.required("topic", "the name of a topic in \"topics\"") {
            consumer.publishesTo = readTopicName(n, object.path("topic"), topicNames: names)
        }
        if let n = object.optional("via") {
            consumer.publishesVia = values.choice(n, object.path("via"), PublishDiscipline.allCases.map { ($0.rawValue, $0) }) ?? consumer.publishesVia
        }
        object.rejectUnknownKeys()
    }

    /// The index of the onward topic `node` names.
    func readTopicName(_ node: JSONNode, _ path: String, topicNames names: [String]) -> Int? {
        guard let text = node.stringValue else { log.wrong(path, expected: "the name of a topic in \"topics\"", found: node); return nil }
        guard let index = names.firstIndex(of: text) else {
            let hint = Suggestion.closest(to: text, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            let expected = names.isEmpty ? "a topic declared in the architecture's \"topics\", which has none" : "one of \(Describe.choices(names))"
            log.add(path, "unknown topic \"\(text)\"\(hint); expected \(expected)", at: node.location)
            return nil
        }
        return index + 1
    }

    /// Checks that the topics form chains: one publishing service per onward topic (a consumer
    /// group, or a service whose calls end in a publish step), no service consuming two
    /// topics, no cycle, no topic that nothing publishes to.
    /// `callsRead` false: the architecture's calls were refused, so a topic nobody publishes to
    /// may have lost its publish step with them and is not reported.
    func checkChains(_ config: EventsConfig, _ path: String, at node: JSONNode, callsRead: Bool) {
        let consumers = config.consumers
        var seen: [Int: Int] = [:]
        for consumer in consumers {
            if let first = seen[consumer.service], first != consumer.topic {
                log.add(path, "\"\(serviceNames[consumer.service])\" consumes \(topicName(first, config)) and \(topicName(consumer.topic, config)); "
                        + "a service consumes one topic", at: node.location)
            }
            seen[consumer.service] = consumer.topic
        }
        let callPublishers = config.calls?.graph.nodes.compactMap { node in node.publish.map { (service: node.service, topic: $0.topic) } } ?? []
        for t in 1..<config.topicCount {
            var publishers = consumers.filter { $0.publishesTo == t }.map { "\"\(serviceNames[$0.service])\"" }
            for publisher in callPublishers where publisher.topic == t {
                let name = "\"\(serviceNames[publisher.service])\""
                if !publishers.contains(name) { publishers.append(name) }
            }
            if publishers.isEmpty, callsRead {
                log.add(path + "." + config.topic(t).name, "nobody publishes to it (add \"publishes\": \"\(config.topic(t).name)\" to a consumer, "
                        + "or a {\"publish\": \"\(config.topic(t).name)\"} step to a service's calls)", at: node.location)
            } else if publishers.count > 1 {
                log.add(path + "." + config.topic(t).name, "has \(publishers.count) publishers, \(publishers.joined(separator: " and ")); "
                        + "a topic has one publishing service", at: node.location)
            }
        }
        if let cycle = firstCycle(config) {
            log.add(path, "the topics form a cycle, \(cycle.map { topicName($0, config) }.joined(separator: " → ")): an event would "
                    + "travel for ever", at: node.location)
        }
    }

    /// A chain of topics that comes back to where it started, if any (depth-first, in file order).
    func firstCycle(_ config: EventsConfig) -> [Int]? {
        func next(_ t: Int) -> [Int] {
            config.consumers.indices.filter { config.consumers[$0].topic == t }.flatMap { g in
                [config.consumers[g].publishesTo].compactMap { $0 } + (config.calls?.publishedTopics(below: config.calls?.consumerRoots[g]) ?? [])
            }
        }
        var state = [UInt8](repeating: 0, count: config.topicCount)  // 0 unseen, 1 on the path, 2 done
        var path: [Int] = []
        func visit(_ t: Int) -> [Int]? {
            state[t] = 1
            path.append(t)
            for onward in next(t) {
                if state[onward] == 1 { return Array(path[path.firstIndex(of: onward)!...]) + [onward] }
                if state[onward] == 0, let cycle = visit(onward) { return cycle }
            }
            path.removeLast()
            state[t] = 2
            return nil
        }
        for t in 0..<config.topicCount where state[t] == 0 {
            if let cycle = visit(t) { return cycle }
        }
        return nil
    }

    func topicName(_ t: Int, _ config: EventsConfig) -> String { t == 0 ? "the entry's topic" : "\"\(config.topic(t).name)\"" }
}
