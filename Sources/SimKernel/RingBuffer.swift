/// A first-in first-out queue over a growable circular buffer.
///
/// Models keep their waiting lines in these: appending and removing at the ends is O(1)
/// and allocates only when the line grows past its largest size so far. The storage holds
/// elements, not optionals, and fills up by appending before it wraps around: a removed
/// element stays in its slot until it is overwritten, so elements are plain values (every
/// line holds numbers and small structs of them).
public struct RingBuffer<Element> {
    /// The ring; its first `slots.count` positions are in use once it has filled up.
    @usableFromInline var slots: ContiguousArray<Element>
    @usableFromInline var head = 0
    @usableFromInline var storedCount = 0

    /// An empty line with room for `capacity` elements (at least one) before it first grows.
    public init(capacity: Int = 16) {
        slots = []
        slots.reserveCapacity(Swift.max(capacity, 1))
    }

    /// How many elements are queued.
    @inlinable public var count: Int { storedCount }
    /// Whether no element is queued.
    @inlinable public var isEmpty: Bool { storedCount == 0 }
    /// The element `index` places from the front; it must exist.
    @inlinable public subscript(index: Int) -> Element {
        precondition(index >= 0 && index < storedCount, "a ring buffer was read past its end")
        var i = head + index
        if i >= slots.count { i -= slots.count }
        return slots[i]
    }

    /// The element at the front, if any.
    @inlinable public var first: Element? { storedCount == 0 ? nil : slots[head] }

    /// Adds `element` at the back.
    /// - Complexity: O(1) amortised.
    @inlinable public mutating func append(_ element: Element) {
        if storedCount < slots.count {
            var index = head + storedCount
            if index >= slots.count { index -= slots.count }
            slots[index] = element
        } else {
            if head != 0 { straighten() }
            slots.append(element)
        }
        storedCount += 1
    }

    /// Removes and returns the element at the front, if any.
    @inlinable public mutating func popFirst() -> Element? {
        guard storedCount > 0 else { return nil }
        let element = slots[head]
        head += 1
        if head == slots.count { head = 0 }
        storedCount -= 1
        return element
    }

    /// Removes every element, keeping the storage.
    public mutating func removeAll() {
        head = 0
        storedCount = 0
    }

    /// Rotates a full ring so that its front is at position 0, for `append` to grow it at the end.
    @usableFromInline mutating func straighten() {
        slots = ContiguousArray(slots[head...] + slots[..<head])
        head = 0
    }
}

extension RingBuffer: Sendable where Element: Sendable {}
