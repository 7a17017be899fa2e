import Testing
@testable import SimScenario

/// Reproducers of scenario files that were accepted with a field ignored or a name meaning
/// two things, or whose errors came one at a time or at the wrong place: each now gives
/// every problem at once, at its field's line.
struct ScenarioInputReproducerTests {
    /// The path, line and column of every issue loading `Fixtures/<name>.json` reports.
    static func issues(_ name: String) -> [String] {
        HostileInputReproducerTests.issues(name).map { "\($0.path) \($0.position.map { "\($0.line):\($0.column)" } ?? "-")" }
    }

    @Test(arguments: [
        ("name-position", ["name 2:11"]),
        ("service-named-broker", ["services.broker 13:5"]),
        ("architecture-named-all", ["architectures.all 24:5"]),
        ("outbox-linger", ["architectures.events.linger 35:7"]),
        ("dual-write-relay-every", ["architectures.events.relayEvery 35:7"]),
        ("empirical-p1e1", ["services.email.work.empirical.p1e1 14:11"]),
        ("empirical-partial", ["services.email.work.empirical.max 14:18", "services.email.work.empirical.p0 15:11"]),
    ])
    func everyProblemIsReportedAtItsField(name: String, expected: [String]) {
        #expect(Self.issues(name) == expected)
    }
}
