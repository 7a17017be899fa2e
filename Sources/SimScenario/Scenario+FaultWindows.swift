import SimMetrics

extension Scenario {
    /// The window of each fault, then of each network fault, labelled by the first two words of its description.
    public var faultWindows: [FaultWindow] {
        let spans = world.faults.map { ($0.start, $0.end) } + world.networkFaults.map { ($0.start, $0.end) }
        return spans.enumerated().map { i, span in
            FaultWindow(start: span.0.sinceStart, end: span.1 == .distantFuture ? nil : span.1.sinceStart,
                        label: faultDescriptions[i].split(separator: " ").prefix(2).joined(separator: " "))
        }
    }
}
