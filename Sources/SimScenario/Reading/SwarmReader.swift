import SimKernel
import SimModels

/// Reads the `swarm` object: `"faults"`, candidate faults written as in `faults` except that
/// `at` and `for` may be `[low, high]` ranges, and `"rate"`, a `[low, high]` range of arrival
/// rates.
struct SwarmReader {
    let log: IssueLog
    let serviceNames: [String]
    /// When the run ends; `nil` when its duration could not be read, so that no start is
    /// judged against a guess.
    let runEnd: Instant?
    var values: ValueReader { ValueReader(log: log) }

    /// A limit on candidate faults.
    static let maximumCandidates = 100

    /// The swarm, and its candidate service and network faults as `faults` reads them, for the
    /// checks a fault's target must pass against the workload and the architectures.
    func read(_ node: JSONNode)
        -> (spec: SwarmSpec, serviceFaults: [FaultReader.ReadFault], networkFaults: [NetworkFaultReader.ReadNetworkFault])? {
        guard var object = ObjectReader(node, path: "swarm", log: log) else { return nil }
        var spec = SwarmSpec(candidates: [], milliEventsPerSecond: nil)
        var serviceFaults: [FaultReader.ReadFault] = []
        var networkFaults: [NetworkFaultReader.ReadNetworkFault] = []
        if let faults = object.optional("faults") {
            if let elements = faults.arrayElements, elements.count <= Self.maximumCandidates {
                spec.candidates = elements.enumerated().compactMap { i, element in
                    let read = candidate(element, "swarm.faults[\(i)]")
                    if let fault = read?.serviceFault { serviceFaults.append(fault) }
                    if let fault = read?.networkFault { networkFaults.append(fault) }
                    return read?.candidate
                }
            } else {
                log.wrong("swarm.faults", expected: "an array of at most \(Self.maximumCandidates) candidate faults", found: faults)
            }
        }
        if let rate = object.optional("rate") { spec.milliEventsPerSecond = rateRange(rate, "swarm.rate") }
        object.rejectUnknownKeys()
        if object.members.isEmpty { log.add("swarm", "expected \"faults\", \"rate\" or both", at: node.location) }
        return (spec, serviceFaults, networkFaults)
    }

    /// One candidate: its ranges read, then the fault itself with each range's low end in its
    /// place, read as a fault of `faults` would be (the fault returned as read, too).
    func candidate(_ node: JSONNode, _ path: String)
        -> (candidate: SwarmSpec.Candidate, serviceFault: FaultReader.ReadFault?, networkFault: NetworkFaultReader.ReadNetworkFault?)? {
        guard node.objectMembers != nil else { log.wrong(path, expected: "a fault", found: node); return nil }
        let start = node.member("at").flatMap { range($0, path + ".at", least: .zero) }
        let lengthNode = node.member("for")
        let length = lengthNode.flatMap { range($0, path + ".for", least: .nanoseconds(1)) }  // nil: for ever, or wrong
        // The fault as `faults` would read it, each range at its low end (a wrong range already
        // reported stands in as a valid value, so the rest of the fault is still checked).
        var template = node
        if node.member("at") != nil { template = template.setting("at", to: node.string((start?.lowerBound ?? .zero).description)) }
        if lengthNode != nil { template = template.setting("for", to: node.string((length?.lowerBound ?? .milliseconds(1)).description)) }
        if let start, let runEnd, start.upperBound >= runEnd.sinceStart, let at = node.member("at") {
            log.add(path + ".at", "a start as late as \(start.upperBound) is after the run ends at \(runEnd.sinceStart)", at: at.location)
            return nil
        }
        let faults = FaultReader(log: log, serviceNames: serviceNames, runEnd: runEnd)
        let isValid = start != nil && (lengthNode == nil || length != nil)
        if let members = node.objectMembers, members.contains(where: { FaultReader.networkKinds.contains($0.key) }) {
            guard let fault = NetworkFaultReader(log: log, nodeNames: serviceNames + ["broker"], runEnd: runEnd).read(template, path),
                  isValid, let start else { return nil }
            return (SwarmSpec.Candidate(service: nil, network: fault.config, what: Self.what(fault.description), start: start, length: length), nil, fault)
        }
        guard let fault = faults.readFault(template, path), isValid, let start else { return nil }
        return (SwarmSpec.Candidate(service: fault.config, network: nil, what: Self.what(fault.description), start: start, length: length), fault, nil)
    }

    /// The description without its window (` from 10s for 5s`, ` from 10s, for ever`).
    static func what(_ description: String) -> String {
        let text = Array(description), marker = Array(" from ")
        guard text.count >= marker.count else { return description }
        for i in stride(from: text.count - marker.count, through: 0, by: -1) where Array(text[i..<i + marker.count]) == marker {
            return String(text[..<i])
        }
        return description
    }

    /// A duration, or `[low, high]` with low ≤ high, each at least `least`.
    func range(_ node: JSONNode, _ path: String, least: TimeSpan) -> ClosedRange<TimeSpan>? {
        let limits = least...TimeSpan.hours(24 * 365)
        guard let elements = node.arrayElements else { return values.duration(node, path, in: limits).map { $0...$0 } }
        guard elements.count == 2 else { log.wrong(path, expected: "a duration or a range of two, such as [\"10s\", \"60s\"]", found: node); return nil }
        let low = values.duration(elements[0], path + "[0]", in: limits), high = values.duration(elements[1], path + "[1]", in: limits)
        guard let low, let high else { return nil }
        guard low <= high else { log.add(path, "expected the lower end first, found \(low) then \(high)", at: node.location); return nil }
        return low...high
    }

    /// `["100/s", "400/s"]`, in thousandths of an event per second.
    func rateRange(_ node: JSONNode, _ path: String) -> ClosedRange<Int64>? {
        guard let elements = node.arrayElements, elements.count == 2 else {
            log.wrong(path, expected: "a range of two rates, such as [\"100/s\", \"400/s\"]", found: node)
            return nil
        }
        let low = values.rate(elements[0], path + "[0]"), high = values.rate(elements[1], path + "[1]")
        guard let low, let high else { return nil }
        let (a, b) = (Int64((low.eventsPerSecond * 1_000).rounded()), Int64((high.eventsPerSecond * 1_000).rounded()))
        guard a >= 1, a <= b else { log.add(path, "expected the lower rate first, found \(low) then \(high)", at: node.location); return nil }
        return a...b
    }
}
