import SimKernel
import Testing
@testable import SimReports

/// The writer gives the bytes `JSONOutput.compact` gives for the same members in key order,
/// and writes numbers exactly as the formatters it replaces.
struct CompactJSONWriterTests {
    /// Values at the edges of each number's range, and a seeded spread in between.
    static let integers: [Int64] = {
        var values: [Int64] = [0, 1, -1, 9, 10, -10, 99, 100, 999, 1_000, 1_001, -999, -1_000, -1_001, 1_500, -1_500, 10_000_000,
                               123_456_789, Int64.max, Int64.min, Int64.min + 1, Int64.max - 1]
        var random = RandomStream(seed: 17, name: "compact-json")
        for _ in 0..<5_000 {
            let magnitude = Int64(random.next() >> (1 + random.next() % 63))
            values.append(random.next() % 2 == 0 ? magnitude : -magnitude)
        }
        return values
    }()

    @Test func integersAreWrittenAsStringWritesThem() {
        for value in Self.integers {
            var json = CompactJSONWriter()
            json.integer(Int(value))
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
            var unsigned = CompactJSONWriter()
            unsigned.integer(value.magnitude)
            #expect(String(decoding: unsigned.bytes, as: UTF8.self) == String(value.magnitude))
        }
    }

    /// `thousandths / 1000` as `trace.json` wrote microseconds from nanoseconds before the writer.
    static func reference(thousandths ns: Int64) -> String {
        let sign = ns < 0 ? "-" : ""
        let whole = String(ns.magnitude / 1_000), fraction = ns.magnitude % 1_000
        guard fraction != 0 else { return sign + whole }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + whole + "." + digits
    }

    @Test func thousandthsAreWrittenExactlyWithoutTrailingZeros() {
        for value in Self.integers + [1, 10, 100, 120, 102, 5, 50, 500, 1_010, 2_001, -5, -50, -120, 999_999] {
            var json = CompactJSONWriter()
            json.decimal(thousandths: value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == Self.reference(thousandths: value), "\(value)")
        }
    }

    @Test func objectsAreWrittenAsJSONOutputWritesThem() {
        var json = CompactJSONWriter()
        json.openObject()
        json.key("args")
        json.openObject()
        json.key("key"); json.string("line\nbreak \\ \"é\"")
        json.key("n"); json.integer(-3)
        json.closeObject()
        json.key("empty")
        json.openObject()
        json.closeObject()
        json.key("ph"); json.literal("X")
        json.key("ts"); json.decimal(thousandths: 20_500)
        json.closeObject()
        let tree = JSONOutput.object([("args", .object([("key", .string("line\nbreak \\ \"é\"")), ("n", .int(-3))])),
                                      ("empty", .object([])), ("ph", .string("X")), ("ts", .number("20.5"))])
        #expect(String(decoding: json.bytes, as: UTF8.self) == tree.compact)
    }

    @Test func linesHoldOneElementEach() {
        var json = CompactJSONWriter()
        json.openLines()
        for n in 1...3 {
            json.startLine()
            json.openObject()
            json.key("n"); json.integer(n)
            json.closeObject()
        }
        json.closeLines()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[\n{\"n\":1},\n{\"n\":2},\n{\"n\":3}\n]")
        var empty = CompactJSONWriter()
        empty.openLines()
        empty.closeLines()
        #expect(String(decoding: empty.bytes, as: UTF8.self) == "[\n\n]")
    }
}
