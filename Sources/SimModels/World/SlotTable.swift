/// Dense storage for short-lived records (jobs, requests in flight) with reuse of freed
/// slots, so that memory follows the number alive at once, not the number ever created.
///
/// Each slot has a generation that changes when the slot is freed: an event that names a
/// slot and the generation it saw can tell whether the record it meant still exists.
///
/// A slot keeps its record, generation and occupancy side by side, and the free slots form a
/// stack threaded through them (each names the one freed before it), so that storing,
/// freeing and checking a record touch one slot.
///
/// A table owns its memory, which it allocates, grows and frees itself, and is never copied
/// (it moves with its owner): reading or writing a record costs an index check and an
/// address, not the uniqueness check a copy-on-write array makes before every write.
public struct SlotTable<Record>: ~Copyable {
    /// One slot: its record (the last one stored, once freed), its generation, whether it
    /// holds a record now, and, while free, the free slot below it on the stack.
    @usableFromInline struct Slot {
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

    /// The slots ever used, initialised, then room for more.
    @usableFromInline var slots: UnsafeMutablePointer<Slot>
    /// Slots ever used.
    @usableFromInline var count = 0
    /// Slots there is room for before the storage grows.
    @usableFromInline var capacity = 0
    /// The slot freed last and still free (the top of the free stack), or −1 for none.
    @usableFromInline var firstFree: Int32 = -1
    @usableFromInline var freeCount = 0

    /// A table with no slots yet; storage grows as records are inserted.
    public init() {
        slots = .allocate(capacity: 0)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Records alive now.
    public var liveCount: Int { count - freeCount }

    /// The slot at `slot`, which must be one the table has used.
    @inlinable @inline(__always) func slotAddress(_ slot: Int32) -> UnsafeMutablePointer<Slot> {
        precondition(UInt(bitPattern: Int(slot)) < UInt(count), "no such slot")
        return slots + Int(slot)
    }

    /// Stores `record` in the slot freed last, or a new one, and returns its slot and generation.
    /// The record is written once, where it goes: only the storage's growth is out of line.
    @inlinable @inline(__always) @discardableResult
    public mutating func insert(_ record: Record) -> (slot: Int32, generation: UInt32) {
        let slot = firstFree
        guard slot >= 0 else {
            if count == capacity { grow() }
            (slots + count).initialize(to: Slot(record: record, generation: 0))
            count += 1
            return (Int32(count - 1), 0)
        }
        let address = slotAddress(slot)
        firstFree = address.pointee.nextFree
        freeCount -= 1
        let generation = address.pointee.generation
        address.pointee = Slot(record: record, generation: generation)
        return (slot, generation)
    }

    /// Makes room for more slots: twice as many (at least 16), the used ones moved over.
    @usableFromInline mutating func grow() {
        precondition(count < Int(Int32.max), "a slot table uses at most 2³¹ slots")
        capacity = Swift.max(16, 2 * count)
        let grown = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        grown.moveInitialize(from: slots, count: count)
        slots.deallocate()
        slots = grown
    }

    /// Frees `slot`; events still naming its old generation become stale.
    @inlinable public mutating func remove(_ slot: Int32) {
        slotAddress(slot).pointee.free(above: firstFree)
        firstFree = slot
        freeCount += 1
    }

    /// Whether `slot` still holds the record created with `generation`.
    @inlinable public func isLive(_ slot: Int32, _ generation: UInt32) -> Bool {
        slotAddress(slot).pointee.generation == generation
    }

    /// The slots holding a record now, in slot order.
    /// - Complexity: O(slots ever used).
    public var liveSlots: [Int32] {
        (0..<count).filter { slots[$0].isOccupied }.map { Int32($0) }
    }

    /// The generation of the record in `slot`.
    @inlinable public func generation(of slot: Int32) -> UInt32 { slotAddress(slot).pointee.generation }

    /// The record in `slot`.
    @inlinable public subscript(slot: Int32) -> Record {
        get { slotAddress(slot).pointee.record }
        _modify { yield &slotAddress(slot).pointee.record }
    }
}
