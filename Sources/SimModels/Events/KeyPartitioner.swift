/// Chooses the partition of a keyed event the way Kafka's default partitioner does:
/// murmur2 of the key's bytes, made positive, modulo the partition count.
///
/// The key is the entity number written as decimal text (`"4711"`), so the same entity
/// always lands on the same partition, in every run and on every machine.
public enum KeyPartitioner {
    /// The partition for `key` among `partitions`.
    public static func partition(key: Int32, partitions: Int) -> Int32 {
        Int32(Int(murmur2(Array(String(key).utf8)) & 0x7FFF_FFFF) % partitions)
    }

    /// Kafka's murmur2 (seed 0x9747b28c), as in `org.apache.kafka.common.utils.Utils.murmur2`.
    public static func murmur2(_ data: [UInt8]) -> UInt32 {
        let m: UInt32 = 0x5BD1_E995
        let r: UInt32 = 24
        var h: UInt32 = 0x9747_B28C ^ UInt32(data.count)
        let blocks = data.count / 4
        for i in 0..<blocks {
            let b = i * 4
            var k = UInt32(data[b]) | UInt32(data[b + 1]) << 8 | UInt32(data[b + 2]) << 16 | UInt32(data[b + 3]) << 24
            k &*= m
            k ^= k >> r
            k &*= m
            h &*= m
            h ^= k
        }
        let tail = blocks * 4
        switch data.count % 4 {
        case 3:
            h ^= UInt32(data[tail + 2]) << 16
            fallthrough
        case 2:
            h ^= UInt32(data[tail + 1]) << 8
            fallthrough
        case 1:
            h ^= UInt32(data[tail])
            h &*= m
        default: break
        }
        h ^= h >> 13
        h &*= m
        h ^= h >> 15
        return h
    }
}
