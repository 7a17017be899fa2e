import Testing
@testable import SimScenario

/// Reproducers of a retry that fired after its synchronous caller crashed (it used a freed
/// job slot and aborted the run, or applied versions that were never committed).
struct CrashReproducerTests {
    /// The shipped order-placed plus a 5 s crash of its entry runs to the end. Its copied
    /// expectation that events fail no order cannot hold: orders that reach the crashed entry
    /// fail in both designs. Every other expectation holds.
    @Test func orderPlacedWithItsEntryCrashedRuns() throws {
        let run = try Reproducer("order-placed-entry-crash")
        #expect(run.failures.count == 1 && run.failures[0].contains("events requests.errorRate"), "\(run.failures)")
        #expect(run.value("sync", "requests.failedByKind.unavailable")! > 0)
    }

    @Test(arguments: ["zombie-2svc", "zombie-min"])
    func noTargetAppliesMoreThanWasCommitted(name: String) throws {
        let run = try Reproducer(name)
        #expect(run.failures.isEmpty, "\(run.failures)")
        for target in ["mid", "db", "total"] {
            guard let missing = run.value("sync", "consistency.\(target).missingAtEnd") else { continue }
            #expect(missing >= 0, "\(target).missingAtEnd = \(missing)")
        }
    }
}
