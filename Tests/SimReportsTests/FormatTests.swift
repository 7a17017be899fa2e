import Testing
@testable import SimReports

/// One formatter for every number in every report, independent of locale and platform.
struct FormatTests {
    @Test func fixedRoundsHalfAwayFromZero() {
        #expect(Format.fixed(2.345, decimals: 2) == "2.35" || Format.fixed(2.345, decimals: 2) == "2.34")  // 2.345 is not exact in binary
        #expect(Format.fixed(2.5, decimals: 0) == "3")
        #expect(Format.fixed(-2.5, decimals: 0) == "-3")
        #expect(Format.fixed(0.125, decimals: 2) == "0.13")
        #expect(Format.fixed(1.0, decimals: 3) == "1.000")
        #expect(Format.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(Format.fixed(.nan, decimals: 2) == "NaN")
        #expect(Format.fixed(1e30, decimals: 2) != "")
    }

    @Test func compactKeepsSignificantDigits() {
        #expect(Format.compact(0.012345) == "0.0123")
        #expect(Format.compact(1234567) == "1234567")
        #expect(Format.compact(12.5) == "12.5")
        #expect(Format.compact(0) == "0")
    }

    @Test func durationsPickAReadableUnit() {
        #expect(Format.duration(nanoseconds: 850_000) == "850us")
        #expect(Format.duration(nanoseconds: 12_340_000) == "12.3ms")
        #expect(Format.duration(nanoseconds: 4_010_000_000) == "4.01s")
        #expect(Format.duration(nanoseconds: 12) == "12ns")
        #expect(Format.percent(0.1234) == "12.3%")
    }

    @Test func tablesAlignColumns() {
        let table = Table(rows: [["name", "value"], ["a", "1"], ["long name", "12345"]]).rendered
        #expect(table == """
        name       value
        ---------  -----
        a              1
        long name  12345

        """)
    }
}
