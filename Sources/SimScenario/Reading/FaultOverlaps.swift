import SimKernel
import SimModels

/// Finds, for each fault, one written before it that is in force at the same time on the
/// same service with the same kind of fault (on the same instance, or one of them on the
/// whole service): two such faults cannot both hold at once.
///
/// Comparing every pair took quadratic time (33 s for 20 000 faults); each fault instead asks
/// the lanes it could clash with, each a tree of the windows added so far.
/// - Complexity: O(n log n) for n faults.
struct FaultOverlaps {
    /// Faults that clash share a lane key: the service, the kind's family and the instances.
    private struct LaneKey: Hashable {
        enum Instances: Hashable { case any, whole, one(Int) }
        var service: Int
        var family: Int
        var instances: Instances
    }

    /// For each fault, in the order given, the index of an earlier fault it overlaps, if any.
    let earlier: [Int?]

    init(_ faults: [FaultConfig]) {
        // A fault on the whole service clashes with any fault; one on an instance, with faults
        // on the whole service and on that instance.
        func addedTo(_ fault: FaultConfig) -> [LaneKey] {
            let family = FaultReader.family(fault.kind)
            let own = fault.instance.map { LaneKey.Instances.one($0) } ?? .whole
            return [LaneKey(service: fault.service, family: family, instances: .any),
                    LaneKey(service: fault.service, family: family, instances: own)]
        }
        func asked(_ fault: FaultConfig) -> [LaneKey] {
            let family = FaultReader.family(fault.kind)
            guard let instance = fault.instance else { return [LaneKey(service: fault.service, family: family, instances: .any)] }
            return [LaneKey(service: fault.service, family: family, instances: .whole),
                    LaneKey(service: fault.service, family: family, instances: .one(instance))]
        }
        var members: [LaneKey: [(start: Instant, id: Int)]] = [:]
        for (id, fault) in faults.enumerated() {
            for key in addedTo(fault) { members[key, default: []].append((fault.start, id)) }
        }
        var lanes = members.mapValues(Lane.init)
        earlier = faults.enumerated().map { id, fault in
            let found = asked(fault).compactMap { lanes[$0]?.overlapping(fault.start, fault.end) }.min()
            for key in addedTo(fault) { lanes[key]?.add(id, fault.start, fault.end) }
            return found
        }
    }

    /// Windows `[start, end)` added one at a time, asked whether any added so far overlaps a
    /// given one: a Fenwick tree, over the windows sorted by start, of the latest end in each
    /// prefix of those added.
    private struct Lane {
        /// Every window that may be added, sorted by start: a window's place in `latest`.
        let slots: [(start: Instant, id: Int)]
        /// Fenwick tree (1-based) of the added window ending last, per prefix of `slots`.
        var latest: [(end: Instant, id: Int)?]

        init(_ windows: [(start: Instant, id: Int)]) {
            slots = windows.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            latest = Array(repeating: nil, count: slots.count + 1)
        }

        /// The number of slots that sort before `(start, id)`.
        func rank(below start: Instant, id: Int = -1) -> Int {
            var (low, high) = (0, slots.count)
            while low < high {
                let middle = (low + high) / 2
                if (slots[middle].start, slots[middle].id) < (start, id) { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// Adds window `id`, one of those the lane was made with.
        /// - Complexity: O(log n).
        mutating func add(_ id: Int, _ start: Instant, _ end: Instant) {
            var i = rank(below: start, id: id) + 1
            while i < latest.count {
                if latest[i].map({ $0.end < end }) ?? true { latest[i] = (end, id) }
                i += i & -i
            }
        }

        /// An added window overlapping `[start, end)`: of those starting before `end`, the one
        /// ending last, if it ends after `start`.
        /// - Complexity: O(log n).
        func overlapping(_ start: Instant, _ end: Instant) -> Int? {
            var i = rank(below: end)
            var found: (end: Instant, id: Int)?
            while i > 0 {
                if let candidate = latest[i], found.map({ $0.end < candidate.end }) ?? true { found = candidate }
                i -= i & -i
            }
            return found.flatMap { $0.end > start ? $0.id : nil }
        }
    }
}
