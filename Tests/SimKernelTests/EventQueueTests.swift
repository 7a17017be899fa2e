import Testing
@testable import SimKernel

/// The agenda releases events in (time, insertion) order, whatever the order of insertion.
struct EventQueueTests {
    func drain(_ queue: inout EventQueue<Int>) -> [Int] {
        var out: [Int] = []
        while let item = queue.removeFirst() { out.append(item.event) }
        return out
    }

    @Test func matchesSortingOnThousandsOfSeededCases() {
        var random = RandomStream(seed: 7)
        for size in 0..<300 {
            var queue = EventQueue<Int>()
            var reference: [(Int64, UInt64, Int)] = []
            for i in 0..<size {
                // Few distinct times, so that ties are common and insertion order decides.
                let time = Int64(random.next(below: UInt64(size / 4 + 1)))
                queue.insert(ScheduledEvent(time: Instant(nanoseconds: time), sequence: UInt64(i), timer: .none, event: i))
                reference.append((time, UInt64(i), i))
            }
            reference.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            #expect(drain(&queue) == reference.map(\.2), "size \(size)")
        }
    }

    @Test func removingSomeEventsLeavesTheRestInOrder() {
        var random = RandomStream(seed: 5)
        for size in 0..<200 {
            var queue = EventQueue<Int>()
            var reference: [(Int64, Int)] = []
            for i in 0..<size {
                let time = Int64(random.next(below: UInt64(size / 3 + 1)))
                queue.insert(ScheduledEvent(time: Instant(nanoseconds: time), sequence: UInt64(i), timer: .none, event: i))
                if i % 3 != 1 { reference.append((time, i)) }
            }
            queue.removeAll { $0.event % 3 == 1 }
            #expect(queue.count == reference.count)
            #expect(drain(&queue) == reference.sorted { $0 < $1 }.map(\.1), "size \(size)")
        }
    }

    @Test func interleavedInsertAndRemoveStayOrdered() {
        var random = RandomStream(seed: 11)
        var queue = EventQueue<Int>()
        var sequence: UInt64 = 0
        var last: (Int64, UInt64) = (-1, 0)
        var now: Int64 = 0
        for _ in 0..<50_000 {
            if random.next(below: 3) != 0 || queue.isEmpty {
                let time = now + Int64(random.next(below: 100))
                queue.insert(ScheduledEvent(time: Instant(nanoseconds: time), sequence: sequence, timer: .none, event: 0))
                sequence += 1
            } else {
                let item = queue.removeFirst()!
                #expect((item.time.nanoseconds, item.sequence) > last)
                last = (item.time.nanoseconds, item.sequence)
                now = item.time.nanoseconds
            }
        }
    }
}
