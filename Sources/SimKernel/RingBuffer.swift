/// A first-in first-out queue over a growable circular buffer.
///
/// Models keep their waiting lines in these: appending and removing at the ends is O(1)
/// and allocates only when the line grows past its largest size so far.
public struct RingBuffer<Element> {
    @usableFromInline var slots: ContiguousArray<Element?>
    @usableFromInline var head = 0
    @usableFromInline var storedCount = 0

    /// An empty line with room for `capacity` elements (at least one) before it first grows.
    public init(capacity: Int = 16) {
        slots = ContiguousArray(repeating: nil, count: Swift.max(capacity, 1))
    }

    /// How many elements are queued.
    @inlinable public var count: Int { storedCount }
    /// Whether no element is queued.
    @inlinable public var isEmpty: Bool { storedCount == 0 }
    /// The element `index` places from the front; it must exist.
    @inlinable public subscript(index: Int) -> Element {
        var i = head + index
        if i >= slots.count { i -= slots.count }
        return slots[i]!
    }

    /// The oldest element, if any.
    @inlinable public var first: Element? { storedCount == 0 ? nil : slots[head] }

    /// Adds `element` at the back.
    /// - Complexity: amortised O(1).
    @inlinable public mutating func append(_ element: Element) {
        if storedCount == slots.count { grow() }
        var index = head + storedCount
        if index >= slots.count { index -= slots.count }
        slots[index] = element
        storedCount += 1
    }

    /// Removes and returns the oldest element.
    @inlinable public mutating func popFirst() -> Element? {
        guard storedCount > 0 else { return nil }
        let element = slots[head]
        slots[head] = nil
        head += 1
        if head == slots.count { head = 0 }
        storedCount -= 1
        return element
    }

    /// Removes every element, keeping the storage.
    public mutating func removeAll() {
        while popFirst() != nil {}
    }

    @usableFromInline mutating func grow() {
        var larger = ContiguousArray<Element?>(repeating: nil, count: slots.count * 2)
        for i in 0..<storedCount { larger[i] = slots[(head + i) % slots.count] }
        slots = larger
        head = 0
    }
}
extension RingBuffer: Sendable where Element: Sendable {}
