/// Dense storage for short-lived records (jobs, requests in flight) with reuse of freed
/// slots, so that memory follows the number alive at once, not the number ever created.
///
/// Each slot has a generation that changes when the slot is freed: an event that names a
/// slot and the generation it saw can tell whether the record it meant still exists.
///
/// A slot keeps its record, generation and occupancy side by side in one array, and the free
/// slots form a stack threaded through that array (each names the one freed before it), so
/// that storing, freeing and checking a record touch one element of one array.
public struct SlotTable<Record>: Sendable where Record: Sendable {
    /// One slot: its record (the last one stored, once freed), its generation, whether it
    /// holds a record now, and, while free, the free slot below it on the stack.
    @usableFromInline struct Slot: Sendable {
        @usableFromInline var record: Record
        @usableFromInline var generation: UInt32
        @usableFromInline var isOccupied: Bool
        /// While free: the slot freed before this one and still free, or −1 for none.
        @usableFromInline var nextFree: Int32 = -1

        @inlinable init(record: Record, generation: UInt32) {
            self.record = record
            self.generation = generation
            isOccupied = true
        }

        /// Frees the slot, above `nextFree` on the stack: its generation moves on.
        @inlinable mutating func free(above nextFree: Int32) {
            precondition(isOccupied, "a slot was freed twice")
            isOccupied = false
            generation &+= 1
            self.nextFree = nextFree
        }
    }

    @usableFromInline var slots: [Slot] = []
    /// The slot freed last and still free (the top of the free stack), or −1 for none.
    @usableFromInline var firstFree: Int32 = -1
    @usableFromInline var freeCount = 0

    /// A table with no slots yet; storage grows as records are inserted.
    public init() {}

    /// Records alive now.
    public var liveCount: Int { slots.count - freeCount }

    /// Stores `record` in the slot freed last, or a new one, and returns its slot and generation.
    @inlinable @inline(__always) public mutating func insert(_ record: Record) -> (slot: Int32, generation: UInt32) {
        let slot = firstFree
        guard slot >= 0 else {
            slots.append(Slot(record: record, generation: 0))
            return (Int32(slots.count - 1), 0)
        }
        firstFree = slots[Int(slot)].nextFree
        freeCount -= 1
        let generation = slots[Int(slot)].generation
        slots[Int(slot)] = Slot(record: record, generation: generation)
        return (slot, generation)
    }

    /// Frees `slot`; events still naming its old generation become stale.
    @inlinable public mutating func remove(_ slot: Int32) {
        slots[Int(slot)].free(above: firstFree)
        firstFree = slot
        freeCount += 1
    }

    /// Whether `slot` still holds the record created with `generation`.
    @inlinable public func isLive(_ slot: Int32, _ generation: UInt32) -> Bool {
        slots[Int(slot)].generation == generation
    }

    /// The slots holding a record now, in slot order.
    /// - Complexity: O(slots ever used).
    public var liveSlots: [Int32] {
        slots.indices.filter { slots[$0].isOccupied }.map { Int32($0) }
    }

    /// The generation of the record in `slot`.
    @inlinable public func generation(of slot: Int32) -> UInt32 { slots[Int(slot)].generation }

    /// The record in `slot`.
    @inlinable public subscript(slot: Int32) -> Record {
        get { slots[Int(slot)].record }
        _modify { yield &slots[Int(slot)].record }
    }
}
