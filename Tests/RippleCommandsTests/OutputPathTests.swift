import Foundation
import Testing
@testable import RippleCommands

/// Where commands write: what stands at an output path keeps its kind, and an output that
/// cannot be written is an error.
struct OutputPathTests {
    let ripple = TestScenarios.ripple

    func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    @Test func junitAndShardOutWriteThroughASymbolicLink() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder + "/junit.xml", withDestinationPath: folder + "/real-junit.xml")
        try manager.createSymbolicLink(atPath: folder + "/shard.out", withDestinationPath: folder + "/real-shard.out")
        let result = ripple(["check", folder + "/a.json", "--junit", folder + "/junit.xml", "--shard", "1/1", "--shard-out", folder + "/shard.out"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(isSymbolicLink(folder + "/junit.xml") && isSymbolicLink(folder + "/shard.out"))
        #expect(try String(contentsOfFile: folder + "/real-junit.xml", encoding: .utf8).hasPrefix("<?xml"))
        #expect(try String(contentsOfFile: folder + "/real-shard.out", encoding: .utf8).contains("ripple-check-shard"))
    }

    /// `ripple run … | true`: standard output closed before the run prints is a failed write
    /// like any other (exit status 2, with the reason), not death by SIGPIPE; the report,
    /// which does not depend on the terminal, is written all the same.
    @Test func aClosedStandardOutputIsAFailedWriteAndTheReportIsWritten() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ripple").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the ripple executable first: \(binary)")
        let folder = TestScenarios.temporaryFolder()
        let scenario = try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let output = Pipe(), errors = Pipe()
        try output.fileHandleForReading.close()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", scenario, "--out", folder + "/report"]
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(process.terminationReason) \(process.terminationStatus)")
        #expect(said.hasSuffix("ripple: cannot write to standard output: Broken pipe; the results are lost\n"), "\(said)")
        #expect(FileManager.default.fileExists(atPath: folder + "/report/report.html"))
    }

    @Test func aFailedWriteToStandardOutputExitsWithAnError() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let full = open("/dev/full", O_WRONLY)
        let errors = open(folder + "/errors.txt", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(full); close(errors) }
        let status = Ripple.main(["check", folder + "/a.json"], console: .writing(output: full, errors: errors))
        #expect(status == 2)
        let written = try String(contentsOfFile: folder + "/errors.txt", encoding: .utf8)
        #expect(written.hasPrefix("check — limits: "), "the limits, before the runs")
        #expect(written.hasSuffix("\nripple: cannot write to standard output: No space left on device; the results are lost\n"), "\(written)")
    }

    @Test func aFIFONamedLikeAScenarioIsSkippedInAFolderAndRefusedByName() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        #expect(mkfifo(folder + "/b.json", 0o600) == 0)
        for command in ["validate", "list", "check"] {
            let result = ripple([command, folder])
            #expect(result.status == 0, "\(command): \(result.errors)")
            let skipped = "ripple: skipped \(folder)/b.json: a FIFO, not a regular file\n"
            #expect(command == "check" ? result.errors.hasPrefix(skipped + "check — limits: ") : result.errors == skipped, "\(result.errors)")
        }
        for command in ["validate", "check", "run"] {
            let result = ripple([command, folder + "/b.json", "--out", folder + "/report"].prefix(command == "run" ? 4 : 2).map { $0 })
            #expect(result.status == 2)
            #expect(result.errors == "ripple: \(folder)/b.json: is a FIFO, not a regular file; Ripple reads only regular files\n")
        }
    }

    @Test func anOptionGivenTwiceIsAUsageError() {
        let result = ripple(["run", "x.json", "--out", "a", "--out", "b"])
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("ripple: option --out is given twice; give it once\n"))
        #expect(ripple(["check", "x.json", "--quiet", "--quiet"]).errors.hasPrefix("ripple: option --quiet is given twice"))
    }

    /// An empty value or argument, or an option where a value belongs, is a usage error before
    /// anything runs: none names the file or folder meant.
    @Test func anEmptyOptionValueIsAUsageErrorBeforeAnyRun() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let cases: [(arguments: [String], error: String)] = [
            (["run", folder + "/a.json", "--out", ""], "option --out expects a value: DIR, found an empty one"),
            (["run", folder + "/a.json", "--out="], "option --out expects a value: DIR, found an empty one"),
            (["check", folder + "/a.json", "--junit", ""], "option --junit expects a value: FILE, found an empty one"),
            (["run", folder + "/a.json", "--out", "--quiet"],
             "option --out expects a value: DIR, found the option --quiet; to give a value starting with '--', write --out=--quiet"),
            (["list", ""], "expected a file or folder, found an empty argument"),
            (["validate", folder + "/a.json", ""], "expected a file or folder, found an empty argument"),
        ]
        for (arguments, error) in cases {
            let result = ripple(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.output.isEmpty)  // nothing ran
            #expect(result.errors.hasPrefix("ripple: \(error)\n"), "\(result.errors)")
        }
    }

    @Test func runWritesAReportFolderNamedWithATrailingDotIntoThatFolder() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let result = ripple(["run", folder + "/a.json", "--out", folder + "/report/.", "--quiet"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "report"])
        #expect(FileManager.default.fileExists(atPath: folder + "/report/report.html"))
        #expect(ripple(["run", folder + "/a.json", "--out", folder + "/report/.", "--quiet"]).status == 0)  // its own report is replaced
    }

    /// A name as long as a folder holds (255 bytes) is written: the hidden file or folder each
    /// output is built in beside it cuts its own name to fit.
    @Test func theLongestNameAFolderHoldsIsWritten() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let name = String(repeating: "é", count: 100) + String(repeating: "r", count: 55)  // 255 bytes
        try FileManager.default.createDirectory(atPath: folder + "/junit", withIntermediateDirectories: false)
        let check = ripple(["check", folder + "/a.json", "--junit", folder + "/junit/" + name, "--quiet"])
        #expect(check.status == 0 && FileManager.default.fileExists(atPath: folder + "/junit/" + name), "\(check.errors)")
        let run = ripple(["run", folder + "/a.json", "--out", folder + "/" + name, "--quiet"])
        #expect(run.status == 0 && FileManager.default.fileExists(atPath: folder + "/" + name + "/report.html"), "\(run.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["a.json", "junit", name])
    }

    @Test func runRefusesTheCurrentFolderBeforeSimulating() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let result = ripple(["run", folder + "/a.json", "--out", "."])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)  // nothing ran
        #expect(result.errors.hasPrefix("ripple: cannot write the report folder .: is the current folder; "), "\(result.errors)")
    }

    @Test func runRefusesReportFoldersItCannotWriteBeforeSimulating() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let result = ripple(["run", folder + "/a.json", "--out", folder + "/a.json/report"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)  // nothing ran
        #expect(result.errors == "ripple: cannot write the report folder \(folder)/a.json/report: Not a directory\n")
    }

    @Test func runRefusesTwoScenariosOfOneName() throws {
        let folder = TestScenarios.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/other", withIntermediateDirectories: true)
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder + "/other")
        let result = ripple(["run", folder + "/a.json", folder + "/other/a.json", "--out", folder + "/reports"])
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("ripple: \(folder)/a.json and \(folder)/other/a.json are both named 'a': "
            + "their reports would overwrite each other in \(folder)/reports/a; give them different names\n"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/reports"))
    }

    @Test func anUnwritableJUnitPathIsRefusedBeforeAnyRun() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let result = ripple(["check", folder + "/a.json", "--junit", folder + "/missing/junit.xml"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)  // nothing ran
        #expect(result.errors == "ripple: cannot write the JUnit file \(folder)/missing/junit.xml: No such file or directory (\(folder)/missing)\n")
        #expect(ripple(["check", folder + "/a.json", "--junit", folder]).errors == "ripple: cannot write the JUnit file \(folder): is a folder\n")
    }

    /// Two outputs named by one path, however spelt, are refused before any run: one would
    /// replace the other (the shard file lost to the JUnit XML) and the check still exit 0.
    @Test func twoOutputsOfOnePathAreRefused() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let shard = ripple(["check", file, "--shard", "1/1", "--shard-out", folder + "/out", "--junit", folder + "/./out"])
        #expect(shard.status == 2)
        #expect(shard.output.isEmpty)  // nothing ran
        #expect(shard.errors == "ripple: --junit \(folder)/./out and --shard-out \(folder)/out name one file, so one would replace the other; give each its own path\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        let baseline = ripple(["check", file, "--seeds", "1..2", "--baseline", folder + "/b.json", "--update-baseline", "--junit", folder + "/b.json"])
        #expect(baseline.status == 2 && baseline.errors.contains("--junit \(folder)/b.json and --baseline \(folder)/b.json name one file"))
        #expect(ripple(["check", file, "--shard", "1/1", "--shard-out", "/dev/null", "--junit", "/dev/null"]).status == 0)
    }
}
