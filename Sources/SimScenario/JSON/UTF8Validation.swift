/// Strict UTF-8 validation (Unicode 15, table 3-7): no overlong forms, no surrogates,
/// nothing above U+10FFFF.
enum UTF8Validation {
    /// The offset of the first byte of the first ill-formed sequence at or after `start`,
    /// or `nil` when the rest of `bytes` is well-formed UTF-8.
    /// - Complexity: O(n) in the number of bytes.
    static func firstInvalidOffset(in bytes: [UInt8], from start: Int) -> Int? {
        var offset = start
        while offset < bytes.count {
            let lead = bytes[offset]
            if lead < 0x80 {
                offset += 1
                continue
            }
            guard let length = sequenceLength(in: bytes, at: offset) else { return offset }
            offset += length
        }
        return nil
    }

    /// The length of the well-formed multi-byte sequence at `offset`, or `nil` if it is ill-formed.
    private static func sequenceLength(in bytes: [UInt8], at offset: Int) -> Int? {
        // The second byte's range depends on the lead byte; later bytes are always 80...BF.
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch bytes[offset] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; second = 0x80...0x8F
        default: return nil
        }
        guard offset + length <= bytes.count, second.contains(bytes[offset + 1]) else { return nil }
        for index in offset + 2 ..< offset + length where bytes[index] & 0xC0 != 0x80 { return nil }
        return length
    }
}
