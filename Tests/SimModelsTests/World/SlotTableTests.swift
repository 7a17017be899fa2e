import SimKernel
import Testing
@testable import SimModels

/// Slot tables: freed slots are reused last-freed first, a freed slot's generation moves on
/// so that stale names are told apart, and the table grows only with what is alive at once.
struct SlotTableTests {
    @Test func aFreedSlotIsReusedUnderANewGeneration() {
        var table = SlotTable<String>()
        let a = table.insert("a"), b = table.insert("b")
        #expect(a == (0, 0) && b == (1, 0))
        table.remove(a.slot)
        #expect(!table.isLive(a.slot, a.generation))
        #expect(table.isLive(b.slot, b.generation))
        let c = table.insert("c")
        #expect(c == (0, 1), "the freed slot, one generation on")
        #expect(table[c.slot] == "c" && table.generation(of: c.slot) == 1)
        #expect(table.isLive(c.slot, c.generation) && !table.isLive(c.slot, a.generation))
    }

    @Test func slotsAreReusedLastFreedFirst() {
        var table = SlotTable<Int>()
        for i in 0..<4 { _ = table.insert(i) }
        table.remove(1)
        table.remove(3)
        #expect(table.insert(10).slot == 3)
        #expect(table.insert(11).slot == 1)
        #expect(table.insert(12).slot == 4, "no free slot left: the table grows")
    }

    @Test func slotsAndGenerationsMatchAStackOfFreedSlots() {
        var random = RandomStream(seed: 11, name: "slot-table")
        var table = SlotTable<Int>()
        var freed: [Int32] = [], generations: [UInt32] = [], live: [Int32] = []
        for step in 0..<20_000 {
            if live.isEmpty || random.next(below: 5) < 3 {
                let expected = freed.popLast() ?? Int32(generations.count)
                if expected == generations.count { generations.append(0) }
                let (slot, generation) = table.insert(step)
                #expect(slot == expected && generation == generations[Int(slot)])
                live.append(slot)
            } else {
                let slot = live.remove(at: Int(random.next(below: UInt64(live.count))))
                table.remove(slot)
                generations[Int(slot)] &+= 1
                freed.append(slot)
            }
            #expect(table.liveCount == live.count)
        }
        #expect(table.liveSlots == live.sorted())
    }

    @Test func liveSlotsAndCountFollowInsertsAndRemoves() {
        var table = SlotTable<Int>()
        for i in 0..<5 { _ = table.insert(i) }
        table.remove(0)
        table.remove(3)
        #expect(table.liveSlots == [1, 2, 4])
        #expect(table.liveCount == 3)
        table[2] += 40
        #expect(table[2] == 42, "a record is changed in place")
        for _ in 0..<1_000 {
            let (slot, _) = table.insert(7)
            table.remove(slot)
        }
        #expect(table.liveCount == 3 && table.liveSlots == [1, 2, 4], "short-lived records reuse one slot")
    }
}
