import Testing
import SimChecks
@testable import SimScenario

/// The producer's reproducers (in `Fixtures`) give their right outcome: each scenario's
/// own expectation holds when it is loaded and run as `ripple run` does.
struct ProducerReproducerTests {
    /// The verdicts of the reproducer `name`'s expectations.
    func verdicts(_ name: String) throws -> [Verdict] { try Reproducer(name).verdicts }

    /// After a 10 s broker crash the outbox relay resends in commit order: no entity's
    /// events are swapped (the relay once gave 1 452 out of order here).
    @Test func theOutboxRelaysInCommitOrderAfterABrokerCrash() throws {
        let verdicts = try verdicts("outbox-reorder-broker-crash")
        #expect(verdicts.count == 1 && verdicts.allSatisfy(\.holds), "\(verdicts.map(\.line))")
    }

    /// A dual write that waits for its acknowledgement is retried through a 1 % publish drop:
    /// nothing is lost (a dual write once sent each event once, and lost 246 here).
    @Test func aRetryingDualWriteLosesNothingToDroppedPublishes() throws {
        let verdicts = try verdicts("dual-write-no-producer-retries")
        #expect(verdicts.count == 1 && verdicts.allSatisfy(\.holds), "\(verdicts.map(\.line))")
    }

    /// A 10 s broker pause delays events without multiplying them (8 890 duplicates once).
    @Test func aBrokerPauseDoesNotMultiplyEvents() throws {
        let verdicts = try verdicts("broker-pause-duplicates")
        #expect(verdicts.count == 1 && verdicts.allSatisfy(\.holds), "\(verdicts.map(\.line))")
    }

    /// An entry crash while lost acknowledgements leave a partition's later events
    /// acknowledged before an earlier one: the restarted producer numbers what it sends again
    /// without a gap, so every row reaches the broker (the broker once refused them for ever,
    /// and 146 events never reached email here).
    @Test func theRestartedProducerNumbersItsEventsWithoutAGap() throws {
        let verdicts = try verdicts("outbox-entry-crash-lost-acks")
        #expect(verdicts.count == 1 && verdicts.allSatisfy(\.holds), "\(verdicts.map(\.line))")
    }
}
