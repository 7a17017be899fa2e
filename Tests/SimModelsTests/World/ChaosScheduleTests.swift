import Testing
import SimKernel
@testable import SimModels

/// Chaos is random but reproducible: the seed decides the schedule.
struct ChaosScheduleTests {
    let spec = ChaosSpec(kinds: ChaosSpec.Kind.allCases, targets: [0, 1, 2], meanInterval: .seconds(5), meanDuration: .seconds(3),
                         start: .zero, end: .zero + .minutes(10))

    @Test func theSeedDecidesTheSchedule() {
        let a = spec.schedule(seed: 1), b = spec.schedule(seed: 1), c = spec.schedule(seed: 2)
        #expect(a.map(\.start) == b.map(\.start) && a.map(\.service) == b.map(\.service))
        #expect(a.map(\.start) != c.map(\.start))
        // About one fault every 5 s over 10 minutes, less the skipped overlaps.
        #expect(a.count > 60 && a.count <= 160)
    }

    @Test func faultsOfOneKindNeverOverlapOnOneTarget() {
        let faults = spec.schedule(seed: 3)
        for (i, x) in faults.enumerated() {
            for y in faults[..<i] where x.service == y.service && x.kind == y.kind {
                #expect(y.end <= x.start)
            }
        }
        #expect(faults.allSatisfy { $0.start < .zero + .minutes(10) && $0.end > $0.start })
    }
}
