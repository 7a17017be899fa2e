import Testing
@testable import SimReports

/// A line thinned for drawing keeps at most its limit of points, in order, with every
/// stretch's lowest and highest: a spike, a dip and a gap stay visible.
struct ChartSeriesThinningTests {
    /// 100 000 points of a noisy line with one spike and one dip, x in order.
    static func noisyLine() -> ChartSeries {
        var state: UInt64 = 12_345
        let points = (0..<100_000).map { index -> (x: Double, y: Double) in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let y = index == 54_321 ? 9_000 : index == 77_777 ? -500 : Double(state >> 40) / Double(1 << 24) * 100
            return (Double(index) / 100, y)
        }
        return ChartSeries(name: "noisy", points: points)
    }

    @Test func aLongLineKeepsAtMostTheLimitWithItsLowestAndHighestInOrder() {
        let line = Self.noisyLine(), thinned = line.thinned(toAtMost: 2_000)
        #expect(thinned.points.count <= 2_000 && thinned.points.count > 1_000)
        #expect(thinned.thinnedFrom == 100_000 && thinned.name == "noisy")
        #expect(thinned.points.contains { $0.y == 9_000 } && thinned.points.contains { $0.y == -500 }, "the spike and the dip stay")
        #expect(zip(thinned.points, thinned.points.dropFirst()).allSatisfy { $0.x < $1.x }, "in the order of x")
        let kept = Set(line.points.map(\.x))
        #expect(thinned.points.allSatisfy { kept.contains($0.x) }, "every point drawn is one of the line's")
    }

    /// Each bucket gives its lowest and highest point, whichever comes first first.
    @Test func eachBucketGivesItsLowestAndHighestInTheirOrder() {
        let line = ChartSeries(name: "l", points: [5, 1, 9, 3, 8, 2, 7, 7].enumerated().map { (Double($0), Double($1)) })
        #expect(line.thinned(toAtMost: 4).points.map(\.y) == [1, 9, 8, 2])
        #expect(line.thinned(toAtMost: 5).points.map(\.y) == [1, 9, 8, 2], "an odd limit keeps its floor of buckets")
    }

    @Test func aLineWithinTheLimitIsUnchanged() {
        let line = ChartSeries(name: "short", points: [(0, 1), (1, .nan), (2, 3)], paletteSlot: 4)
        let thinned = line.thinned(toAtMost: 3)
        #expect(thinned.thinnedFrom == nil && thinned.paletteSlot == 4)
        #expect(thinned.points.count == 3 && thinned.points[1].y.isNaN && thinned.points[2] == (2, 3))
    }

    /// A bucket without data keeps one NaN point, so the gap is drawn; a bucket with some
    /// data keeps its data.
    @Test func aBucketWithoutDataStaysAGap() {
        let ys: [Double] = [1, 2, .nan, .nan, .nan, 4, 3, 6]
        let thinned = ChartSeries(name: "gappy", points: ys.enumerated().map { (Double($0), $1) }).thinned(toAtMost: 6)
        // Three buckets: 1 2 | NaN NaN NaN | 4 3 6.
        #expect(thinned.points.map(\.x) == [0, 1, 2, 6, 7] && thinned.points[2].y.isNaN)
    }
}
