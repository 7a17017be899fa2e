import SimChecks
import SimKernel
import SimMetrics

/// Reads the `expectations` array. Each element names a metric (its path below
/// `architectures.<name>` in `metrics.json`), the architecture it applies to (`"all"` when
/// absent), exactly one comparison, and optionally why it should hold. A truth value, such as
/// `recovery.metastable`, takes only `"equals": true` or `"equals": false`.
struct ExpectationReader {
    let log: IssueLog
    /// Every architecture the scenario declares, in file order, with the metric paths its runs
    /// report (numbers and truth values); `nil` where the architecture could not be read (its
    /// metrics go unchecked, so one mistake is not reported twice).
    let architectures: [(name: String, metricPaths: [String]?)]
    /// The metric paths that hold truth values rather than numbers, in any architecture.
    let truthMetrics: [String]
    var values: ValueReader { ValueReader(log: log) }

    /// A limit on expectations in one file.
    static let maximumCount = 1_000

    /// A reader for a scenario declaring `declared` architectures, of which `specs` could be read,
    /// in a world with `serviceNames` entered at `entry`.
    init(log: IssueLog, declared: [String], specs: [ArchitectureSpec], serviceNames: [String], entry: Int?) {
        self.log = log
        var truths: [String] = []
        architectures = declared.map { name in
            let spec = specs.first { $0.name == name }
            guard let spec, let entry else { return (name, nil) }
            let layout = spec.design.metricsLayout(serviceNames: serviceNames, entry: entry)
            let truthPaths = Measurements.truthMetricPaths(for: layout)
            for path in truthPaths where !truths.contains(path) { truths.append(path) }
            return (name, Measurements.metricPaths(for: layout) + truthPaths)
        }
        truthMetrics = truths
    }

    func read(_ node: JSONNode) -> [Expectation] {
        guard let elements = node.arrayElements else {
            log.wrong("expectations", expected: "an array of expectations", found: node)
            return []
        }
        // Past the limit the file is refused, and the first `maximumCount` are still read for
        // their own problems, so a file too long is told everything wrong in what is read.
        let isTooMany = elements.count > Self.maximumCount
        if isTooMany {
            log.add("expectations", "expected at most \(Self.maximumCount) expectations, found \(elements.count)", at: node.location)
        }
        var read: [Expectation] = []
        var elementOfText: [String: Int] = [:]  // looked up only, never iterated
        for (i, element) in elements.prefix(Self.maximumCount).enumerated() {
            for expectation in readExpectation(element, "expectations[\(i)]") {
                // Each statement is one test case in a JUnit file, named by its text: one stated
                // twice would be two cases of one name, which reporters take for one.
                if let earlier = elementOfText[expectation.text] {
                    log.add("expectations[\(i)]", "states \"\(expectation.text)\" again, as expectations[\(earlier)] does; drop one of them", at: element.location)
                } else {
                    elementOfText[expectation.text] = i
                    read.append(expectation)
                }
            }
        }
        return isTooMany ? [] : read
    }

