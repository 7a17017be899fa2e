import Testing
@testable import SimScenario

/// `dup-hot-5`: five hot accounts on a keyed topic, and two crashes of billing that replay
/// thousands of versions per account. Every replay is a duplicate (the naive consumer applies
/// it again, the idempotent one skips it), never an out-of-order first application.
struct HotKeyReproducerTests {
    @Test func replaysOfHotKeysAreDuplicatesNotOutOfOrder() throws {
        let run = try Reproducer("dup-hot-5")
        func figure(_ architecture: String, _ metric: String) -> Double? {
            run.value(architecture, "consistency.billing." + metric)
        }
        for architecture in ["events-naive", "events-idempotent"] {
            #expect(figure(architecture, "outOfOrder") == 0, "\(architecture): a keyed topic keeps each account in order")
            #expect(figure(architecture, "refused") == 0 && figure(architecture, "untracked") == 0)
        }
        #expect((figure("events-naive", "duplicated") ?? 0) > 1_000, "the replays, applied again")
        #expect(figure("events-idempotent", "duplicated") == 0 && figure("events-idempotent", "superseded") == 0, "the replays, skipped")
        #expect(figure("events-naive", "applied") == figure("events-idempotent", "applied"))
        #expect(run.failures.isEmpty, "\(run.failures)")
    }
}
