import Testing
@testable import SimMetrics

/// Two trees of figures differ where `metrics.json` would: at the published precision, named
/// by the first differing path.
struct FigureDifferenceTests {
    func run(p99: Double, failed: Int, stop: String = "quiescent") -> Figure {
        .group([("latency", .group([("p99Ms", .decimal(p99, places: 3))])), ("requests", .group([("failed", .integer(failed))])),
                ("run", .group([("stop", .text(stop)), ("modelError", .absent)]))])
    }

    @Test func alikeAtThePublishedPrecision() {
        #expect(run(p99: 12.5, failed: 1).firstDifference(from: run(p99: 12.5001, failed: 1)) == nil)
        #expect(Figure.decimal(.nan, places: 3).firstDifference(from: .absent) == nil, "both write null")
    }

    @Test func namesTheFirstDifferingPath() {
        #expect(run(p99: 12.5, failed: 1).firstDifference(from: run(p99: 12.7, failed: 2)) == "latency.p99Ms: 12.5 then 12.7")
        #expect(run(p99: 1, failed: 1).firstDifference(from: run(p99: 1, failed: 1, stop: "eventBudget"))
                == "run.stop: \"quiescent\" then \"eventBudget\"")
        #expect(Figure.group([("a", .integer(1))]).firstDifference(from: .group([("b", .integer(1))])) == "member a then b")
    }
}
