/// A fixed number of elements that may not be copyable, made once and never resized.
public struct FixedArray<Element: ~Copyable>: ~Copyable {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    /// The elements held.
    public let count: Int

    /// `count` elements, element `i` made by `make(i)`.
    public init(count: Int, _ make: (Int) -> Element) {
        precondition(count >= 0, "a fixed array holds a whole number of elements")
        base = .allocate(capacity: count)
        for i in 0..<count { (base + i).initialize(to: make(i)) }
        self.count = count
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The element at `index`.
    @inlinable public subscript(index: Int) -> Element {
        _read {
            precondition(index >= 0 && index < count, "index out of range")
            yield base[index]
        }
        _modify {
            precondition(index >= 0 && index < count, "index out of range")
            yield &base[index]
        }
    }
}
