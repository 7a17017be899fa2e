/// Which versions of each entity a target has applied, exactly: per cell (a target and an
/// entity) the highest version inserted, and the gaps below it (the versions not inserted
/// yet) as sorted, disjoint ranges.
///
/// Versions that come in order open no gap, so a cell costs one `Int32` and an empty array.
/// A version that skips ahead opens one range (8 bytes); late versions shrink or split it. The
/// ranges never outnumber the versions below the highest that are still missing, and
/// `gapLimit` bounds them over all cells: an insertion that would need one more range is
/// counted in `untracked`, and from then on the set may err (it says so rather than guessing).
///
/// Used by the consistency ledger to tell duplicates from late first applications however
/// late a version comes.
public struct VersionSet: Sendable {
    /// The default bound on gap ranges over all cells: 4 194 304 ranges, 32 MiB.
    public static let defaultGapLimit = 1 << 22

    /// Versions `lower` through `upper` (inclusive), none inserted yet.
    public struct Gap: Sendable, Equatable {
        var lower: Int32
        var upper: Int32
    }

    var highest: [Int32]
    var gaps: [[Gap]]
    /// The most gap ranges held at once over all cells.
    public let gapLimit: Int
    /// Gap ranges held now, over all cells.
    public private(set) var gapRanges = 0
    /// Insertions whose gap could not be kept because `gapLimit` was reached.
    public private(set) var untracked = 0

    /// A set over `cells` cells, all empty, holding at most `gapLimit` gap ranges.
    public init(cells: Int, gapLimit: Int = VersionSet.defaultGapLimit) {
        highest = [Int32](repeating: 0, count: cells)
        gaps = [[Gap]](repeating: [], count: cells)
        self.gapLimit = gapLimit
    }

    /// What inserting a version found.
    public enum Insertion: Sendable, Equatable {
        /// Newer than every version seen in the cell.
        case newest
        /// Not seen before, but older than one seen.
        case late
        /// Seen before.
        case seen
    }

    /// Adds `version` (1 or more) to `cell`.
    /// - Complexity: O(1) amortised for a version above the highest; O(log *g* + *g*) for an
    ///   older one, where *g* is the number of gap ranges in the cell.
    @discardableResult
    public mutating func insert(_ version: Int32, in cell: Int) -> Insertion {
        let top = highest[cell]
        if version > top {
            if version - 1 > top { openGap(Gap(lower: top + 1, upper: version - 1), in: cell) }
            highest[cell] = version
            return .newest
        }
        guard let i = gapIndex(of: version, in: cell) else { return .seen }
        fill(version, gapAt: i, in: cell)
        return .late
    }

    /// Whether `version` has been inserted in `cell`.
    /// - Complexity: O(log *g*), *g* gap ranges in the cell.
    public func contains(_ version: Int32, in cell: Int) -> Bool {
        version >= 1 && version <= highest[cell] && gapIndex(of: version, in: cell) == nil
    }

    /// The highest version inserted in `cell` (0 if none).
    public func highest(in cell: Int) -> Int32 { highest[cell] }

    mutating func openGap(_ gap: Gap, in cell: Int) {
        guard gapRanges < gapLimit else { return untracked += 1 }
        gaps[cell].append(gap)
        gapRanges += 1
    }

    /// Removes `version` from the gap at index `i` of `cell`, which holds it.
    mutating func fill(_ version: Int32, gapAt i: Int, in cell: Int) {
        let gap = gaps[cell][i]
        if gap.lower == gap.upper {
            gaps[cell].remove(at: i)
            gapRanges -= 1
        } else if version == gap.lower {
            gaps[cell][i].lower += 1
        } else if version == gap.upper {
            gaps[cell][i].upper -= 1
        } else {
            guard gapRanges < gapLimit else { return untracked += 1 }
            gaps[cell][i].upper = version - 1
            gaps[cell].insert(Gap(lower: version + 1, upper: gap.upper), at: i + 1)
            gapRanges += 1
        }
    }

    /// The index of the gap of `cell` holding `version`, if one does.
    /// - Complexity: O(log *g*).
    func gapIndex(of version: Int32, in cell: Int) -> Int? {
        let ranges = gaps[cell]
        var (low, high) = (0, ranges.count)  // the first gap whose upper end is at or above `version`
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upper < version { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].lower <= version ? low : nil
    }
}
