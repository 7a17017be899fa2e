import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// Overlapping faults are each refused once.
struct FaultReaderTests {
    let consumesEmail = "{\"consumers\": {\"email\": {}}}"

    /// Faults that all overlap: each after the first is refused once (comparing every pair
    /// refused the last of 2 000 faults 1 999 times, some 2 million lines in all).
    @Test func eachOverlappingFaultIsRefusedOnce() {
        let found = EventsReading.issues(consumesEmail, faults: "[" + Array(repeating: "{\"crash\": \"email\", \"at\": \"1s\"}", count: 2_000).joined(separator: ", ") + "]")
        #expect(found.count == 1_999)
        #expect(found.map(\.path) == (1..<2_000).map { "faults[\($0)]" })
        #expect(found.allSatisfy { $0.message.hasPrefix("overlaps faults[") && $0.message.hasSuffix("a fault of the same kind on the same service; make the windows disjoint") })
    }
}
