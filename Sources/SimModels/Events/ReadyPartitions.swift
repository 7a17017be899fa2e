/// Per instance of a consumer group: the partitions it owns that may have an event to fetch,
/// one bit per partition, so a freed worker visits those in partition order and skips the
/// idle rest of the instance's partitions.
///
/// The set is a superset: a partition may stay in it after it stops being fetchable (it is
/// dropped when a visit finds it so), but every owned partition that can take its next event
/// must be in it (see `ConsumerGroup.markReady`).
struct ReadyPartitions: Sendable {
    /// Words of bits per instance (one bit per partition of the topic).
    let wordsPerInstance: Int
    /// The instances' bits, instance after instance; bit `p % 64` of word `p / 64` is partition `p`.
    private var words: [UInt64]

    init(instances: Int, partitions: Int) {
        wordsPerInstance = (partitions + 63) / 64
        words = [UInt64](repeating: 0, count: instances * wordsPerInstance)
    }

    /// Puts partition `p` in `instance`'s set.
    mutating func insert(_ p: Int, instance: Int) {
        words[instance * wordsPerInstance + p >> 6] |= 1 << UInt64(p & 63)
    }

    /// Takes partition `p` out of `instance`'s set.
    mutating func remove(_ p: Int, instance: Int) {
        words[instance * wordsPerInstance + p >> 6] &= ~(1 << UInt64(p & 63))
    }

    /// The lowest partition at or above `p` in `instance`'s set, if any.
    /// - Complexity: O(partitions / 64).
    func first(of instance: Int, from p: Int) -> Int? {
        var word = p >> 6
        guard word < wordsPerInstance else { return nil }
        let base = instance * wordsPerInstance
        var bits = words[base + word] & (~0 << UInt64(p & 63))
        while bits == 0 {
            word += 1
            guard word < wordsPerInstance else { return nil }
            bits = words[base + word]
        }
        return word << 6 + bits.trailingZeroBitCount
    }

    /// Empties every instance's set.
    mutating func removeAll() {
        for w in words.indices { words[w] = 0 }
    }
}
