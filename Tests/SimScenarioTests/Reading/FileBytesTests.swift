import Foundation
import Testing
@testable import SimScenario

/// A file's bytes, read up to a limit; nothing for what cannot be read.
struct FileBytesTests {
    @Test func readsUpToTheLimit() throws {
        let path = NSTemporaryDirectory() + "ripple-bytes-" + UUID().uuidString
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileBytes.contents(of: path, upTo: 1 << 20) == bytes)
        #expect(FileBytes.contents(of: path, upTo: 70_001) == Array(bytes.prefix(70_001)))
        #expect(FileBytes.contents(of: path, upTo: 0) == [])
    }

    @Test func aMissingFileOrAFolderGivesNothing() {
        #expect(FileBytes.contents(of: "/nonexistent/ripple", upTo: 10) == nil)
        #expect(FileBytes.contents(of: NSTemporaryDirectory(), upTo: 10) == nil)
    }
}
