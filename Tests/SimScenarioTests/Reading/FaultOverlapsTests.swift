import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// Each fault that overlaps an earlier one of the same kind on the same target is found, and
/// the earlier fault it names does overlap it; no other fault is flagged.
struct FaultOverlapsTests {
    /// Whether `a` and `b` cannot both be in force at once: the rule, pair by pair.
    func clash(_ a: FaultConfig, _ b: FaultConfig) -> Bool {
        a.service == b.service && FaultReader.sameKind(a.kind, b.kind)
            && (a.instance == nil || b.instance == nil || a.instance == b.instance)
            && a.start < b.end && b.start < a.end
    }

    /// Thousands of seeded random sets of faults on few services, kinds, instances and
    /// instants (so that ties and shared ends are common) agree with comparing every pair.
    @Test func agreesWithComparingEveryPair() {
        var random = RandomStream(seed: 7)
        let kinds: [FaultKind] = [.crash, .pause, .slowBy(factor: 2), .errors(Probability(0.5)), .hang(Probability(0.5))]
        for round in 0..<3_000 {
            let count = Int(random.next(below: 12))
            let faults = (0..<count).map { _ in
                let start = Int64(random.next(below: 8))
                let end: Instant = random.next(below: 4) == 0 ? .distantFuture : Instant(nanoseconds: start + 1 + Int64(random.next(below: 5)))
                let kind = kinds[Int(random.next(below: UInt64(kinds.count)))]
                let instance = kind != .crash || random.next(below: 3) == 0 ? nil : Int(random.next(below: 2))  // only a crash hits one instance
                return FaultConfig(kind: kind, service: Int(random.next(below: 2)), instance: instance, start: Instant(nanoseconds: start), end: end)
            }
            let found = FaultOverlaps(faults).earlier
            for (i, fault) in faults.enumerated() {
                let expected = faults[..<i].contains { clash($0, fault) }
                #expect((found[i] != nil) == expected, "round \(round), fault \(i): \(faults)")
                if let earlier = found[i] { #expect(earlier < i && clash(faults[earlier], fault), "round \(round), fault \(i)") }
            }
        }
    }

    /// Faults that all overlap one another: each after the first is found once, whatever how
    /// many it overlaps.
    @Test func eachFaultIsFoundOnce() {
        let faults = (0..<5_000).map { _ in FaultConfig(kind: .crash, service: 0, start: .zero, end: .distantFuture) }
        let found = FaultOverlaps(faults).earlier
        #expect(found[0] == nil && found.dropFirst().allSatisfy { $0 != nil })
    }
}
