import SimKernel

/// Reads a duration distribution: a plain duration (`"100ms"`, a constant) or an object
/// with exactly one of the distribution kinds as its key.
struct DistributionReader {
    let log: IssueLog
    var values: ValueReader { ValueReader(log: log) }

    static let kinds = ["constant", "uniform", "exponential", "normal", "lognormal", "pareto", "empirical", "mixture"]

    func read(_ node: JSONNode, _ path: String) -> Distribution? {
        if node.stringValue != nil { return values.duration(node, path).map { .constant($0.nanoseconds) } }
        guard let members = node.objectMembers, members.count == 1, let member = members.first else {
            let expected = "a duration such as \"100ms\" or an object with one of \(Describe.choices(Self.kinds))"
            if let members = node.objectMembers, members.count > 1 {
                log.add(path, "expected one distribution, found \(members.count) keys: \(members.map(\.key).joined(separator: ", "))", at: node.location)
            } else {
                log.wrong(path, expected: expected, found: node)
            }
            return nil
        }
        return read(kind: member.key, member.value, path + "." + member.key, keyPosition: member.keyLocation)
    }

    func read(kind: String, _ node: JSONNode, _ path: String, keyPosition: TextPosition) -> Distribution? {
        switch kind {
        case "constant":
            return values.duration(node, path).map { .constant($0.nanoseconds) }
        case "exponential":
            if node.stringValue != nil { return values.duration(node, path).map { .exponential(mean: Double($0.nanoseconds)) } }
            return fields(node, path, ["mean"]) { d in d["mean"].map { .exponential(mean: $0) } }
        case "uniform":
            return fields(node, path, ["min", "max"]) { d in
                guard let low = d["min"], let high = d["max"] else { return nil }
                guard low <= high else { log.add(path, "expected min ≤ max", at: node.location); return nil }
                return .uniform(min: Int64(low), max: Int64(high))
            }
        case "normal":
            return fields(node, path, ["mean", "stddev"]) { d in
                guard let mean = d["mean"], let sd = d["stddev"] else { return nil }
                guard mean > 0 else { log.add(path + ".mean", "expected a positive mean", at: node.location); return nil }
                return .normal(mean: mean, standardDeviation: sd)
            }
        case "lognormal":
            return lognormal(node, path)
        case "pareto":
            return pareto(node, path)
        case "empirical":
            return empirical(node, path)
        case "mixture":
            return mixture(node, path)
        default:
            let hint = Suggestion.closest(to: kind, among: Self.kinds).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "unknown distribution\(hint); expected one of \(Describe.choices(Self.kinds))", at: keyPosition)
            return nil
        }
    }

    /// Reads an object whose fields are all durations, then builds from their nanoseconds.
    func fields(_ node: JSONNode, _ path: String, _ names: [String], build: ([String: Double]) -> Distribution?) -> Distribution? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        var found: [String: Double] = [:]
        for name in names {
            if let value = object.required(name, "a duration"), let span = values.duration(value, object.path(name)) {
                found[name] = Double(span.nanoseconds)
            }
        }
        object.rejectUnknownKeys()
        guard found.count == names.count else { return nil }
        return build(found)
    }

    func lognormal(_ node: JSONNode, _ path: String) -> Distribution? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        defer { object.rejectUnknownKeys() }
        if let medianNode = object.optional("median") {
            let p99Node = object.required("p99", "a duration, the 99th percentile")
            guard let median = values.duration(medianNode, object.path("median"), in: .nanoseconds(1)...TimeSpan.hours(24)),
                  let p99Node, let p99 = values.duration(p99Node, object.path("p99")) else { return nil }
            guard p99 > median else { log.add(object.path("p99"), "expected a p99 above the median (\(median)), found \(p99)", at: p99Node.location); return nil }
            return .lognormal(median: Double(median.nanoseconds), p99: Double(p99.nanoseconds))
        }
        let muNode = object.required("mu", "a number (with \"sigma\"), or give \"median\" and \"p99\"")
        let sigmaNode = object.required("sigma", "a positive number")
        let unitNode = object.optional("unit")
        guard let muNode, let sigmaNode,
              let mu = values.number(muNode, object.path("mu"), in: -50...50),
              let sigma = values.number(sigmaNode, object.path("sigma"), in: 0...10) else { return nil }
        var unit = TimeSpan.milliseconds(1)
        if let unitNode {
            guard let parsed = values.choice(unitNode, object.path("unit"), [("ns", TimeSpan.nanoseconds(1)), ("us", .microseconds(1)),
                                                                               ("ms", .milliseconds(1)), ("s", .seconds(1))]) else { return nil }
            unit = parsed
        }
        return .lognormal(mu: mu + naturalLog(Double(unit.nanoseconds)), sigma: sigma)
    }

    func pareto(_ node: JSONNode, _ path: String) -> Distribution? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        let scaleNode = object.required("scale", "a duration, the smallest value")
        let shapeNode = object.required("shape", "a positive number (tail index)")
        object.rejectUnknownKeys()
        guard let scaleNode, let shapeNode,
              let scale = values.duration(scaleNode, object.path("scale"), in: .nanoseconds(1)...TimeSpan.hours(24)),
              let shape = values.number(shapeNode, object.path("shape"), in: 0.01...100) else { return nil }
        return .pareto(scale: Double(scale.nanoseconds), shape: shape)
    }

    /// `{"p50": "20ms", "p90": "45ms", "p99": "120ms", "max": "2s"}`; `min` defaults to 0.
    func empirical(_ node: JSONNode, _ path: String) -> Distribution? {
        guard let members = node.objectMembers else { log.wrong(path, expected: "an object of percentiles", found: node); return nil }
        var points: [(probability: Double, value: Double)] = []
        var hasMax = false, failed = false
        for member in members {
            let memberPath = path + "." + member.key
            let probability: Double?
            switch member.key {
            case "min": probability = 0
            case "max": probability = 1; hasMax = true
            default:
                let digits = member.key.dropFirst()
                if member.key.first == "p", let p = Double(digits), p > 0, p < 100 { probability = p / 100 } else { probability = nil }
            }
            guard let probability else {
                log.add(memberPath, "expected a percentile key such as \"p50\", \"p99.9\", \"min\" or \"max\"", at: member.keyLocation)
                failed = true
                continue
            }
            guard let span = values.duration(member.value, memberPath) else { failed = true; continue }
            points.append((probability, Double(span.nanoseconds)))
        }
        if !hasMax { log.add(path + ".max", "is missing; expected a duration, the largest value", at: node.location); failed = true }
        guard !failed else { return nil }
        if !points.contains(where: { $0.probability == 0 }) { points.append((0, 0)) }
        points.sort { $0.probability < $1.probability }
        guard let table = EmpiricalTable(points: points) else {
            log.add(path, "expected values that grow with the percentile", at: node.location)
            return nil
        }
        return .empirical(table)
    }

    /// `[{"weight": 0.99, "constant": "10ms"}, {"weight": 0.01, "constant": "2s"}]`.
    func mixture(_ node: JSONNode, _ path: String) -> Distribution? {
        guard let elements = node.arrayElements, !elements.isEmpty else {
            log.wrong(path, expected: "a non-empty array of {\"weight\": …, <distribution>} objects", found: node)
            return nil
        }
        var parts: [WeightedDistribution] = []
        for (i, element) in elements.enumerated() {
            let elementPath = "\(path)[\(i)]"
            guard let members = element.objectMembers else { log.wrong(elementPath, expected: "an object", found: element); continue }
            guard let weightMember = members.first(where: { $0.key == "weight" }) else {
                log.add(elementPath + ".weight", "is missing; expected a positive number", at: element.location)
                continue
            }
            let rest = members.filter { $0.key != "weight" }
            guard rest.count == 1, let kind = rest.first else {
                log.add(elementPath, "expected \"weight\" and exactly one distribution", at: element.location)
                continue
            }
            let weight = self.weight(weightMember.value, elementPath + ".weight")
            guard let distribution = read(kind: kind.key, kind.value, elementPath + "." + kind.key, keyPosition: kind.keyLocation),
                  let weight else { continue }
            parts.append(WeightedDistribution(weight: weight, distribution: distribution))
        }
        return parts.count == elements.count ? .mixture(parts) : nil
    }

    /// A part's weight: a positive number up to 10⁹ that stays positive as a double (`1e-400`
    /// is 0 there). A part of weight 0 would never be drawn, so it is refused rather than dropped.
    func weight(_ node: JSONNode, _ path: String) -> Double? {
        guard let weight = values.number(node, path, in: 0...1e9, what: "a positive weight") else { return nil }
        guard weight > 0 else {
            let text = node.numberText ?? "0"
            let mantissa = text.prefix { $0 != "e" && $0 != "E" }
            let rounded = mantissa.contains { ("1"..."9").contains($0) } ? " (too small: it is 0 as a double)" : ""
            log.add(path, "expected a positive weight, found \(text)\(rounded); remove a part that should never be drawn", at: node.location)
            return nil
        }
        return weight
    }
}
