import Testing
@testable import SimMetrics

/// `FixedPointText` places the point and pads with zeros; `FormatSpellingTests` checks that
/// `Format` written through it spells every value as before.
struct FixedPointTextTests {
    @Test func textPutsThePointBeforeTheLastDecimalsAndPadsWithZeros() {
        #expect(FixedPointText.text(units: 5, decimals: 3, isNegative: true) == "-0.005")
        #expect(FixedPointText.text(units: 0, decimals: 0, isNegative: false) == "0")
        #expect(FixedPointText.text(units: 12_345, decimals: 2, isNegative: false) == "123.45")
        #expect(FixedPointText.text(units: UInt64(Int64.max), decimals: 18, isNegative: false) == "9.223372036854775807")
        #expect(FixedPointText.text(units: 7, decimals: 0, isNegative: true) == "-7")
    }
}
