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

    /// The broker takes crashes and pauses only: a drawn slowdown or errors fault goes to one
    /// of the services among the targets, evenly, and crashes and pauses reach the broker as
    /// often as any other target.
    @Test func slowdownsAndErrorsGoToServicesOnly() {
        let spec = ChaosSpec(kinds: ChaosSpec.Kind.allCases, targets: [0, 1, 2], broker: 2, meanInterval: .seconds(1),
                             meanDuration: .milliseconds(10), start: .zero, end: .zero + .hours(1))
        let faults = spec.schedule(seed: 4)
        let onServices = faults.filter { if case .slowBy = $0.kind { true } else if case .errors = $0.kind { true } else { false } }
        let onAnything = faults.filter { $0.kind == .crash || $0.kind == .pause }
        #expect(onServices.count > 1_500 && onServices.allSatisfy { $0.service != 2 })
        // Halves of about 1 800: within 5 standard deviations (√(1 800 · ¼) ≈ 21).
        #expect(abs(onServices.filter { $0.service == 0 }.count - onServices.count / 2) < 5 * 21)
        // A third of about 1 800 on the broker: within 5 standard deviations (√(1 800 · 2/9) = 20).
        #expect(abs(onAnything.filter { $0.service == 2 }.count - onAnything.count / 3) < 5 * 20)
    }

    /// Chaos once stopped after 1 000 draws, about 17 minutes into an hour drawn every second,
    /// without a word; it now covers the whole window.
    @Test func chaosCoversTheWholeRun() {
        let hour = ChaosSpec(kinds: [.slow], targets: [0, 1], meanInterval: .seconds(1), meanDuration: .milliseconds(10),
                             start: .zero, end: .zero + .hours(1))
        #expect(hour.expectedFaults == 3_600)
        let faults = hour.schedule(seed: 1)
        // Poisson with mean 3 600 (few overlaps at 10 ms each): within 5 standard deviations.
        #expect(abs(faults.count - 3_600) < 5 * 60, "\(faults.count)")
        #expect(faults.last.map { $0.start > .zero + .minutes(59) } == true)
    }
}
