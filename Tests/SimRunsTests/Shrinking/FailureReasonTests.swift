import Foundation
import Testing
import SimChecks
@testable import SimMetrics
@testable import SimRuns
@testable import SimScenario

/// A shrink keeps the failure it started from: the same expectation, failing on the same side
/// of its bound, and for a consistency count from the same causes.
struct FailureReasonTests {
    /// A run's figures with one architecture's consistency counts at two targets.
    static func document(billing: [(String, Double)], inventory: [(String, Double)]) -> Measurements {
        func counts(_ pairs: [(String, Double)]) -> Figure { .group(pairs.map { ($0.0, .decimal($0.1, places: 3)) }) }
        let total = ["lost", "deadLettered", "superseded", "missingAtEnd"].map { key in
            (key, (billing + inventory).filter { $0.0 == key }.reduce(0.0) { $0 + $1.1 })
        }
        return Measurements(seed: 1, architectures: [("events", .group([("consistency", .group([
            ("billing", counts(billing)), ("inventory", counts(inventory)), ("total", counts(total)),
        ]))]))])
    }

    static func reason(_ metric: String, _ comparison: Comparison = .equals, limit: Double = 0, in document: Measurements) -> FailureReason? {
        let measured = document.value(at: metric, in: "events")?.numberValue
        let verdict = Verdict(text: "events \(metric)", architecture: "events", metric: metric, why: nil, measured: measured, unit: "",
                              references: [], holds: measured.map { comparison.holds($0, limits: [limit]) } ?? false, limits: [limit])
        return FailureReason(verdict, comparison: comparison, in: document)
    }

    @Test func missingEffectsAreToldApartByWhatMadeThemMissing() {
        let deadLettered = Self.document(billing: [("missingAtEnd", 0)], inventory: [("deadLettered", 1), ("missingAtEnd", 1)])
        let inFlight = Self.document(billing: [("missingAtEnd", 0)], inventory: [("deadLettered", 0), ("missingAtEnd", 5)])
        let first = Self.reason("consistency.inventory.missingAtEnd", in: deadLettered)
        #expect(first?.description == "above the bound (consistency.inventory.deadLettered)")
        #expect(Self.reason("consistency.inventory.missingAtEnd", in: inFlight)?.causes == ["consistency.inventory.inFlightAtEnd"])
        #expect(first != Self.reason("consistency.inventory.missingAtEnd", in: inFlight))
    }

    @Test func aTotalNamesTheTargetsItComesFrom() {
        let atInventory = Self.document(billing: [("lost", 0)], inventory: [("lost", 2)])
        let atBilling = Self.document(billing: [("lost", 2)], inventory: [("lost", 0)])
        #expect(Self.reason("consistency.total.lost", in: atInventory)?.causes == ["consistency.inventory.lost"])
        #expect(Self.reason("consistency.total.lost", in: atBilling)?.causes == ["consistency.billing.lost"])
    }

    /// A value on its limit fails `below` from above and `above` from below.
    @Test func theSideOfTheBoundFollowsTheComparison() {
        let doc = Self.document(billing: [("lost", 5)], inventory: [])
        #expect(Self.reason("consistency.billing.lost", .below, limit: 5, in: doc)?.kind == .aboveTheBound)
        #expect(Self.reason("consistency.billing.lost", .above, limit: 5, in: doc)?.kind == .belowTheBound)
        #expect(Self.reason("consistency.billing.lost", .equals, limit: 7, in: doc)?.kind == .belowTheBound)
        #expect(Self.reason("consistency.billing.lost", .atMost, limit: 5, in: doc) == nil)
        #expect(Self.reason("consistency.billing.nothing", .atMost, limit: 5, in: doc)?.kind == .noData)
    }

    /// A reservation dead-lettered during an `errors` fault fails "missing at end = 0". Without
    /// the drain, reservations still in flight fail it too, and then the fault is not needed:
    /// a shrink that accepted any failure ended on a scenario without the fault or the drain,
    /// failing for another reason. It must keep both, and fail as the original did.
    @Test func aShrinkKeepsTheDeadLetterAndTheDrain() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SimScenarioTests/Reproducers/Fixtures/shrink-dead-letter.json")  // the reproducers' fixtures
        let document = try JSONParser.parse(Array(try Data(contentsOf: url)))
        let shrinker = ScenarioShrinker(file: url.path, seed: 3, target: "events consistency.inventory.missingAtEnd = 0")
        let result = try #require(shrinker.shrink(document))
        #expect(result.reason.causes == ["consistency.inventory.deadLettered"])
        #expect(!result.steps.contains { $0.hasPrefix("drain") && $0.hasSuffix("→ none") })
        #expect(!result.steps.contains { $0.hasPrefix("removed faults") && $0.contains("\"errors\"") })
        #expect(result.steps.contains { $0.hasPrefix("removed faults[0]: {\"slow\"") }, "the irrelevant fault still goes")
        #expect(shrinker.trial(result.document) == .fails(result.reason))
    }
}
