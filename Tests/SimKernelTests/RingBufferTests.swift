import Testing
@testable import SimKernel

/// The ring buffer is a FIFO across growth and wrap-around.
struct RingBufferTests {
    @Test func behavesLikeAnArrayQueue() {
        var random = RandomStream(seed: 3)
        var ring = RingBuffer<Int>(capacity: 2)
        var reference: [Int] = []
        for i in 0..<10_000 {
            if random.next(below: 5) < 3 {
                ring.append(i); reference.append(i)
            } else {
                #expect(ring.popFirst() == (reference.isEmpty ? nil : reference.removeFirst()))
            }
            #expect(ring.count == reference.count && ring.first == reference.first)
        }
    }

    @Test func aLineEmptiedAtOnceIsReusedInOrderFromWhereverItsFrontWas() {
        var ring = RingBuffer<Int>(capacity: 4)
        for i in 0..<4 { ring.append(i) }
        _ = ring.popFirst()
        ring.append(4)  // wraps around: the front is at position 1
        ring.removeAll()
        #expect(ring.isEmpty && ring.first == nil && ring.popFirst() == nil)
        for i in 10..<20 { ring.append(i) }  // fills and grows past the old storage
        #expect((0..<10).map { ring[$0] } == Array(10..<20))
        #expect((0..<10).compactMap { _ in ring.popFirst() } == Array(10..<20))
    }

    @Test func anElementWrittenInPlaceAcrossTheWrapIsReadBackThere() {
        var ring = RingBuffer<Int>(capacity: 4)
        for i in 0..<4 { ring.append(i) }
        _ = ring.popFirst()
        ring.append(4)  // the front is at position 1, the back wrapped to position 0
        ring[3] = 40
        ring[0] = 10
        #expect((0..<4).map { ring[$0] } == [10, 2, 3, 40])
        #expect((0..<4).compactMap { _ in ring.popFirst() } == [10, 2, 3, 40])
    }
}