    func readExpectation(_ node: JSONNode, _ path: String) -> [Expectation] {
        guard var object = ObjectReader(node, path: path, log: log) else { return [] }
        let metricNode = object.required("metric", "a metric path such as \"latency.success.p99Ms\"")
        let metric = metricNode.flatMap { values.string($0, object.path("metric")) }
        let architectureNode = object.optional("architecture")
        let named = architectureNode.flatMap { architecture($0, object.path("architecture"), allowsAll: true) }
        let why = object.optional("why").flatMap { values.string($0, object.path("why")) }
        let isNamed = named != nil && named != "all"
        // Every architecture for "all" (or none given); nil when the name given is wrong.
        let measuring = architectureNode == nil || named == "all" ? architectures.map(\.name) : named.map { [$0] }
        // Check the metric before its limits, so a limit is judged against a metric that exists.
        var checked: String?
        if let metric, let metricNode, let measuring,
           checkMetric(metric, at: object.path("metric"), metricNode, measuredBy: measuring, isNamed: isNamed) {
            checked = metric
        }
        object.allow(Comparison.keys)  // read by readComparison, here or inside "mean"
        let meanNode = object.optional("mean")
        let comparison = meanNode.map { readMean($0, beside: &object, metric: checked) } ?? readComparison(&object, metric: checked)
        let confidence = readConfidence(&object, isMean: meanNode != nil)
        let tolerance = readTolerance(&object, comparison: comparison?.comparison)
        object.rejectUnknownKeys()
        guard let metric = checked, let metricNode, let comparison, let confidence else { return [] }
        func expectation(_ architecture: String) -> Expectation {
            Expectation(metric: metric, architecture: architecture, comparison: comparison.comparison, bounds: comparison.bounds, why: why,
                        confidence: meanNode == nil ? nil : confidence, tolerance: tolerance ?? nil, isTruth: isTruth(metric))
        }

        let references = expectation(named ?? "").references
        guard let named, named != "all" else {
            let targets = architectures.map(\.name).filter { !references.contains($0) }
            guard !targets.isEmpty else {
                log.add(object.path("architecture"), "\"all\" leaves no architecture to compare with \(Describe.choices(references))", at: node.location)
                return []
            }
            return targets.map(expectation)
        }
        if references.contains(named) {
            log.add(object.path("architecture"), "\"\(named)\" is compared with itself; expected a ratio of another architecture", at: architectureNode?.location)
            return []
        }
        guard checkMetric(metric, at: object.path("metric"), metricNode, measuredBy: references, isNamed: true) else { return [] }
        return [expectation(named)]
    }

    /// `"mean": {"atLeast": …}`: the comparison the mean over seeds must pass, read from inside
    /// the `mean` object; a comparison beside it as well is a mistake.
    func readMean(_ node: JSONNode, beside object: inout ObjectReader, metric: String?) -> StatedComparison? {
        let beside = Comparison.keys.filter { key in object.members.contains { $0.key == key } }
        guard var mean = ObjectReader(node, path: object.path("mean"), log: log) else { return nil }
        if let metric, isTruth(metric) {
            log.add(object.path("mean"), "\"\(metric)\" is true or false, which has no mean over seeds; drop \"mean\" and use \"equals\": true or \"equals\": false, which every seed must show", at: node.location)
            return nil
        }
        let comparison = readComparison(&mean, metric: metric)
        mean.rejectUnknownKeys()
        if !beside.isEmpty {
            log.add(object.path(beside[0]), "a comparison beside \"mean\"; put it inside \"mean\" (the mean over seeds is compared), or drop \"mean\" to compare every run", at: object.members.first { $0.key == beside[0] }?.keyLocation)
            return nil
        }
        if comparison?.comparison == .equals {
            log.add(mean.path("equals"), "a mean over seeds is known only within its confidence interval, so it cannot equal a limit; use \"between\"", at: node.location)
            return nil
        }
        return comparison
    }

    /// The `confidence` of a statement about the mean: 0.95 when absent; `.some(nil)` when wrong.
    func readConfidence(_ object: inout ObjectReader, isMean: Bool) -> Double? {
        guard let node = object.optional("confidence") else { return 0.95 }
        guard isMean else {
            log.add(object.path("confidence"), "a confidence belongs to a statement about the mean over seeds; put the comparison inside \"mean\": {…}", at: node.location)
            return nil
        }
        return values.number(node, object.path("confidence"), in: 0.5...0.999, what: "a confidence such as 0.95")
    }

    /// The `tolerance` against a baseline: a fraction such as `0.15` or a percentage such as
    /// `"15%"`; only for comparisons with a worse side. `.some(nil)` when absent.
    func readTolerance(_ object: inout ObjectReader, comparison: Comparison?) -> Double?? {
        guard let node = object.optional("tolerance") else { return .some(nil) }
        let path = object.path("tolerance")
        if let comparison, comparison.worse == nil {
            log.add(path, "a tolerance needs a worse side to compare a baseline on; \"\(comparison.rawValue)\" has none (only \(Describe.choices(Comparison.allCases.filter { $0.worse != nil }.map(\.rawValue))) do)", at: node.location)
            return nil
        }
        let expected = "a tolerance: a fraction such as 0.1 or a percentage such as \"10%\""
        if let text = node.stringValue {
            guard text.hasSuffix("%"), let percent = Double(text.dropLast()), percent.isFinite, (0...1_000).contains(percent) else {
                log.add(path, "expected \(expected), from 0 to 1000%, found \(Describe.quoted(text))", at: node.location)
                return nil
            }
            return .some(percent / 100)
        }
        guard node.numberText != nil else { log.wrong(path, expected: expected, found: node); return nil }
        return values.number(node, path, in: 0...10, what: "a tolerance as a fraction (0.1 for 10%)").map { .some($0) }
    }

