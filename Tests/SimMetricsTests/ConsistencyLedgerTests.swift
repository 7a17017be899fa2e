import Testing
import SimKernel
@testable import SimMetrics

/// The ledger classifies every application exactly, however late it comes, and refuses
/// versions that were never committed as model errors.
struct ConsistencyLedgerTests {
    /// A ledger with one target, `billing`, over one entity with `versions` committed.
    func ledger(committing versions: Int, gapLimit: Int = VersionSet.defaultGapLimit) -> ConsistencyLedger {
        var ledger = ConsistencyLedger(targets: ["billing"], keyCount: 1, gapLimit: gapLimit)
        for _ in 0..<versions { _ = ledger.commit(key: 0) }
        return ledger
    }

    func apply(_ version: Int32, _ ledger: inout ConsistencyLedger) -> ConsistencyLedger.Application {
        ledger.apply(target: 0, key: 0, version: version)
    }

    /// A hot entity's replay after a crash, 500 versions behind: duplicates, not out of order
    /// (the 64-version window counted 436 of them as late first applications).
    @Test func aLateReplayIsADuplicate() {
        var ledger = ledger(committing: 1_000)
        for v in Int32(1)...1_000 { #expect(apply(v, &ledger) == .inOrder) }
        for v in Int32(501)...1_000 { #expect(apply(v, &ledger) == .duplicate) }
        let report = ledger.finalReport()[0]
        #expect(report.counts.duplicated == 500 && report.counts.outOfOrder == 0 && report.counts.applied == 1_000)
        #expect(report.missingAtEnd == 0 && report.divergentEntities == 0 && ledger.modelErrors == 0)
    }

    /// A first application far behind is out of order, and its own replay then a duplicate.
    @Test func aLateFirstApplicationIsOutOfOrderOnce() {
        var ledger = ledger(committing: 300)
        for v in Int32(2)...300 { _ = apply(v, &ledger) }
        #expect(apply(1, &ledger) == .outOfOrder)
        #expect(apply(1, &ledger) == .duplicate)
        #expect(ledger.counts[0].outOfOrder == 1 && ledger.counts[0].duplicated == 1 && ledger.finalReport()[0].missingAtEnd == 0)
    }

    /// A version above the latest committed, or below 1, is refused: counted, described,
    /// never applied.
    @Test func aVersionNeverCommittedIsRefused() {
        var ledger = ledger(committing: 3)
        #expect(apply(4, &ledger) == .refused)
        #expect(apply(0, &ledger) == .refused)
        #expect(apply(-2, &ledger) == .refused)
        #expect(ledger.counts[0].refused == 3 && ledger.counts[0].applied == 0 && ledger.modelErrors == 3)
        #expect(ledger.firstError == "billing applied version 4 of entity 0, which has 3 committed")
        #expect(ledger.finalReport()[0].missingAtEnd == 3, "nothing was applied")
    }

    /// A skipped version the target never applied is superseded; one it applied is not.
    @Test func aSkipOfAVersionNeverAppliedIsSuperseded() {
        var ledger = ledger(committing: 3)
        _ = apply(1, &ledger)
        _ = apply(3, &ledger)
        let (replay, stale, stray) = (ledger.recordSkip(target: 0, key: 0, version: 1), ledger.recordSkip(target: 0, key: 0, version: 2),
                                      ledger.recordSkip(target: 0, key: 0, version: 7))
        #expect(!replay, "a replay avoided")
        #expect(stale, "never applied: superseded by 3")
        #expect(!stray, "never committed")
        #expect(ledger.counts[0].superseded == 1 && ledger.counts[0].refused == 1)
        #expect(ledger.finalReport()[0].missingAtEnd == 1)
    }

    /// A gap beyond the limit is a counted model error with a description.
    @Test func aGapBeyondTheLimitIsAModelError() {
        var ledger = ledger(committing: 10, gapLimit: 0)
        _ = apply(5, &ledger)
        #expect(ledger.counts[0].untracked == 1 && ledger.modelErrors == 1)
        #expect(ledger.firstError?.hasPrefix("billing applied version 5 of entity 0") == true)
    }
}
