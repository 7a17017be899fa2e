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
    /// Every problem is reported at once: bad keys, a percentile given twice, and, among the
    /// keys that read, a value below the one of a lower percentile.
    func empirical(_ node: JSONNode, _ path: String) -> Distribution? {
        guard let members = node.objectMembers else { log.wrong(path, expected: "an object of percentiles", found: node); return nil }
        var seen: [(probability: Double, key: String)] = []
        var points: [(probability: Double, value: TimeSpan, key: String, location: TextPosition)] = []
        var failed = false
        for member in members {
            let memberPath = path + "." + member.key
            guard let probability = percentile(member.key, memberPath, at: member.keyLocation) else { failed = true; continue }
            if let same = seen.first(where: { $0.probability == probability }) {
                log.add(memberPath, "the same percentile as \"\(same.key)\"; expected each percentile once", at: member.keyLocation)
                failed = true
                continue
            }
            seen.append((probability, member.key))
            guard let span = values.duration(member.value, memberPath) else { failed = true; continue }
            points.append((probability, span, member.key, member.value.location))
        }
        if !seen.contains(where: { $0.key == "max" }) {
            log.add(path + ".max", "is missing; expected a duration, the largest value", at: node.location)
            failed = true
        }
        points.sort { $0.probability < $1.probability }
        for (lower, higher) in zip(points, points.dropFirst()) where higher.value < lower.value {
            log.add(path + "." + higher.key, "expected at least \(lower.value) (the value of \"\(lower.key)\": values grow with the percentile), "
                    + "found \(higher.value)", at: higher.location)
            failed = true
        }
        guard !failed else { return nil }
        var table = points.map { (probability: $0.probability, value: Double($0.value.nanoseconds)) }
        if table.first?.probability != 0 { table.insert((0, 0), at: 0) }
        guard let empirical = EmpiricalTable(points: table) else {
            log.add(path, "expected values that grow with the percentile", at: node.location)
            return nil
        }
        return .empirical(empirical)
    }

    /// The cumulative probability that a key of an empirical table names: `min` 0, `max` 1,
    /// and `pX` X/100 for X a plain decimal number with 0 < X < 100 (`p50`, `p99.9`, `p0.5`:
    /// no sign, exponent, extra leading zero or bare point). Logs the key and gives `nil` otherwise.
    func percentile(_ key: String, _ path: String, at position: TextPosition) -> Double? {
        switch key {
        case "min": return 0
        case "max": return 1
        default: break
        }
        let expected = "expected a percentile key such as \"p50\", \"p99.9\", \"min\" or \"max\""
        let text = key.dropFirst()
        guard key.first == "p", Self.isPlainDecimal(text), let number = Double(text) else {
            let hint = key.first == "p" ? Self.plainDecimal(text).map { " (write \"p\($0)\")" } ?? "" : ""
            log.add(path, "\(expected), found \(Describe.quoted(key))\(hint); X in \"pX\" is plain digits, with one decimal point between digits", at: position)
            return nil
        }
        guard number > 0, number < 100, number / 100 < 1 else {
            let instead = number == 0 ? " (write \"min\" for the smallest value)" : number <= 100 ? " (write \"max\" for the largest value)" : ""
            log.add(path, "expected a percentile above 0 and below 100, found \(Describe.quoted(key))\(instead)", at: position)
            return nil
        }
        return number / 100
    }

    /// Whether `text` is digits with at most one decimal point between digits, and no extra
    /// leading zero (`50`, `0.5`, `99.9`; not `050`, `.5`, `5.`, `1e1` or `+50`).
    static func isPlainDecimal(_ text: Substring) -> Bool {
        plainDecimal(text) == String(text)
    }

    /// `text` written as a plain decimal (`050` → `50`, `.5` → `0.5`, `5.` → `5`), when it is
    /// digits with at most one decimal point; `nil` when it holds anything else.
    static func plainDecimal(_ text: Substring) -> String? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !text.isEmpty, text != ".", parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }) else { return nil }
        let whole = parts[0].drop { $0 == "0" }
        let fraction = parts.count == 2 ? parts[1] : ""
        return (whole.isEmpty ? "0" : String(whole)) + (fraction.isEmpty ? "" : "." + fraction)
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
