import Foundation
import SimKernel
import SimMetrics
import SimReports
import Testing
@testable import SimScenario

/// `ReportFolder` names every report file in one list, writes exactly those files, and leaves
/// out the file of a chart with nothing to draw.
struct ReportFolderTests {
    /// One sync architecture over three one-second intervals, with busy workers but no consumer lag.
    static let report: RunReport = {
        var metrics = ArchitectureMetrics(serviceNames: ["payment"], targets: [], keyCount: 1, gaugeNames: ["payment busy"])
        for t in 1...3 {
            metrics.recordArrival()
            metrics.recordResponse(latency: .milliseconds(20), failure: nil)
            metrics.series.close(at: Instant(nanoseconds: Int64(t) * 1_000_000_000), gauges: [1])
        }
        return RunReport(name: "tiny", description: "", seed: 1, duration: .seconds(3), drain: .zero, version: "test",
                         faults: [], windows: [],
                         architectures: [ArchitectureReport(name: "sync", kind: "sync", metrics: metrics, stopReason: "drained", events: 3)])
    }()

    @Test func everyChartKindHasItsOwnSVGFile() {
        let names = RunChart.Kind.allCases.map(ReportFolder.fileName(of:))
        #expect(names == ["latency.svg", "lag.svg", "throughput.svg", "workers.svg"])
    }

    @Test func filesAreTheDocumentsTheChartsThatHaveSeriesAndThePage() {
        let files = ReportFolder.files(for: Self.report)
        #expect(files.map(\.name) == ["metrics.json", "summary.md", "timeseries.csv", "trace.json",
                                      "latency.svg", "throughput.svg", "workers.svg", "sequence-sync.svg", "report.html"])
        #expect(files.first { $0.name == "latency.svg" }?.contents.hasPrefix("<svg xmlns=") == true)
        #expect(files.first { $0.name == "report.html" }?.contents.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test func writeWritesExactlyTheListedFiles() throws {
        let folder = NSTemporaryDirectory() + "ripple-report-folder-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportFolder.write(Self.report, to: folder)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written == ReportFolder.files(for: Self.report).map(\.name).sorted())
    }
}
