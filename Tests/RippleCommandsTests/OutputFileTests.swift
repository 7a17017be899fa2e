import Foundation
import Testing
@testable import RippleCommands

/// `OutputFile` replaces a regular file whole, writes through a symbolic link and into a FIFO
/// or device in place, and never renames over anything that is not a regular file.
struct OutputFileTests {
    let folder: String = {
        let path = TestScenarios.temporaryPath("output-file-")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func kind(_ path: String) -> Int32 {
        var status = stat()
        _ = lstat(path, &status)
        return Int32(status.st_mode & S_IFMT)
    }

    @Test func aRegularFileIsReplacedWholeAndNoTemporaryFileStays() throws {
        let path = folder + "/out.xml"
        try "old and longer".write(toFile: path, atomically: false, encoding: .utf8)
        try OutputFile.write("new", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.xml"])
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws {
        let target = folder + "/target.xml", link = folder + "/link.xml"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try OutputFile.write("new", to: link)
        #expect(kind(link) == Int32(S_IFLNK))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let fifo = folder + "/results.xml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        try OutputFile.write("through the pipe", to: fifo)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "through the pipe")
        #expect(kind(fifo) == Int32(S_IFIFO))
    }

    @Test func aCharacterDeviceIsWrittenInPlace() throws {
        try OutputFile.write("discarded", to: "/dev/null")
        #expect(kind("/dev/null") == Int32(S_IFCHR))
    }

    @Test func aLinkToAFileNotYetMadeCreatesItsTarget() throws {
        let link = folder + "/link.xml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.xml")
        try OutputFile.write("new", to: link)
        #expect(kind(link) == Int32(S_IFLNK))
        #expect(try String(contentsOfFile: folder + "/target.xml", encoding: .utf8) == "new")
    }

    @Test func aFolderAndALinkIntoNowhereAreRefusedWithTheReason() throws {
        #expect(throws: OutputError.self) { try OutputFile.write("x", to: folder) }
        let dangling = folder + "/dangling.xml"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder + "/missing/file.xml")
        do {
            try OutputFile.write("x", to: dangling)
            Issue.record("a link into a missing folder was written")
        } catch {
            #expect(error.message == "\(dangling): No such file or directory")
        }
        #expect(kind(dangling) == Int32(S_IFLNK))
    }

    @Test func checkWritableGivesTheOperatingSystemsReason() throws {
        try OutputFile.checkWritable(folder + "/new.xml", sparing: InputFiles([]))
        do {
            try OutputFile.checkWritable(folder + "/no/such/folder/junit.xml", sparing: InputFiles([]))
            Issue.record("a missing folder was accepted")
        } catch {
            #expect(error.message == "\(folder)/no/such/folder/junit.xml: No such file or directory (\(folder)/no/such/folder)")
        }
        #expect(throws: OutputError.self) { try OutputFile.checkWritable(folder, sparing: InputFiles([])) }
    }

    @Test func aFileTheCommandReadsIsNoOutputWhateverItsSpelling() throws {
        let scenario = folder + "/a.json"
        try "{}".write(toFile: scenario, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/alias.json", withDestinationPath: scenario)
        let inputs = InputFiles([scenario, folder + "/missing.json"])
        for spelling in [scenario, folder + "/./a.json", folder + "/alias.json"] {
            do {
                try OutputFile.checkWritable(spelling, sparing: inputs)
                Issue.record("\(spelling), the scenario being read, was accepted as an output")
            } catch {
                #expect(error.message.hasPrefix("\(spelling): is "), "\(error.message)")
                #expect(error.message.hasSuffix("a file this command reads; choose another path"), "\(error.message)")
            }
        }
        try OutputFile.checkWritable(folder + "/missing.json", sparing: inputs)  // an input that does not exist is no file to lose
    }

    @Test func onlyAFileOfTheSameKindIsReplaced() throws {
        let opening = "<?xml version=\"1.0\"?>\n<testsuites"
        let junit = folder + "/junit.xml", scenario = folder + "/b.json", empty = folder + "/empty.xml"
        try (opening + " tests=\"1\">").write(toFile: junit, atomically: false, encoding: .utf8)
        try "{\"name\": \"b\"}".write(toFile: scenario, atomically: false, encoding: .utf8)
        try "".write(toFile: empty, atomically: false, encoding: .utf8)
        for path in [junit, empty, folder + "/new.xml"] {
            try OutputFile.checkReplaceable(path, startingWith: opening, what: "a JUnit file")
        }
        do {
            try OutputFile.checkReplaceable(scenario, startingWith: opening, what: "a JUnit file")
            Issue.record("a scenario was accepted as a JUnit file to replace")
        } catch {
            #expect(error.message == "\(scenario): exists and is not a JUnit file Ripple wrote; Ripple replaces only its own, so choose another path or remove it")
        }
    }
}
