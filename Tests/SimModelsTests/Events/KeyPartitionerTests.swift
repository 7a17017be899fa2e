import Testing
@testable import SimModels

/// Keys land on the partitions Kafka's default partitioner would choose.
struct KeyPartitionerTests {
    /// murmur2 gives Kafka's own hashes: the vectors of Kafka's `UtilsTest.testMurmur2`, and
    /// short keys covering every tail length (0–3 leftover bytes) from Akka's Kafka-compatible
    /// `Murmur2Spec`. Java's `int` result is the same bits read as signed.
    @Test(arguments: [
        ("21", -973_932_308),
        ("foobar", -790_332_482),
        ("a-little-bit-long-string", -985_981_536),
        ("a-little-bit-longer-string", -1_486_304_829),
        ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
        ("abc", 479_470_107),
        ("1", -1_993_445_489),
        ("12", 126_087_238),
        ("123", -267_702_483),
        ("1234", -1_614_185_708),
        ("12345", -1_188_365_604),
    ] as [(String, Int32)])
    func murmur2MatchesKafka(text: String, expected: Int32) {
        #expect(Int32(bitPattern: KeyPartitioner.murmur2(Array(text.utf8))) == expected)
    }

    /// An entity's key is its number as decimal text, hashed, made positive by masking the
    /// sign bit (Kafka's `toPositive`, not `abs`) and reduced modulo the partition count.
    @Test func partitionIsPositiveMurmur2OfTheDecimalKeyModuloPartitions() {
        let hashOf21 = Int(UInt32(bitPattern: -973_932_308) & 0x7FFF_FFFF)
        for partitions in [1, 3, 12, 100] {
            #expect(KeyPartitioner.partition(key: 21, partitions: partitions) == Int32(hashOf21 % partitions))
        }
        for key in 0..<2_000 as Range<Int32> {
            let p = KeyPartitioner.partition(key: key, partitions: 7)
            #expect((0..<7).contains(p))
        }
    }

    /// A thousand keys spread evenly over twelve partitions (83 each on average; a count
    /// outside 83 ± 4.5 standard deviations would mean a broken hash).
    @Test func keysSpreadEvenly() {
        var counts = [Int](repeating: 0, count: 12)
        for key in 0..<1_000 as Range<Int32> { counts[Int(KeyPartitioner.partition(key: key, partitions: 12))] += 1 }
        let sd = (1_000.0 * (1.0 / 12) * (11.0 / 12)).squareRoot()
        #expect(counts.allSatisfy { abs(Double($0) - 1_000.0 / 12) <= 4.5 * sd }, "\(counts)")
    }
}
