import Foundation
import Testing
@testable import RippleCommands

/// What the process learns of its environment matches what Foundation reports.
struct ProcessEnvironmentTests {
    @Test func variablesAreTheEnvironment() {
        #expect(ProcessEnvironment.variables == ProcessInfo.processInfo.environment)
    }

    @Test func processorsAreCountedAndTemporaryFoldersAreNew() throws {
        #expect(ProcessEnvironment.processorCount >= 1)
        let first = try ProcessEnvironment.temporaryFolder(prefix: "ripple-test-")
        let second = try ProcessEnvironment.temporaryFolder(prefix: "ripple-test-")
        #expect(first != second)
        #expect(FileTree.isFolder(first) && FileTree.entries(of: first) == [])
        FileTree.remove(first)
        FileTree.remove(second)
    }
}
