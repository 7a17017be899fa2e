/// Dense storage for short-lived records (jobs, requests in flight) with reuse of freed
/// slots, so that memory follows the number alive at once, not the number ever created.
///
/// Each slot has a generation that changes when the slot is freed: an event that names a
/// slot and the generation it saw can tell whether the record it meant still exists.
public struct SlotTable<Record>: Sendable where Record: Sendable {
    @usableFromInline var records: [Record] = []
    @usableFromInline var generations: [UInt32] = []
    @usableFromInline var free: [Int32] = []
    @usableFromInline var occupied: [Bool] = []

    /// A table with no slots yet; storage grows as records are inserted.
    public init() {}

    /// Records alive now.
    public var liveCount: Int { records.count - free.count }

    /// Stores `record` and returns its slot and generation.
    @inlinable public mutating func insert(_ record: Record) -> (slot: Int32, generation: UInt32) {
        if let slot = free.popLast() {
            records[Int(slot)] = record
            occupied[Int(slot)] = true
            return (slot, generations[Int(slot)])
        }
        records.append(record)
        generations.append(0)
        occupied.append(true)
        return (Int32(records.count - 1), 0)
    }

    /// Frees `slot`; events still naming its old generation become stale.
    @inlinable public mutating func remove(_ slot: Int32) {
        precondition(occupied[Int(slot)], "a slot was freed twice")
        occupied[Int(slot)] = false
        generations[Int(slot)] &+= 1
        free.append(slot)
    }

    /// Whether `slot` still holds the record created with `generation`.
    @inlinable public func isLive(_ slot: Int32, _ generation: UInt32) -> Bool {
        generations[Int(slot)] == generation
    }

    /// The slots holding a record now, in slot order.
    /// - Complexity: O(slots ever used).
    public var liveSlots: [Int32] {
        occupied.indices.filter { occupied[$0] }.map { Int32($0) }
    }

    /// The generation of the record in `slot`.
    @inlinable public func generation(of slot: Int32) -> UInt32 { generations[Int(slot)] }

    /// The record in `slot`.
    @inlinable public subscript(slot: Int32) -> Record {
        get { records[Int(slot)] }
        _modify { yield &records[Int(slot)] }
    }
}
