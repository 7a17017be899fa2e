import Testing
@testable import SimReports

/// Compact JSON (one `trace.json` event per line) writes keys sorted, whether a writer built
/// them in order or not, and escapes what JSON needs escaped.
struct JSONOutputCompactTests {
    @Test func keysAreSortedInWhateverOrderTheyWereBuilt() {
        let inOrder = JSONOutput.object([("a", .int(1)), ("b", .array([.bool(true), .null])), ("c", .string("x"))])
        let shuffled = JSONOutput.object([("c", .string("x")), ("a", .int(1)), ("b", .array([.bool(true), .null]))])
        #expect(inOrder.compact == #"{"a":1,"b":[true,null],"c":"x"}"#)
        #expect(shuffled.compact == inOrder.compact)
        #expect(JSONOutput.object([("b", .int(2)), ("a", .object([("z", .int(0)), ("y", .int(1))]))]).compact == #"{"a":{"y":1,"z":0},"b":2}"#)
    }

    @Test func textIsEscapedAsJSONNeeds() {
        #expect(JSONOutput.object([("k\"ey", .string("line\nbreak \\ é"))]).compact == #"{"k\"ey":"line\nbreak \\ é"}"#)
        #expect(JSONOutput.array([]).compact == "[]" && JSONOutput.object([]).compact == "{}")
    }
}
