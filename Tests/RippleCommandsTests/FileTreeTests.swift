import Foundation
import Testing
@testable import RippleCommands

/// Folders through the operating system: the same listings, joins and removals Foundation's
/// file manager gave, without following links.
struct FileTreeTests {
    /// A folder with `a.json`, `sub/b.json`, `sub/deeper/c.txt`, and a link to `sub` that must
    /// not be followed.
    func tree() throws -> String {
        let folder = TestScenarios.temporaryFolder()
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/sub/deeper", withIntermediateDirectories: true)
        for file in ["a.json", "sub/b.json", "sub/deeper/c.txt"] {
            #expect(manager.createFile(atPath: folder + "/" + file, contents: Data("{}".utf8)))
        }
        try manager.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/sub")
        return folder
    }

    @Test func entriesAreTheFolderNamesOnly() throws {
        let folder = try tree()
        #expect(FileTree.entries(of: folder)?.sorted() == ["a.json", "link", "sub"])
        #expect(FileTree.entries(of: folder + "/missing") == nil)
        #expect(FileTree.entries(of: folder + "/a.json") == nil)
    }

    @Test func subpathsDescendIntoFoldersButNotLinks() throws {
        let folder = try tree()
        let listing = FileTree.subpaths(of: folder)
        #expect(listing.paths.sorted() == ["a.json", "link", "sub", "sub/b.json", "sub/deeper", "sub/deeper/c.txt"])
        #expect(listing.unlistable.isEmpty)
        #expect(FileTree.subpaths(of: folder + "/missing").unlistable.map { "\($0.folder): \($0.reason)" } == ["\(folder)/missing: No such file or directory"])
    }

    @Test func removeTakesAWholeTreeAndLeavesWhatALinkPointsTo() throws {
        let folder = try tree()
        let outside = TestScenarios.temporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder + "/sub/out", withDestinationPath: outside)
        FileTree.remove(folder)
        var status = stat()
        #expect(lstat(folder, &status) != 0)
        #expect(FileTree.isFolder(outside))
    }

    @Test func joinedAddsOneSlashAsFoundationDid() {
        for folder in ["scenarios", "scenarios/", "/", "a/b", "./x/"] {
            #expect(FileTree.joined(folder, "f.json") == (folder as NSString).appendingPathComponent("f.json"), "\(folder)")
        }
    }

    @Test func aFolderIsNotALinkToOne() throws {
        let folder = try tree()
        #expect(FileTree.isFolder(folder + "/sub"))
        #expect(!FileTree.isFolder(folder + "/link"))
        #expect(!FileTree.isFolder(folder + "/a.json"))
    }
}
