import Testing
@testable import SimScenario

/// Depth and size limits are errors, never crashes, and ordinary documents parse quickly.
struct JSONParserLimitTests {
    static let depthMessage = "found more than 64 nested arrays and objects; expected at most 64"

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = JSONParser.maximumDepth
        #expect(depth == 64)
        var node = try JSONTest.parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        for _ in 1..<depth { node = try #require(node.arrayElements?.first) }
        #expect(node.arrayElements?.isEmpty == true)
        #expect(node.location == TextPosition(line: 1, column: depth))
    }

    @Test func rejectsOneLevelMoreAtTheBracketThatExceedsIt() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = JSONTest.error(text)
        #expect(error?.message == Self.depthMessage)
        #expect(error?.location == TextPosition(line: 1, column: 65))
    }

    @Test func rejectsAHundredThousandOpenBracketsWithoutDeepRecursion() {
        let error = JSONTest.error(parsing: [UInt8](repeating: UInt8(ascii: "["), count: 100_000))
        #expect(error?.message == Self.depthMessage)
        #expect(error?.location == TextPosition(line: 1, column: 65))
        // Objects count towards the same limit: the 65th `{"a":` starts at column 64 × 5 + 1.
        let objects = JSONTest.error(String(repeating: #"{"a":"#, count: 100_000))
        #expect(objects?.message == Self.depthMessage)
        #expect(objects?.location == TextPosition(line: 1, column: 321))
    }

    @Test func rejectsADocumentLargerThanTheLimitBeforeReadingIt() {
        #expect(JSONParser.maximumBytes == 8 * 1024 * 1024)
        let bytes = [UInt8(ascii: "\"")] + [UInt8](repeating: UInt8(ascii: "a"), count: 20_000_000) + [UInt8(ascii: "\"")]
        let error = JSONTest.error(parsing: bytes)
        #expect(error?.message == "the file is larger than the 8 MiB limit (8388608 bytes)")
        #expect(error?.location == TextPosition(line: 1, column: 1))
        let justOver = JSONTest.error(parsing: [UInt8](repeating: UInt8(ascii: " "), count: JSONParser.maximumBytes + 1))
        // The reader reads one byte past the limit: the size it saw is not the file's, so it is not quoted.
        #expect(justOver?.message == "the file is larger than the 8 MiB limit (8388608 bytes)")
    }

    @Test func acceptsADocumentOfExactlyTheLimit() throws {
        let padding = [UInt8](repeating: UInt8(ascii: "x"), count: JSONParser.maximumBytes - 2)
        let string = try #require(try JSONParser.parse([UInt8(ascii: "\"")] + padding + [UInt8(ascii: "\"")]).stringValue)
        #expect(string.utf8.count == JSONParser.maximumBytes - 2)
    }

    /// A megabyte of typical scenario-like JSON parses in well under a second, even unoptimized.
    @Test func parsesAMegabyteQuickly() throws {
        var text = "[\n"
        var index = 0
        var lastKeyColumn = 0
        while text.utf8.count < 1_000_000 {
            let head = #"  {"name": "service-\#(index)", "rate": \#(index).5e2, "on": true, "tags": ["a", "b\n\u00e9"], "#
            text += head + #""limits": {"queue": 100, "retries": null}},"# + "\n"
            lastKeyColumn = head.utf8.count + 1
            index += 1
        }
        text += "  {}\n]"
        let bytes = Array(text.utf8)
        let clock = ContinuousClock()
        var root: JSONNode?
        let elapsed = try clock.measure { root = try JSONParser.parse(bytes) }
        #expect(root?.arrayElements?.count == index + 1)
        let last = try #require(root?.arrayElements?[index - 1].objectMembers?.last)
        #expect(last.key == "limits")
        #expect(last.keyLocation == TextPosition(line: index + 1, column: lastKeyColumn))
        // About 0.15 s in a debug build. The bound only catches a parser gone quadratic (hours
        // at this size), not a loaded machine; speed itself is measured by `ripple bench`.
        #expect(elapsed < .seconds(20), "parsing \(bytes.count) bytes took \(elapsed)")
    }
}
