import Testing
@testable import SimModels

/// Fixed arrays: each element is made from its index, changed in place, and destroyed once
/// with the array.
struct FixedArrayTests {
    /// Counts the instances of itself alive, to see the array destroy each element once.
    final class Tracked {
        nonisolated(unsafe) static var alive = 0
        let value: Int
        init(_ value: Int) { self.value = value; Tracked.alive += 1 }
        deinit { Tracked.alive -= 1 }
    }

    @Test func elementsAreMadeFromTheirIndexAndChangedInPlace() {
        var squares = FixedArray(count: 5) { $0 * $0 }
        squares[3] += 1
        let (count, third, fourth) = (squares.count, squares[3], squares[4])
        #expect(count == 5 && third == 10 && fourth == 16)
    }

    @Test func theArrayDestroysEachElementOnce() {
        do {
            let tracked = FixedArray(count: 4) { Tracked($0) }
            let last = tracked[3].value
            #expect(Tracked.alive == 4 && last == 3)
        }
        #expect(Tracked.alive == 0)
    }
}
