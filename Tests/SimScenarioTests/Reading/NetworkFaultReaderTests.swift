import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// Network faults read with every effect they state, and refuse a setting that could change
/// nothing.
struct NetworkFaultReaderTests {
    /// `reorderBy` is how long a reordered message is held back: a fault that reorders none
    /// refuses it at its key rather than accepting it and holding nothing back.
    @Test func reorderByNeedsAReorderingFault() throws {
        for effects in ["\"delay\": \"1ms\"", "\"delay\": \"1ms\", \"reorder\": 0"] {
            let found = EventsReading.issues("{\"consumers\": {\"email\": {}}}",
                                             faults: "[{\"network\": \"*\", \"at\": \"1s\", \(effects), \"reorderBy\": \"2s\"}]")
            #expect(found.map { "\($0.path): \($0.message)" } == [
                "faults[0].reorderBy: applies only with \"reorder\" above 0, which holds messages back; this fault reorders none",
            ], "\(effects)")
            #expect(found.allSatisfy { $0.position != nil })
        }
        let s = try EventsReading.scenario("{\"consumers\": {\"email\": {}}}",
                                           faults: "[{\"network\": \"*\", \"at\": \"1s\", \"reorder\": 0.2, \"reorderBy\": \"2s\"}]")
        #expect(s.world.networkFaults.first?.reorderDelay == .seconds(2))
    }

    /// A `reorder` that is no probability is reported once, at itself: `reorderBy` beside it
    /// is not refused as if the fault reordered none.
    @Test func anUnreadableReorderIsReportedAloneAtItself() {
        for reorder in ["1.5", "\"0.5\""] {
            let found = EventsReading.issues("{\"consumers\": {\"email\": {}}}",
                                             faults: "[{\"network\": \"*\", \"at\": \"1s\", \"delay\": \"1ms\", \"reorder\": \(reorder), \"reorderBy\": \"2s\"}]")
            #expect(found.map(\.path) == ["faults[0].reorder"], "\(reorder): \(found.map(\.message))")
        }
    }
}
