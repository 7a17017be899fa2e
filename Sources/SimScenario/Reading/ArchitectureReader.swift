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
            guard var object = ObjectReader(member.value, path: path, log: log) else { return nil }
            let kind: String?
            if let kindNode = object.optional("kind") {
                kind = values.choice(kindNode, object.path("kind"), [("sync", "sync"), ("events", "events")])
            } else if member.key.hasPrefix("sync") {
                kind = "sync"
            } else if member.key.hasPrefix("events") {
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
        var chain: [Int] = []
        if let chainNode = object.required("chain", "an array of service names, the entry first") {
            let path = object.path("chain")
            if let elements = chainNode.arrayElements, !elements.isEmpty {
                for (i, element) in elements.enumerated() {
                    guard let service = values.service(element, "\(path)[\(i)]", among: serviceNames) else { continue }
                    if chain.contains(service) {
                        log.add("\(path)[\(i)]", "\"\(serviceNames[service])\" appears twice: a chain cannot call back into itself (a cycle)", at: element.location)
                    }
                    chain.append(service)
                }
                if let entry, let first = chain.first, first != entry, elements.count == chain.count {
                    log.add(path + "[0]", "expected the workload's entry \"\(serviceNames[entry])\" first, found \"\(serviceNames[first])\"", at: elements[0].location)
                }
            } else {
                log.wrong(path, expected: "a non-empty array of service names", found: chainNode)
            }
        }
        let timeout = object.optional("timeout").flatMap { values.duration($0, object.path("timeout"), in: .microseconds(1)...TimeSpan.hours(1)) } ?? .seconds(2)
        let retries = object.optional("retries").flatMap { readRetries($0, object.path("retries")) } ?? RetryPolicy()
        return SyncConfig(chain: chain, timeout: timeout, retries: retries)
    }

    func readRetries(_ node: JSONNode, _ path: String) -> RetryPolicy? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        var policy = RetryPolicy()
        if let n = object.optional("attempts") { policy.attempts = values.integer(n, object.path("attempts"), in: 1...100) ?? policy.attempts }
        if let n = object.optional("backoff") {
            policy.backoff = values.choice(n, object.path("backoff"), RetryPolicy.Backoff.allCases.map { ($0.rawValue, $0) }) ?? policy.backoff
        }
        if let n = object.optional("base") { policy.base = values.duration(n, object.path("base"), in: .zero...TimeSpan.hours(1)) ?? policy.base }
        if let n = object.optional("cap") { policy.cap = values.duration(n, object.path("cap"), in: .zero...TimeSpan.hours(1)) ?? policy.cap }
        if let n = object.optional("jitter") {
            policy.jitter = values.choice(n, object.path("jitter"), RetryPolicy.Jitter.allCases.map { ($0.rawValue, $0) }) ?? policy.jitter
        }
        object.rejectUnknownKeys()
        return policy
    }

    func readEvents(_ object: inout ObjectReader) -> EventsConfig? {
        var config = EventsConfig(consumers: [])
        if let topic = object.optional("topic"), var t = ObjectReader(topic, path: object.path("topic"), log: log) {
            if let n = t.optional("partitions") { config.partitions = values.integer(n, t.path("partitions"), in: 1...10_000) ?? config.partitions }
            if let n = t.optional("keyed") { config.isKeyed = values.bool(n, t.path("keyed")) ?? config.isKeyed }
            if let n = t.optional("retention") { config.retention = values.duration(n, t.path("retention"), in: .milliseconds(1)...TimeSpan.hours(24 * 3650)) }
            t.rejectUnknownKeys()
        }
        if let n = object.optional("publish") {
            config.publish = values.choice(n, object.path("publish"), PublishDiscipline.allCases.map { ($0.rawValue, $0) }) ?? config.publish
        }
        if let n = object.optional("relayEvery") { config.relayInterval = values.duration(n, object.path("relayEvery"), in: .microseconds(1)...TimeSpan.minutes(10)) ?? config.relayInterval }
        if let n = object.optional("linger") { config.linger = values.duration(n, object.path("linger"), in: .zero...TimeSpan.minutes(1)) ?? config.linger }
        if let n = object.optional("waitForAck") { config.waitsForAck = values.bool(n, object.path("waitForAck")) ?? config.waitsForAck }
        if let n = object.optional("publishTimeout") { config.publishTimeout = values.duration(n, object.path("publishTimeout"), in: .microseconds(1)...TimeSpan.hours(1)) ?? config.publishTimeout }
        if let consumers = object.required("consumers", "an object of consuming services") {
            config.consumers = readConsumers(consumers, object.path("consumers"))
        }
        return config
    }

    func readConsumers(_ node: JSONNode, _ path: String) -> [ConsumerConfig] {
        guard let members = node.objectMembers, !members.isEmpty else {
            log.wrong(path, expected: "an object with at least one consuming service", found: node)
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
            if let n = object.optional("offsetReset") {
                consumer.offsetReset = values.choice(n, object.path("offsetReset"), OffsetReset.allCases.map { ($0.rawValue, $0) }) ?? .earliest
            }
            let interval = object.optional("commitEvery").flatMap { values.duration($0, object.path("commitEvery"), in: .milliseconds(1)...TimeSpan.hours(1)) }
            if let n = object.optional("commit") {
                consumer.commit = values.choice(n, object.path("commit"), [
                    ("after-processing", CommitPolicy.afterProcessing), ("before-processing", .beforeProcessing),
                    ("periodic", .periodic(interval ?? .seconds(5))),
                ]) ?? .afterProcessing
            }
            object.rejectUnknownKeys()
            return consumer
        }
    }
}
