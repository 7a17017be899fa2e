import Foundation
import Testing
import SimRuns
@testable import SimScenario

/// Every lesson a shipped scenario states is earned: remove the mechanism an expectation
/// names (its faults, its retries, its keying) and that expectation fails.
struct ShippedScenarioMechanismTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// A shipped scenario with one mechanism taken out, and the expectations (by their place
    /// in the file) that must then fail.
    struct Removal: CustomTestStringConvertible, Sendable {
        let scenario: String
        let removed: String
        let failing: [Int]
        let edit: @Sendable (inout [String: Any]) -> Void

        var testDescription: String { "\(scenario) without \(removed)" }
    }

    /// Sets (or, with `nil`, removes) the member at `path`, creating objects on the way.
    static func setting(_ path: [String], to value: (any Sendable)?) -> @Sendable (inout [String: Any]) -> Void {
        { document in set(&document, path[...], value) }
    }

    static func set(_ object: inout [String: Any], _ path: ArraySlice<String>, _ value: Any?) {
        guard let key = path.first else { return }
        if path.count == 1 { object[key] = value; return }
        var inner = object[key] as? [String: Any] ?? [:]
        set(&inner, path.dropFirst(), value)
        object[key] = inner
    }

    static let withoutFaults = setting(["faults"], to: nil)

    static let removals: [Removal] = [
        Removal(scenario: "consumer-instance-crash", removed: "its crash", failing: [0, 2], edit: withoutFaults),
        Removal(scenario: "consumer-outage-backlog", removed: "its outage", failing: [0, 2, 3, 4], edit: withoutFaults),
        Removal(scenario: "dual-write-vs-outbox", removed: "its crashes", failing: [0], edit: withoutFaults),
        Removal(scenario: "duplicates-idempotency", removed: "its crashes", failing: [0], edit: withoutFaults),
        Removal(scenario: "hybrid-checkout", removed: "the slow provider and the declines", failing: [0, 2, 4, 5], edit: withoutFaults),
        Removal(scenario: "impatient-users", removed: "the slowdown", failing: [0, 1, 3], edit: withoutFaults),
        Removal(scenario: "impatient-users", removed: "the users' reloads", failing: [0, 1],
                edit: setting(["workload", "client", "retries"], to: nil)),
        Removal(scenario: "network-faults", removed: "its network faults", failing: [0, 1], edit: withoutFaults),
        Removal(scenario: "order-choreography", removed: "shipping's crash", failing: [0, 1, 4], edit: withoutFaults),
        Removal(scenario: "order-choreography", removed: "shipping's commit after processing", failing: [3],
                edit: setting(["architectures", "events", "topics", "stock-reserved", "consumers", "shipping", "commit"], to: "before-processing")),
        Removal(scenario: "order-choreography", removed: "keying", failing: [5], edit: { document in
            setting(["architectures", "events", "topic", "keyed"], to: false)(&document)
            setting(["architectures", "events", "topics", "stock-reserved", "keyed"], to: false)(&document)
        }),
        Removal(scenario: "order-placed", removed: "inventory's errors", failing: [0, 1], edit: withoutFaults),
        Removal(scenario: "order-placed", removed: "sync retries", failing: [0], edit: setting(["architectures", "sync", "retries"], to: nil)),
        Removal(scenario: "order-placed", removed: "consumer retries", failing: [3],
                edit: setting(["architectures", "events", "consumers", "inventory", "maxAttempts"], to: 1)),
        Removal(scenario: "ordering-keyed-partitions", removed: "keying", failing: [0],
                edit: setting(["architectures", "events-keyed", "topic", "keyed"], to: false)),
        Removal(scenario: "payment-email-slowdown", removed: "the slowdown", failing: [0], edit: withoutFaults),
        Removal(scenario: "payment-publishes", removed: "the broker's outage", failing: [0, 3, 4], edit: withoutFaults),
        Removal(scenario: "payment-publishes", removed: "payment's outbox", failing: [1, 2],
                edit: setting(["architectures", "hybrid-outbox", "calls", "payment"], to: ["bank", ["publish": "payments"]] as [any Sendable])),
        Removal(scenario: "retention-outage", removed: "the outage", failing: [0], edit: withoutFaults),
        Removal(scenario: "retry-storm", removed: "the slowdown", failing: [0, 1], edit: withoutFaults),
        Removal(scenario: "retry-storm", removed: "eager retries", failing: [0, 1, 6], edit: setting(["architectures", "sync-eager-retries", "retries"], to: nil)),
        Removal(scenario: "shared-database", removed: "the database's slowdown", failing: [0, 1, 2, 3, 6, 7], edit: withoutFaults),
        Removal(scenario: "signup-fanout", removed: "analytics' crash", failing: [0], edit: withoutFaults),
        Removal(scenario: "url-shortener", removed: "the slow webhook", failing: [1, 2], edit: withoutFaults),
        Removal(scenario: "webhook-delivery", removed: "the hanging and failing endpoint", failing: [0, 1, 4, 5], edit: withoutFaults),
    ]

    @Test(arguments: removals)
    func anExpectationFailsWithoutItsMechanism(_ removal: Removal) throws {
        let url = Self.folder.appendingPathComponent(removal.scenario + ".json")
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        removal.edit(&document)
        let bytes = try JSONSerialization.data(withJSONObject: document)
        var scenario = try ScenarioLoader.parse([UInt8](bytes), file: removal.scenario + ".json")
        let named = removal.failing.map { scenario.expectations[$0] }
        scenario.expectations = named
        let verdicts = ScenarioRunner.check(scenario)
        for verdict in verdicts {
            #expect(!verdict.holds, "still holds without \(removal.removed): \(verdict.line)")
        }
    }
}
