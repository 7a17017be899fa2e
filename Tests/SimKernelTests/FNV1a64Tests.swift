import Testing
@testable import SimKernel

/// The scenario hash is the published 64-bit FNV-1a: the reference vectors of its definition.
struct FNV1a64Tests {
    @Test func matchesTheReferenceVectors() {
        #expect(FNV1a64.hash(Array("".utf8)) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test func textKeepsLeadingZeros() {
        #expect(FNV1a64.text(0xaf63_dc4c_8601_ec8c) == "af63dc4c8601ec8c")
        #expect(FNV1a64.text(0x1f) == "000000000000001f")
    }
}
