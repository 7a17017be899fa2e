import Foundation
import Testing
import RippleCommands
import SimKernel
import SimReports
import SimRuns
@testable import SimScenario

/// A tiny scenario's `metrics.json` is exactly the committed golden file: the same inputs
/// give the same figures, byte for byte, on every machine and after every change that is not
/// meant to change them.
///
/// A change that does mean to change them updates the golden file deliberately:
/// `ripple run Tests/SimScenarioTests/Golden/tiny.json --out /tmp/tiny && cp /tmp/tiny/metrics.json Tests/SimScenarioTests/Golden/tiny.metrics.json`
struct GoldenRunTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test func metricsMatchTheGoldenFile() throws {
        let scenario = try ScenarioLoader.load(path: Self.folder.appendingPathComponent("tiny.json").path)
        let outcomes = ScenarioRunner.run(scenario)
        var report = RunReport(scenario: scenario, outcomes: outcomes, version: "0.1.0")
        report.verdicts = []
        let written = ReportFolder.files(for: report).first { $0.name == "metrics.json" }!.contents
        let golden = try String(contentsOf: Self.folder.appendingPathComponent("tiny.metrics.json"), encoding: .utf8)
        #expect(written == golden)
    }

    /// `scenario.fnv1a64` traces a result to its input: the hash of the very bytes read.
    @Test func metricsNameTheScenarioFileByItsHash() throws {
        let path = Self.folder.appendingPathComponent("tiny.json").path
        let bytes = try ScenarioLoader.readBytes(path)
        let scenario = try ScenarioLoader.parse(bytes, file: path)
        #expect(scenario.fileHash == FNV1a64.hash(bytes))
        let edited = try ScenarioLoader.parse(bytes + Array(" ".utf8), file: path)
        #expect(edited.fileHash != scenario.fileHash, "one more byte, another hash")
        let report = RunReport(scenario: scenario, outcomes: [], version: "0.1.0")
        #expect(MetricsDocument.render(report).contains("\"fnv1a64\": \"" + FNV1a64.text(FNV1a64.hash(bytes)) + "\""))
    }
}
