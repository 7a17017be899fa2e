/// Which versions of each entity have been seen, in fixed memory: per cell (a target and
/// an entity) the highest version and a 64-version window below it.
///
/// Used by the consistency ledger to tell duplicates from out-of-order applications, and
/// by idempotent consumers to skip events they have already handled.
public struct VersionSet: Sendable {
    var highest: [Int32]
    var window: [UInt64]

    /// A set over `cells` cells, all empty.
    public init(cells: Int) {
        highest = [Int32](repeating: 0, count: cells)
        window = [UInt64](repeating: 0, count: cells)
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

    /// Adds `version` to `cell`. Versions more than 63 below the highest cannot be told
    /// apart and count as `late`.
    /// - Complexity: O(1).
    @discardableResult
    public mutating func insert(_ version: Int32, in cell: Int) -> Insertion {
        let top = highest[cell]
        if version > top {
            let shift = Int64(version - top)
            window[cell] = shift >= 64 ? 1 : (window[cell] << UInt64(shift)) | 1
            highest[cell] = version
            return .newest
        }
        let age = Int64(top - version)
        guard age < 64 else { return .late }
        let bit: UInt64 = 1 << UInt64(age)
        if window[cell] & bit != 0 { return .seen }
        window[cell] |= bit
        return .late
    }

    /// Whether `version` is known to have been inserted in `cell`.
    public func contains(_ version: Int32, in cell: Int) -> Bool {
        let top = highest[cell]
        guard version <= top, version > 0 else { return false }
        let age = Int64(top - version)
        return age < 64 && window[cell] & (1 << UInt64(age)) != 0
    }

    /// The highest version inserted in `cell` (0 if none).
    public func highest(in cell: Int) -> Int32 { highest[cell] }
}
