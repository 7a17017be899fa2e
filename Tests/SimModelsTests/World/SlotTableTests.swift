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
        let (aLive, bLive) = (table.isLive(a.slot, a.generation), table.isLive(b.slot, b.generation))
        #expect(!aLive && bLive)
        let c = table.insert("c")
        #expect(c == (0, 1), "the freed slot, one generation on")
        let (record, generation) = (table[c.slot], table.generation(of: c.slot))
        #expect(record == "c" && generation == 1)
        let (cLive, aNameLive) = (table.isLive(c.slot, c.generation), table.isLive(c.slot, a.generation))
        #expect(cLive && !aNameLive)
    }

    @Test func slotsAreReusedLastFreedFirst() {
        var table = SlotTable<Int>()
        for i in 0..<4 { _ = table.insert(i) }
        table.remove(1)
        table.remove(3)
        let (ten, eleven, twelve) = (table.insert(10).slot, table.insert(11).slot, table.insert(12).slot)
        #expect(ten == 3 && eleven == 1)
        #expect(twelve == 4, "no free slot left: the table grows")
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
            let liveCount = table.liveCount
            #expect(liveCount == live.count)
        }
        let liveSlots = table.liveSlots
        #expect(liveSlots == live.sorted())
    }

    @Test func liveSlotsAndCountFollowInsertsAndRemoves() {
        var table = SlotTable<Int>()
        for i in 0..<5 { _ = table.insert(i) }
        table.remove(0)
        table.remove(3)
        let (liveSlots, liveCount) = (table.liveSlots, table.liveCount)
        #expect(liveSlots == [1, 2, 4] && liveCount == 3)
        table[2] += 40
        let changed = table[2]
        #expect(changed == 42, "a record is changed in place")
        for _ in 0..<1_000 {
            let (slot, _) = table.insert(7)
            table.remove(slot)
        }
        let (liveCountAfter, liveSlotsAfter) = (table.liveCount, table.liveSlots)
        #expect(liveCountAfter == 3 && liveSlotsAfter == [1, 2, 4], "short-lived records reuse one slot")
    }
}
