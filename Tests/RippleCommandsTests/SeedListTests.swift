import Testing
@testable import RippleCommands

/// `--seeds` lists seeds and inclusive ranges; anything else is a usage error.
struct SeedListTests {
    @Test func readsSeedsAndRanges() throws {
        #expect(try SeedList.parse("1..5") == [1, 2, 3, 4, 5])
        #expect(try SeedList.parse("9,1,5") == [1, 5, 9])
        #expect(try SeedList.parse("1..3,2,10") == [1, 2, 3, 10])
        #expect(try SeedList.parse("18446744073709551615") == [.max])
    }

    @Test func rejectsWhatIsNotASeed() {
        for text in ["", "a", "1..", "..3", "1...3", "1,,2", "-1", "1..2..3", "5..1", "1..1000000"] {
            #expect(throws: UsageError.self, "\(text)") { try SeedList.parse(text) }
        }
    }
}
