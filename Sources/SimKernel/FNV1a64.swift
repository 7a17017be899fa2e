
/// The 64-bit FNV-1a hash, which names a scenario file's bytes in `metrics.json` so a result
/// can be traced to the exact input it came from.
///
/// It is not a cryptographic hash: it tells versions of a file apart, it does not resist an
/// adversary. It is fixed by its definition (offset basis 0xcbf29ce484222325, prime
/// 0x100000001b3), so every machine and every Ripple version computes the same value.
public enum FNV1a64 {
    /// The hash of `bytes`.
    /// - Complexity: O(n) in the number of bytes.
    public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `hash` as 16 lower-case hexadecimal digits, leading zeros kept: `"af63dc4c8601ec8c"`.
    public static func text(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
