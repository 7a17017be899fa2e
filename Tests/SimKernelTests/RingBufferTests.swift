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
}
