/// A ticket for a scheduled event that may be cancelled, such as a call's timeout.
///
/// A handle names a slot and the slot's generation when the event was scheduled.
/// Cancelling bumps the generation, so the event is skipped when it reaches the front of
/// the queue (lazy cancellation: O(1), no search through the heap).
public struct TimerHandle: Hashable, Sendable {
    @usableFromInline var slot: UInt32
    @usableFromInline var generation: UInt32

    @inlinable init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }

    /// The handle of an event that cannot be cancelled.
    @inlinable public static var none: TimerHandle { TimerHandle(slot: .max, generation: 0) }
}

/// The slots behind `TimerHandle`s: one generation counter per slot and a free list.
///
/// Memory is bounded by the largest number of cancellable events pending at once.
@usableFromInline struct TimerSlots {
    @usableFromInline var generations: [UInt32] = []
    @usableFromInline var free: [UInt32] = []

    @usableFromInline init() {}

    @inlinable mutating func issue() -> TimerHandle {
        if let slot = free.popLast() {
            return TimerHandle(slot: slot, generation: generations[Int(slot)])
        }
        generations.append(0)
        return TimerHandle(slot: UInt32(generations.count - 1), generation: 0)
    }

    /// Whether the handle's event is still due to fire.
    @inlinable func isLive(_ handle: TimerHandle) -> Bool {
        handle.slot == .max || generations[Int(handle.slot)] == handle.generation
    }

    /// Ends the handle's life, fired or cancelled, and frees its slot. Returns whether it was live.
    @inlinable @discardableResult mutating func retire(_ handle: TimerHandle) -> Bool {
        guard handle.slot != .max, generations[Int(handle.slot)] == handle.generation else { return false }
        generations[Int(handle.slot)] &+= 1
        free.append(handle.slot)
        return true
    }
}
