/// Whether one architecture, run twice in one process from the same scenario and seed, did
/// the same thing: the count and fingerprint of the events each run handled and, when they
/// differ, where the runs part ways.
public struct RepeatedRun: Sendable, Equatable {
    /// The architecture's name in the scenario.
    public var architecture: String
    /// Events handled by the first run and by the second.
    public var events: [Int]
    /// Each run's event fingerprint, 16 hexadecimal digits.
    public var digests: [String]
    /// Where the two runs part ways, as a sentence naming the first differing event; `nil`
    /// when they are alike.
    public var difference: String?

    /// The comparison of `architecture`'s two runs: `events` and `digests` hold two entries each,
    /// the first run's first; `difference` is `nil` when the runs are alike.
    public init(architecture: String, events: [Int], digests: [String], difference: String?) {
        precondition(events.count == 2 && digests.count == 2, "a repeated run is two runs")
        self.architecture = architecture
        self.events = events
        self.digests = digests
        self.difference = difference
    }

    /// Whether both runs handled the same events at the same instants in the same order.
    public var isAlike: Bool { difference == nil }

    /// `✓ sync: the same 1234 events in both runs (digest 0123456789abcdef)`, or
    /// `✗ sync: the runs differ: 1234 events (digest …), then 1235 (digest …)`.
    public var line: String {
        guard !isAlike else { return "✓ \(architecture): the same \(events[0]) events in both runs (digest \(digests[0]))" }
        return "✗ \(architecture): the runs differ: \(events[0]) events (digest \(digests[0])), then \(events[1]) (digest \(digests[1]))"
    }
}
