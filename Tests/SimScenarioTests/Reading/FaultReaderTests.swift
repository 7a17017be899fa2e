import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// The `faults` array is bounded, and its overlapping faults are each refused once.
struct FaultReaderTests {
    let consumesEmail = "{\"consumers\": {\"email\": {}}}"

    /// `count` crashes of email, a microsecond each, one after the other; `extra` after them.
    func crashes(_ count: Int, then extra: [String] = []) -> String {
        "[" + ((0..<count).map { "{\"crash\": \"email\", \"at\": \"\($0)us\", \"for\": \"1us\"}" } + extra).joined(separator: ", ") + "]"
    }

    /// 10 000 faults read; one more is refused at `faults`, with what is wrong in each fault
    /// reported beside it rather than hidden behind the count.
    @Test func refusesMoreThanTheLimitAndReportsEachFaultToo() throws {
        let s = try EventsReading.scenario(consumesEmail, faults: crashes(FaultReader.maximumCount))
        #expect(s.world.faults.count == 10_000)
        let found = EventsReading.issues(consumesEmail, faults: crashes(7_000, then: Array(repeating: "{\"network\": \"*\", \"at\": \"9s\", \"delay\": \"1ms\"}", count: 3_000)
                                                                            + ["{\"crash\": \"emial\", \"at\": \"9s\"}"]))
        #expect(found.map { "\($0.path): \($0.message)" } == [
            "faults: expected at most 10000 faults (service and network faults together), found 10001",
            "faults[10000].crash: unknown service \"emial\" (did you mean \"email\"?); expected one of \"pay\", \"email\" or \"broker\"",
        ])
        #expect(found.allSatisfy { $0.position != nil })
    }

    /// Faults that all overlap: each after the first is refused once (comparing every pair
    /// refused the last of 2 000 faults 1 999 times, some 2 million lines in all).
    @Test func eachOverlappingFaultIsRefusedOnce() {
        let found = EventsReading.issues(consumesEmail, faults: "[" + Array(repeating: "{\"crash\": \"email\", \"at\": \"1s\"}", count: 2_000).joined(separator: ", ") + "]")
        #expect(found.count == 1_999)
        #expect(found.map(\.path) == (1..<2_000).map { "faults[\($0)]" })
        #expect(found.allSatisfy { $0.message.hasPrefix("overlaps faults[") && $0.message.hasSuffix("a fault of the same kind on the same service; make the windows disjoint") })
    }
}
