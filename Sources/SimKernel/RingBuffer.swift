/// A first-in first-out queue over a growable circular buffer.
///
/// Models keep their waiting lines in these: appending and removing at the ends is O(1)
/// and allocates only when the line grows past its largest size so far. The storage holds
/// elements, not optionals: it is allocated by the first append, its free slots filled with
/// copies of the element appended, and a removed element stays in its slot until it is
/// overwritten, so elements are plain values (every line holds numbers and small structs of them).
public struct RingBuffer<Element> {
    /// The ring: every slot holds a value, those outside the line stale ones.
    @usableFromInline var slots: ContiguousArray<Element> = []
    /// The ring's size at its first append.
    @usableFromInline let initialCapacity: Int
    @usableFromInline var head = 0
    @usableFromInline var storedCount = 0

    /// An empty line with room for `capacity` elements (at least one) before it first grows.
    public init(capacity: Int = 16) {
        initialCapacity = Swift.max(capacity, 1)
    }

    /// How many elements are queued.
    @inlinable public var count: Int { storedCount }
    /// Whether no element is queued.
    @inlinable public var isEmpty: Bool { storedCount == 0 }
    /// The element `index` places from the front; it must exist.
    @inlinable public subscript(index: Int) -> Element {
        get { slots[slot(of: index)] }
        set { slots[slot(of: index)] = newValue }
    }

    /// Where the element `index` places from the front is stored.
    @inlinable func slot(of index: Int) -> Int {
        precondition(index >= 0 && index < storedCount, "a ring buffer was read past its end")
        let i = head + index
        return i >= slots.count ? i - slots.count : i
    }

    /// The element at the front, if any.
    @inlinable public var first: Element? { storedCount == 0 ? nil : slots[head] }

    /// Adds `element` at the back.
    /// - Complexity: O(1) amortised: the ring doubles when full.
    @inlinable public mutating func append(_ element: Element) {
        if storedCount == slots.count { grow(filling: element) }
        var index = head + storedCount
        if index >= slots.count { index -= slots.count }
        slots[index] = element
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
    @inlinable public mutating func removeAll() {
        head = 0
        storedCount = 0
    }

    /// Allocates the ring (`initialCapacity` slots) or doubles it, the line first from
    /// position 0 and the new slots filled with `element`.
    @inlinable mutating func grow(filling element: Element) {
        let size = slots.isEmpty ? initialCapacity : slots.count * 2
        var larger = ContiguousArray<Element>()
        larger.reserveCapacity(size)
        larger.append(contentsOf: slots[head...])
        larger.append(contentsOf: slots[..<head])
        larger.append(contentsOf: repeatElement(element, count: size - larger.count))
        slots = larger
        head = 0
    }
}

extension RingBuffer: Sendable where Element: Sendable {}