    /// A comparison as a scenario states it: its key and its limits.
    typealias StatedComparison = (comparison: Comparison, bounds: [Bound])

    /// Reads the one comparison key and its limits.
    func readComparison(_ object: inout ObjectReader, metric: String?) -> StatedComparison? {
        let present = Comparison.keys.filter { key in object.members.contains { $0.key == key } }
        object.allow(Comparison.keys)
        guard present.count == 1, let key = present.first, let node = object.optional(key) else {
            if present.isEmpty {
                log.add(object.path, "expected one comparison: \(Describe.choices(Comparison.keys))", at: object.node.location)
            } else {
                log.add(object.path, "expected one comparison, found \(present.map { "\"\($0)\"" }.joined(separator: " and "))", at: object.node.location)
            }
            return nil
        }
        let path = object.path(key)
        if let metric, isTruth(metric) {
            guard key == "equals" else {
                log.add(path, "\"\(key)\" compares numbers, but \"\(metric)\" is true or false; expected \"equals\": true or \"equals\": false", at: object.members.first { $0.key == key }?.keyLocation)
                return nil
            }
            guard let flag = node.boolValue else {
                log.wrong(path, expected: "true or false (\"\(metric)\" is a truth value)", found: node)
                return nil
            }
            return (.equals, [.value(flag ? 1 : 0, written: flag ? "true" : "false")])
        }
        guard key == "between" else {
            guard let bound = readBound(node, path, metric: metric), let comparison = Comparison(rawValue: key) else { return nil }
            return (comparison, [bound])
        }
        guard let elements = node.arrayElements, elements.count == 2 else {
            let expected = "an array of two limits, the lower first"
            if let count = node.arrayElements?.count {
                log.add(path, "expected \(expected), found \(count) limit\(count == 1 ? "" : "s")", at: node.location)
            } else {
                log.wrong(path, expected: expected, found: node)
            }
            return nil
        }
        let low = readBound(elements[0], path + "[0]", metric: metric), high = readBound(elements[1], path + "[1]", metric: metric)
        guard let low, let high else { return nil }
        if case .value(let a, _) = low, case .value(let b, _) = high, a > b {
            log.add(path, "expected the lower limit first, found \(low.text) then \(high.text)", at: node.location)
            return nil
        }
        return (.between, [low, high])
    }

    /// Reads one limit: a number, a duration (for a metric in milliseconds) or a ratio of
    /// another architecture's value. `metric` is `nil` when it is unknown (and already reported).
    func readBound(_ node: JSONNode, _ path: String, metric: String?) -> Bound? {
        let isDuration = metric.map(Expectation.isDuration) ?? true
        switch node.value {
        case .number(let text):
            return values.number(node, path, in: -1e15...1e15).map { .value($0, written: text) }
        case .string(let text):
            if isDuration { return values.duration(node, path).map { .value(Double($0.nanoseconds) / 1e6, written: text) } }
            if let metric, TimeSpan(parsing: text) != nil {
                log.add(path, "\"\(text)\" is a duration, but \"\(metric)\" is not (its key does not end in \"Ms\"); expected a number", at: node.location)
            } else {
                log.wrong(path, expected: "a number", found: node)
            }
            return nil
        case .object:
            return readRatio(node, path)
        case .bool(let flag):
            // (for an unknown metric, already reported, a truth value may well be meant)
            if let metric { log.add(path, "\(flag) is a truth value, but \"\(metric)\" is a number; expected a number", at: node.location) }
            return nil
        default:
            let limit = isDuration ? "a duration such as \"100ms\", a number of milliseconds" : "a number"
            log.wrong(path, expected: "\(limit) or {\"ratioOf\": ARCHITECTURE, \"times\": NUMBER}", found: node)
            return nil
        }
    }

    /// `{"ratioOf": "sync", "times": 0.1}`: a tenth of sync's value.
    func readRatio(_ node: JSONNode, _ path: String) -> Bound? {
        guard var object = ObjectReader(node, path: path, log: log) else { return nil }
        let other = object.required("ratioOf", "the name of the architecture to compare with")
            .flatMap { architecture($0, object.path("ratioOf"), allowsAll: false) }
        let timesNode = object.required("times", "a number, the factor on the other architecture's value")
        let times = timesNode.flatMap { values.number($0, object.path("times"), in: 0...1e6, what: "a factor") }
        object.rejectUnknownKeys()
        guard let other, let times, let written = timesNode?.numberText else { return nil }
        return .ratio(of: other, times: times, written: written)
    }

    /// Whether `metric` holds a truth value rather than a number.
    func isTruth(_ metric: String) -> Bool { truthMetrics.contains(metric) }

    /// The name of a declared architecture (or `"all"`, when `allowsAll`).
    func architecture(_ node: JSONNode, _ path: String, allowsAll: Bool) -> String? {
        let names = (allowsAll ? ["all"] : []) + architectures.map(\.name)
        guard let text = node.stringValue else { log.wrong(path, expected: "an architecture name", found: node); return nil }
        guard names.contains(text) else {
            let hint = Suggestion.closest(to: text, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "unknown architecture \"\(text)\"\(hint); expected \(Describe.choices(names))", at: node.location)
            return nil
        }
        return text
    }

    /// Whether every architecture in `names` (that could be read) measures `metric`; logs why not.
    /// `isNamed`: the file names these architectures, rather than meaning every one with `"all"`.
    func checkMetric(_ metric: String, at path: String, _ node: JSONNode, measuredBy names: [String], isNamed: Bool) -> Bool {
        let known = names.compactMap { name in architectures.first { $0.name == name }?.metricPaths.map { (name: name, paths: $0) } }
        let lacking = known.filter { !$0.paths.contains(metric) }.map(\.name)
        guard !lacking.isEmpty else { return true }
        let measuring = architectures.filter { $0.metricPaths?.contains(metric) == true }.map(\.name)
        if !measuring.isEmpty {
            let advice = isNamed ? "" : "; name the architecture instead of \"all\""
            log.add(path, "\"\(metric)\" is not measured for \(Self.list(lacking)), only for \(Describe.choices(measuring))\(advice)", at: node.location)
            return false
        }
        var candidates: [String] = []
        for (_, paths) in known { for path in paths where !candidates.contains(path) { candidates.append(path) } }
        let scope = isNamed ? " for \(Self.list(lacking))" : ""
        log.add(path, MetricCatalog(paths: candidates).unknownMetricMessage(metric, scope: scope), at: node.location)
        return false
    }

    /// `architecture "sync"`, or `architectures "a", "b" and "c"`.
    static func list(_ names: [String]) -> String {
        let quoted = names.map { "\"\($0)\"" }
        guard quoted.count > 1 else { return "architecture " + (quoted.first ?? "") }
        return "architectures " + quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}

