import Testing
import SimKernel
@testable import SimMetrics

/// The version set is exact however late a version comes, keeps no gap for versions that
/// come in order, and counts what its limit stops it from keeping.
struct VersionSetTests {
    /// A version far below the highest is told apart exactly: late the first time, seen after
    /// (a 64-version window called both `late`).
    @Test func aVersionFarBelowTheHighestIsKnown() {
        var set = VersionSet(cells: 1)
        for v in Int32(2)...200 { #expect(set.insert(v, in: 0) == .newest) }
        #expect(set.insert(100, in: 0) == .seen, "applied 100 versions ago: a duplicate")
        #expect(set.insert(1, in: 0) == .late, "never applied: late")
        #expect(set.insert(1, in: 0) == .seen)
        #expect(set.gapRanges == 0)
    }

    /// Versions in order hold no gap; a skip opens one range, late versions shrink and split it.
    @Test func gapsOpenShrinkAndSplit() {
        var set = VersionSet(cells: 2)
        for v in Int32(1)...1_000 { set.insert(v, in: 1) }
        #expect(set.gapRanges == 0 && set.highest(in: 1) == 1_000)
        set.insert(10, in: 0)
        #expect(set.gapRanges == 1 && !set.contains(5, in: 0) && set.contains(10, in: 0))
        #expect(set.insert(5, in: 0) == .late)
        #expect(set.gapRanges == 2, "1…4 and 6…9")
        #expect(set.insert(1, in: 0) == .late && set.insert(9, in: 0) == .late)
        for v in Int32(2)...8 where v != 5 { #expect(set.insert(v, in: 0) == .late) }
        #expect(set.gapRanges == 0 && set.untracked == 0)
        #expect((1...10).allSatisfy { set.contains(Int32($0), in: 0) } && !set.contains(11, in: 0) && !set.contains(0, in: 0))
    }

    /// Against a plain set of (cell, version): thousands of seeded random insertions over a few
    /// cells, with versions drawn near and far below the highest.
    @Test func agreesWithAPlainSet() {
        var random = RandomStream(seed: 7, name: "version-set")
        var set = VersionSet(cells: 3)
        var reference = Set<Int64>()
        var highest = [Int32](repeating: 0, count: 3)
        for _ in 0..<20_000 {
            let cell = Int(random.next(below: 3))
            let version = Int32(1 + random.next(below: UInt64(highest[cell]) + 3))
            let expected: VersionSet.Insertion = reference.contains(Int64(cell) << 32 | Int64(version)) ? .seen
                : version > highest[cell] ? .newest : .late
            #expect(set.insert(version, in: cell) == expected)
            reference.insert(Int64(cell) << 32 | Int64(version))
            highest[cell] = max(highest[cell], version)
        }
        for cell in 0..<3 {
            for version in Int32(1)...highest[cell] {
                #expect(set.contains(version, in: cell) == reference.contains(Int64(cell) << 32 | Int64(version)))
            }
        }
        #expect(set.untracked == 0)
    }

    /// At the limit, a gap that cannot be kept is counted, never silently dropped.
    @Test func theLimitIsCounted() {
        var set = VersionSet(cells: 1, gapLimit: 1)
        set.insert(3, in: 0)  // gap 1…2
        #expect(set.gapRanges == 1 && set.untracked == 0)
        set.insert(6, in: 0)  // gap 4…5 cannot be kept
        #expect(set.gapRanges == 1 && set.untracked == 1)
        set.insert(10, in: 0)
        #expect(set.untracked == 2)
    }
}
