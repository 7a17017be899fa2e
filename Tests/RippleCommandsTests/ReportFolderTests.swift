import Foundation
import SimKernel
import SimMetrics
import SimReports
import Testing
@testable import RippleCommands

/// `ReportFolder` names every report file in one list, writes exactly those files, and leaves
/// out the file of a chart with nothing to draw.
struct ReportFolderTests {
    /// One sync architecture over three one-second intervals, with busy workers but no consumer lag.
    static let report: RunReport = {
        var metrics = ArchitectureMetrics(serviceNames: ["payment"], targets: [], keyCount: 1, gaugeNames: ["payment busy"])
        metrics.services[0].workers = 4
        for t in 1...3 {
            metrics.recordArrival()
            metrics.recordResponse(latency: .milliseconds(20), failure: nil)
            metrics.closeInterval(at: Instant(nanoseconds: Int64(t) * 1_000_000_000), gauges: [1])
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

    @Test func filesRenderedOnSeveralThreadsAreTheSameInTheSameOrder() {
        let one = ReportFolder.files(for: Self.report, measurements: Self.report.measurements, threads: 1)
        let four = ReportFolder.files(for: Self.report, measurements: Self.report.measurements, threads: 4)
        #expect(four.map(\.name) == one.map(\.name))
        #expect(four.map(\.contents) == one.map(\.contents))
    }

    @Test func writeWritesExactlyTheListedFiles() throws {
        let folder = TestScenarios.temporaryPath("report-folder-")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportFolder.write(Self.report, to: folder)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written == ReportFolder.files(for: Self.report).map(\.name).sorted())
    }

    @Test func everyFileWrittenIsOneRippleOwns() {
        #expect(ReportFolder.files(for: Self.report).allSatisfy { ReportFolder.owns($0.name) })
        #expect(!ReportFolder.owns("notes.md") && !ReportFolder.owns("sequence-notes.txt"))
    }

    @Test func aSecondWriteReplacesTheFolderWholeAndLeavesNothingBeside() throws {
        let parent = TestScenarios.temporaryPath("report-folder-")
        let folder = parent + "/tiny"
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try ReportFolder.write(Self.report, to: folder)
        try "<svg/>".write(toFile: folder + "/lag.svg", atomically: false, encoding: .utf8)  // an earlier run's chart
        try ReportFolder.write(Self.report, to: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ReportFolder.files(for: Self.report).map(\.name).sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["tiny"])
    }

    @Test func aFolderHoldingOtherFilesIsRefusedAndKept() throws {
        let folder = TestScenarios.temporaryPath("report-folder-")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "mine".write(toFile: folder + "/notes.md", atomically: false, encoding: .utf8)
        do {
            _ = try ReportFolder.prepare(folder, sparing: InputFiles([]))
            Issue.record("a folder with the user's notes was accepted")
        } catch {
            #expect(error.message == "cannot write the report folder \(folder): holds files Ripple did not write (notes.md); "
                + "Ripple replaces a report folder whole, so choose another --out or move them")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.md"])
    }

    /// Another command's report is named as such: a sweep's folder is no place for a run's report.
    @Test func aFolderHoldingAnotherCommandsReportSaysSo() throws {
        let folder = TestScenarios.temporaryPath("report-folder-")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["sweep.csv", "sweep.html", "sweep.json"] { try "{}".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        do {
            _ = try ReportFolder.prepare(folder, sparing: InputFiles([]))
            Issue.record("a sweep's folder was accepted for a run's report")
        } catch {
            #expect(error.message == "cannot write the report folder \(folder): holds a sweep's report (sweep.csv, sweep.html, sweep.json), "
                + "which this command does not write; Ripple replaces a report folder whole, so choose another --out or move them")
        }
    }

    @Test func aFolderOrLinkUnderAChartsNameIsTheUsersAndKept() throws {
        let folder = TestScenarios.temporaryPath("report-folder-")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/lag.svg", withIntermediateDirectories: true)
        try "mine".write(toFile: folder + "/lag.svg/precious.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/latency.svg", withDestinationPath: folder + "/lag.svg/precious.txt")
        do {
            _ = try ReportFolder.prepare(folder, sparing: InputFiles([]))
            Issue.record("a folder under a chart's name was accepted, and would have been removed whole")
        } catch {
            #expect(error.message.contains("holds files Ripple did not write (lag.svg, latency.svg)"), "\(error.message)")
        }
        #expect(try String(contentsOfFile: folder + "/lag.svg/precious.txt", encoding: .utf8) == "mine")
    }

    @Test func aFolderThatCannotBeMadeIsRefusedWithTheReason() throws {
        let file = TestScenarios.temporaryPath("report-file-")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        do {
            _ = try ReportFolder.prepare(file + "/report", sparing: InputFiles([]))
            Issue.record("a folder under a file was accepted")
        } catch {
            #expect(error.message == "cannot write the report folder \(file)/report: Not a directory")
        }
    }

    @Test func aFolderHoldingAFileTheCommandReadsIsRefusedAndKept() throws {
        let folder = TestScenarios.temporaryPath("report-folder-")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "{}".write(toFile: folder + "/metrics.json", atomically: false, encoding: .utf8)  // a scenario under a report's file name
        do {
            _ = try ReportFolder.prepare(folder, sparing: InputFiles([folder + "/./metrics.json"]))
            Issue.record("a folder holding the scenario being run was accepted, and would have been replaced whole")
        } catch {
            #expect(error.message.contains("holds \(folder)/./metrics.json, a file this command reads"), "\(error.message)")
        }
        #expect(try String(contentsOfFile: folder + "/metrics.json", encoding: .utf8) == "{}")
    }

    @Test func aLinkToAFolderIsWrittenThroughAndStays() throws {
        let parent = TestScenarios.temporaryPath("report-folder-")
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: parent + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: parent + "/link", withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: parent + "/nowhere", withDestinationPath: "missing")
        try ReportFolder.write(Self.report, to: parent + "/link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/link") == "real")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/real").sorted() == ReportFolder.files(for: Self.report).map(\.name).sorted())
        #expect(throws: OutputError.self) { try ReportFolder.prepare(parent + "/nowhere", sparing: InputFiles([])) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/nowhere") == "missing")
    }

    @Test func aPathEndingInDotOrSlashIsTheFolderItselfWrittenFromBeside() throws {
        let parent = TestScenarios.temporaryPath("report-folder-")
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let names = ReportFolder.files(for: Self.report).map(\.name).sorted()
        for given in ["/new/.", "/new/./", "/new/"] {  // made, then replaced: its staging folder stands beside it
            let folder = try ReportFolder.prepare(parent + given, sparing: InputFiles([]))
            #expect(folder.path == parent + "/new")
            try ReportFolder.write(Self.report, to: folder)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["new"], "\(given)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/new").sorted() == names, "\(given)")
        }
    }

    @Test func theCurrentFolderIsRefusedUnderAnySpelling() throws {
        let current = FileManager.default.currentDirectoryPath
        for given in [".", "./", current, current + "/."] {
            do {
                _ = try ReportFolder.prepare(given, sparing: InputFiles([]))
                Issue.record("\(given): the current folder was accepted, and would have been swapped out from under the shell")
            } catch {
                #expect(error.message.hasPrefix("cannot write the report folder \(given): is the current folder; "), "\(error.message)")
            }
        }
    }
}
