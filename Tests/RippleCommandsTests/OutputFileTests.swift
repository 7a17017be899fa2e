import Foundation
import Testing
@testable import RippleCommands

/// `OutputFile` replaces a regular file whole, writes through a symbolic link and into a FIFO
/// or device in place, and never renames over anything that is not a regular file.
struct OutputFileTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "ripple-output-file-" + UUID().uuidString
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
        try OutputFile.checkWritable(folder + "/new.xml")
        do {
            try OutputFile.checkWritable(folder + "/no/such/folder/junit.xml")
            Issue.record("a missing folder was accepted")
        } catch {
            #expect(error.message == "\(folder)/no/such/folder/junit.xml: No such file or directory (\(folder)/no/such/folder)")
        }
        #expect(throws: OutputError.self) { try OutputFile.checkWritable(folder) }
    }
}
