import Testing
@testable import RippleCommands

/// The CI speed gate: a figure below its floor fails, one at or above passes, and a floor
/// whose figure was not measured fails too, naming it.
struct BenchFloorsTests {
    static let floors = BenchFloors(floors: try! BenchFigures.parse(Array("""
    {"kernel.mm1.eventsPerSecond": 10740000, "pipeline.bench-mm1-10m.requestsPerSecond": 1740000}
    """.utf8), file: "floors.json"))

    func figures(_ pairs: [(String, Double)]) -> BenchFigures {
        var figures = BenchFigures()
        for (key, value) in pairs { figures.record(key, value) }
        return figures
    }

    @Test func figuresAboveTheirFloorsPass() {
        let measured = figures([("kernel.mm1.eventsPerSecond", 21_000_000), ("pipeline.bench-mm1-10m.requestsPerSecond", 1_740_000)])
        #expect(Self.floors.shortfalls(in: measured).isEmpty)
        #expect(Self.floors.lines(for: measured) == ["✓ kernel.mm1.eventsPerSecond: measured 21000000, floor 10740000",
                                                     "✓ pipeline.bench-mm1-10m.requestsPerSecond: measured 1740000, floor 1740000"])
    }

    @Test func aFigureBelowItsFloorFailsNamingMeasuredAndFloor() {
        let measured = figures([("kernel.mm1.eventsPerSecond", 9_500_000), ("pipeline.bench-mm1-10m.requestsPerSecond", 3_000_000)])
        let short = Self.floors.shortfalls(in: measured)
        #expect(short == [.below(key: "kernel.mm1.eventsPerSecond", measured: 9_500_000, floor: 10_740_000)])
        #expect(short[0].message == "✗ kernel.mm1.eventsPerSecond: measured 9500000, below its floor of 10740000")
    }

    @Test func aFigureNotMeasuredIsAnError() {
        let measured = figures([("kernel.mm1.eventsPerSecond", 21_000_000)])
        #expect(Self.floors.shortfalls(in: measured) == [.missing(key: "pipeline.bench-mm1-10m.requestsPerSecond")])
        #expect(Self.floors.lines(for: measured)[1] == "✗ pipeline.bench-mm1-10m.requestsPerSecond: has a floor but was not measured; name a figure this bench measures")
    }

    @Test func aFloorsFileMustBeAnObjectOfNumbers() {
        #expect(throws: ReportedError.self) { try BenchFigures.parse(Array(#"{"kernel.mm1.eventsPerSecond": "fast"}"#.utf8), file: "f.json") }
        #expect(throws: ReportedError.self) { try BenchFigures.parse(Array("[1]".utf8), file: "f.json") }
    }

    @Test func theGateFailsTheCommandWithExitStatusOne() throws {
        let folder = TestScenarios.temporaryFolder()
        let path = folder + "/floors.json"
        try #"{"kernel.mm1.eventsPerSecond": 1e15}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let result = TestScenarios.ripple(["bench", "--quick", "--floors", path])
        #expect(result.status == 1)
        #expect(result.output.contains("below a floor: measuring again (attempt 3 of 3)"))
        #expect(result.output.contains("✗ kernel.mm1.eventsPerSecond: measured "))
        #expect(result.output.contains("below its floor of 1000000000000000"))
    }
}
