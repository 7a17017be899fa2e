import Testing
@testable import SimReports

/// Axes cover the data with few, round ticks (1, 2 or 5 times a power of ten) and place
/// values proportionally, without ever producing a non-finite number.
struct ChartAxisTests {
    func values(_ axis: ChartAxis) -> [Double] { axis.ticks.map(\.value) }
    func labels(_ axis: ChartAxis) -> [String] { axis.ticks.map(\.label) }

    @Test func coversTheDataWithRoundSteps() {
        let axis = ChartAxis(covering: 0...97, scale: .linear, maxIntervals: 5)
        #expect(values(axis) == [0, 20, 40, 60, 80, 100])
        #expect(labels(axis) == ["0", "20", "40", "60", "80", "100"])
        #expect(values(ChartAxis(covering: 0...300, scale: .linear, maxIntervals: 7)) == [0, 50, 100, 150, 200, 250, 300])
        #expect(values(ChartAxis(covering: 3.2...7.9, scale: .linear, maxIntervals: 5)) == [3, 4, 5, 6, 7, 8])
        #expect(values(ChartAxis(covering: -42...17, scale: .linear, maxIntervals: 7)) == [-50, -40, -30, -20, -10, 0, 10, 20])
    }

    @Test func decimalStepsAreExactAndLabelledToTheirPrecision() {
        let axis = ChartAxis(covering: 0.01...0.68, scale: .linear, maxIntervals: 5)
        #expect(values(axis) == [0, 0.2, 0.4, 0.6, 0.8])
        #expect(labels(axis) == ["0.0", "0.2", "0.4", "0.6", "0.8"])
        let fine = ChartAxis(covering: 100.02...100.18, scale: .linear, maxIntervals: 4)
        #expect(labels(fine) == ["100.00", "100.05", "100.10", "100.15", "100.20"])
        #expect(values(ChartAxis(covering: 0.1...0.3, scale: .linear, maxIntervals: 2)) == [0.1, 0.2, 0.3])
    }

    /// Over thousands of random ranges: the ticks enclose the data, the step is 1, 2 or 5
    /// times a power of ten, there are at most `maxIntervals` intervals and at least two ticks.
    @Test func everyRangeGetsNiceCoveringTicks() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func unit() -> Double {  // a fixed LCG: the test must not depend on the platform's generator
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<5_000 {
            let scale = ChartAxis.power(ofTen: Int(unit() * 12) - 6)
            let a = (unit() * 2 - 1) * scale, b = a + unit() * scale * (unit() < 0.1 ? 1e-6 : 1)
            let maxIntervals = 2 + Int(unit() * 8)
            let axis = ChartAxis(covering: a...b, scale: .linear, maxIntervals: maxIntervals)
            let ticks = values(axis)
            #expect(ticks.count >= 2 && ticks.count <= maxIntervals + 1, "\(a)...\(b): \(ticks)")
            #expect(ticks.first! <= a && ticks.last! >= b, "\(a)...\(b): \(ticks)")
            let difference = (ticks[1] - ticks[0]) * (1 + 1e-6)  // a difference of ticks may fall just short
            let step = difference / ChartAxis.power(ofTen: ChartAxis.decimalExponent(of: difference))
            #expect([1, 2, 5].contains { abs(step - $0) < 1e-5 }, "\(a)...\(b): \(ticks)")
            #expect(axis.ticks.allSatisfy { $0.fraction.isFinite && $0.fraction >= 0 && $0.fraction <= 1 })
        }
    }

    @Test func aSingleValueGetsAnAxisReachingZero() {
        #expect(values(ChartAxis(covering: 5...5, scale: .linear, maxIntervals: 5)) == [0, 2, 4, 6, 8, 10])
        #expect(values(ChartAxis(covering: -3...(-3), scale: .linear, maxIntervals: 3)) == [-6, -4, -2, 0])
        #expect(values(ChartAxis(covering: 0...0, scale: .linear, maxIntervals: 4)) == [-1, -0.5, 0, 0.5, 1])
        #expect(values(ChartAxis(covering: nil, scale: .linear, maxIntervals: 5)) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func extremeRangesStayFinite() {
        for range in [-Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude...1e-300,
                      0...Double.leastNonzeroMagnitude, 1e15...(1e15 + 1), -1e300...(-1e300)] {
            let axis = ChartAxis(covering: range, scale: .linear, maxIntervals: 5)
            #expect(axis.lower.isFinite && axis.upper.isFinite && axis.lower < axis.upper, "\(range)")
            #expect(axis.ticks.allSatisfy { $0.value.isFinite && $0.fraction.isFinite && !$0.label.contains("nan") })
        }
    }

    @Test func longLabelsTurnScientific() {
        #expect(labels(ChartAxis(covering: 0...3e9, scale: .linear, maxIntervals: 3)) == ["0", "1e9", "2e9", "3e9"])
        #expect(labels(ChartAxis(covering: 1.02e9...1.11e9, scale: .linear, maxIntervals: 4))
            == ["1e9", "1.05e9", "1.1e9", "1.15e9"])
        #expect(labels(ChartAxis(covering: 0...3e-6, scale: .linear, maxIntervals: 3)) == ["0", "1e-6", "2e-6", "3e-6"])
    }

    @Test func logarithmicTicksAreDecades() {
        let wide = ChartAxis(covering: 0.5...40_000, scale: .logarithmic, maxIntervals: 6)
        #expect(values(wide) == [0.1, 1, 10, 100, 1_000, 10_000, 100_000])
        #expect(labels(wide) == ["0.1", "1", "10", "100", "1000", "10000", "100000"])
        let narrow = ChartAxis(covering: 3...70, scale: .logarithmic, maxIntervals: 6)
        #expect(values(narrow) == [1, 2, 5, 10, 20, 50, 100])
        let huge = ChartAxis(covering: 1e-9...1e12, scale: .logarithmic, maxIntervals: 5)
        #expect(labels(huge) == ["1e-10", "1e-5", "1", "1e5", "1e10", "1e15"])
        #expect(values(ChartAxis(covering: 100...100, scale: .logarithmic, maxIntervals: 5)) == [10, 20, 50, 100, 200, 500, 1000])
    }

    @Test func logarithmicPositionsFollowRatios() throws {
        let axis = ChartAxis(covering: 1...1000, scale: .logarithmic, maxIntervals: 5)
        #expect(abs(try #require(axis.fraction(of: 10)) - 1.0 / 3) < 1e-12)
        #expect(abs(try #require(axis.fraction(of: 1000)) - 1) < 1e-12)
        #expect(axis.fraction(of: 0) == nil && axis.fraction(of: -5) == nil && axis.fraction(of: .infinity) == nil)
        for value in [1e-300, 0.001, 2, 3, 7.5, 1e10, 1.7e308, Double.leastNonzeroMagnitude] {
            let exact = ChartAxis.decimalLogarithm(value)
            #expect(exact.isFinite)
            var reference = 0.0, probe = value  // log10 by counting factors of ten, then of the rest
            while probe >= 10 { probe /= 10; reference += 1 }
            while probe < 1 { probe *= 10; reference -= 1 }
            #expect(exact >= reference - 1e-9 && exact < reference + 1 + 1e-9, "\(value)")
        }
        #expect(abs(ChartAxis.decimalLogarithm(2) - 0.3010299956639812) < 1e-15)
        #expect(abs(ChartAxis.decimalLogarithm(1000) - 3) < 1e-14)
    }
}
