import Foundation
import Testing
@testable import RippleCommands

/// `ripple bench`: the split of a pipeline run into parse, run and write, and every figure as JSON.
struct BenchCommandTests {
    @Test func aPipelineRunIsSplitIntoParseRunAndWrite() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("split", expectations: TestScenarios.holding, in: folder)
        let bench = try PipelineBenchmark.measure(file)
        #expect(bench.name == "split" && bench.runs.map(\.architecture) == ["sync", "events"])
        #expect(bench.requests > 150 && bench.events > bench.requests)
        #expect(bench.parseSeconds > 0 && bench.runSeconds > 0 && bench.writeSeconds > 0)
        #expect(abs(bench.writeShare - bench.writeSeconds / (bench.parseSeconds + bench.runSeconds + bench.writeSeconds)) < 1e-12)
        var figures = BenchFigures()
        bench.record(into: &figures, prefix: "pipeline.split")
        for key in ["requests", "events", "parseSeconds", "runSeconds", "writeSeconds", "writeShare", "requestsPerSecond",
                    "eventsPerSecond", "wholeRequestsPerSecond", "peakResidentBytes", "sync.requestsPerSecond", "events.eventsPerSecond"] {
            #expect(figures["pipeline.split." + key] != nil, "\(key)")
        }
        #expect(figures["pipeline.split.requests"] == Double(bench.requests))
    }

    @Test func jsonHoldsEveryFigureAndReadsBack() throws {
        let folder = TestScenarios.temporaryFolder()
        let result = TestScenarios.ripple(["bench", "--quick", "--json", folder + "/bench.json"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("M/M/1 ρ=0.8 events"))
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/bench.json")))
        let figures = try BenchFigures.parse(bytes, file: "bench.json")
        #expect(figures.entries.map(\.key) == figures.entries.map(\.key).sorted())
        for key in ["kernel.mm1.eventsPerSecond", "kernel.mm1.customersPerSecond", "kernel.mm1.peakResidentBytes",
                    "kernel.hold.1000.operationsPerSecond", "kernel.hold.1000000.peakResidentBytes"] {
            #expect((figures[key] ?? 0) > 0, "\(key)")
        }
    }

    @Test func growthRowsAreNamedByKindAndSize() throws {
        #expect(try GrowthRow(parsing: "mm1:100000") == .mm1(requests: 100_000))
        #expect(try GrowthRow(parsing: "hold:1000").key == "growth.hold.1000")
        #expect(GrowthRow.table.map(\.argument) == ["mm1:100000", "mm1:1000000", "mm1:10000000", "hold:1000", "hold:100000", "hold:1000000"])
        #expect(throws: UsageError.self) { try GrowthRow(parsing: "mm1:ten") }
        #expect(throws: UsageError.self) { try GrowthRow(parsing: "queue:10") }
    }

    @Test func aShortenedM1PipelineRowRunsInThisProcess() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let figures = try GrowthRow.mm1(requests: 2_000).measure(mm1File: root.appendingPathComponent("scenarios/bench/mm1-10m.json").path)
        let requests = try #require(figures["growth.mm1.2000.requests"])
        #expect(abs(requests - 2_000) < 4 * 2_000.squareRoot(), "Poisson arrivals: about 2000 requests, found \(requests)")
        #expect((figures["growth.mm1.2000.peakResidentBytes"] ?? 0) > 0)
    }
}

/// Peak memory is this program's own high-water mark, and it never falls.
struct ProcessStatisticsTests {
    @Test func thePeakCoversMemoryTouchedAndNeverFalls() {
        let before = ProcessStatistics.peakResidentBytes
        var block = [UInt8](repeating: 1, count: 64 << 20)
        block[block.count - 1] = 2
        let after = ProcessStatistics.peakResidentBytes
        #expect(block.last == 2)
        #expect(after >= before && after >= 64 << 20, "\(before) then \(after)")
        #expect(ProcessStatistics.peakResidentBytes >= after)
    }
}
