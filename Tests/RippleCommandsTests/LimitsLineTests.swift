import Testing
@testable import RippleCommands

/// A range is one value when all agree, else the least and the greatest, each written as the
/// value's own text.
struct LimitsLineTests {
    @Test func equalValuesAreOneValueAndOthersARange() {
        #expect(LimitsLine.range(of: [2_143_750, 2_143_750]) == "2 143 750")
        #expect(LimitsLine.range(of: [2_143_751, 2_143_691, 2_143_720]) == "2 143 691 to 2 143 751")
        #expect(LimitsLine.range(["3.62 MiB", "3.56 MiB"], of: [3.62, 3.56]) == "3.56 MiB to 3.62 MiB")
        #expect(LimitsLine.range(["1.21 MiB", "1.21 MiB"], of: [1_268_000, 1_269_000]) == "1.21 MiB", "not '1.21 MiB to 1.21 MiB'")
    }
}
