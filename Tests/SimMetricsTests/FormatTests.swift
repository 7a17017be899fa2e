import Testing
@testable import SimMetrics

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

    @Test func largeCountsAreWrittenInGroupsOfThree() {
        #expect(Format.grouped(0) == "0" && Format.grouped(999) == "999" && Format.grouped(1_000) == "1 000")
        #expect(Format.grouped(2_143_937) == "2 143 937" && Format.grouped(-12_345) == "-12 345")
        #expect(Format.grouped(Int.min) == "-9 223 372 036 854 775 808")
    }

    @Test func secondsAreExactToTheNanosecond() {
        #expect(Format.seconds(nanoseconds: 2_800_000_000) == "2.8")
        #expect(Format.seconds(nanoseconds: 10_000_000_001) == "10.000000001")
        #expect(Format.seconds(nanoseconds: 1_000) == "0.000001")
        #expect(Format.seconds(nanoseconds: 0) == "0")
        #expect(Format.seconds(nanoseconds: -1_500_000_000) == "-1.5")
    }

    @Test func compactKeepsSignificantDigits() {
        #expect(Format.compact(0.012345) == "0.0123")
        #expect(Format.compact(1234567) == "1234567")
        #expect(Format.compact(12.5) == "12.5")
        #expect(Format.compact(0) == "0")
    }

    @Test func durationsPickAReadableUnit() {
        #expect(Format.duration(nanoseconds: 850_000) == "850 µs")
        #expect(Format.duration(nanoseconds: 12_340_000) == "12.3 ms")
        #expect(Format.duration(nanoseconds: 25_500_000) == "25.5 ms")
        #expect(Format.duration(nanoseconds: 4_010_000_000) == "4.01 s")
        #expect(Format.duration(nanoseconds: 59_458_454_000) == "59.5 s")
        #expect(Format.duration(nanoseconds: 60_600_000_000) == "1.01 min", "minutes, never a bare m that reads as metres")
        #expect(Format.duration(nanoseconds: 4_320_000_000_000) == "1.2 h")
        #expect(Format.duration(nanoseconds: 12) == "12 ns")
        #expect(Format.duration(nanoseconds: 0) == "0 s")
        #expect(Format.duration(nanoseconds: 59_458_454_000, significant: 5) == "59.458 s")
        #expect(Format.percent(0.1234) == "12.3%")
    }

    /// Configured spans are written exactly, in the same style: a fault window a reader can copy.
    @Test func configuredSpansAndWindowsAreExact() {
        #expect(Format.duration(.seconds(90)) == "1.5 min")
        #expect(Format.duration(.milliseconds(12_345)) == "12.345 s")
        #expect(Format.duration(.microseconds(250)) == "250 µs")
        #expect(Format.window(from: .seconds(60), lasting: .seconds(60)) == "from 1 min to 2 min")
        #expect(Format.window(from: .seconds(250), lasting: nil) == "from 250 s to the end")
        // Both ends in one unit, so the window's length reads at a glance.
        #expect(Format.window(from: .seconds(84), lasting: .seconds(10)) == "from 84 s to 94 s")
        #expect(Format.window(from: .seconds(150), lasting: .seconds(20)) == "from 150 s to 170 s")
        #expect(Format.window(from: .zero, lasting: .seconds(120)) == "from 0 min to 2 min")
        #expect(Format.window(from: .seconds(30), lasting: .seconds(60)) == "from 30 s to 90 s", "not from 0.5 min")
        #expect(Format.window(from: .seconds(90), lasting: .seconds(90)) == "from 1.5 min to 3 min")
        #expect(Format.window(from: .milliseconds(1_500), lasting: .milliseconds(500)) == "from 1.5 s to 2 s")
        #expect(Format.window(from: .milliseconds(500), lasting: .milliseconds(500)) == "from 0.5 s to 1 s")
        #expect(Format.window(from: .microseconds(1_500), lasting: .seconds(2)) == "from 0.0015 s to 2.0015 s")
        // Drawn times (chaos, swarms) keep to seconds, with every decimal they need.
        #expect(Format.window(from: .nanoseconds(988_691_469), lasting: .nanoseconds(1_915_533_121))
                == "from 0.988691469 s to 2.90422459 s")
        #expect(Format.window(from: .nanoseconds(18_270_088_169), lasting: .seconds(5)) == "from 18.270088169 s to 23.270088169 s")
    }
}