/// The metric paths one or more architectures report, for explaining a path that is not one.
struct MetricCatalog {
    let paths: [String]

    /// Why `metric` is not a metric, with the closest path or the keys that could come next.
    func unknownMetricMessage(_ metric: String, scope: String) -> String {
        let quoted = "\"\(metric)\"\(scope)"
        let members = next(after: metric)
        if !members.isEmpty {
            return "\(quoted) is a group, not a number; it has \(Describe.choices(members))"
        }
        if let suggestion = Suggestion.closest(to: metric, among: paths) {
            return "unknown metric \(quoted) (did you mean \"\(suggestion)\"?)"
        }
        var segments = metric.split(separator: ".", omittingEmptySubsequences: false).dropLast()
        while !segments.isEmpty {
            let group = segments.joined(separator: ".")
            let members = next(after: group)
            if !members.isEmpty { return "unknown metric \(quoted); \"\(group)\" has \(Describe.choices(members))" }
            segments = segments.dropLast()
        }
        return "unknown metric \(quoted); expected a path starting with \(Describe.choices(next(after: nil)))"
    }

    /// The distinct keys that follow `group` (or start a path, for `nil`), in written order.
    func next(after group: String?) -> [String] {
        var keys: [String] = []
        for path in paths {
            let rest: Substring
            if let group {
                guard path.hasPrefix(group + ".") else { continue }
                rest = path.dropFirst(group.count + 1)
            } else {
                rest = path[...]
            }
            let key = String(rest.prefix { $0 != "." })
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}
