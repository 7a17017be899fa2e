import Foundation
import Testing
@testable import RippleCommands

/// A scenario folder is searched whole: a `*.json` that cannot be read, or a folder that cannot
/// be listed, is an error with its reason, never a scenario silently left out of a check.
struct ScenarioFilesTests {
    /// A renamed scenario leaves a link to nothing; a link loop leads nowhere either. Each is
    /// refused with its reason by every command that searches a folder, and nothing runs.
    @Test func aLinkToNothingInAFolderIsRefusedNotSkipped() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        try FileManager.default.createSymbolicLink(atPath: folder + "/renamed.json", withDestinationPath: folder + "/gone.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop.json", withDestinationPath: "loop.json")
        for command in ["validate", "check", "list"] {
            let result = TestScenarios.ripple([command, folder])
            #expect(result.status == 2, "\(command): \(result.errors)")
            for (name, reason) in [("renamed.json", "is a symbolic link to a file that does not exist"), ("loop.json", "is a symbolic-link loop")] {
                if command == "list" {
                    #expect(result.output.split(separator: "\n").contains { $0.hasPrefix("\(folder)/\(name) ") && $0.contains("(invalid)") }, "\(result.output)")
                } else {
                    #expect(result.errors.contains("\(folder)/\(name): error: \(reason)"), "\(command): \(result.errors)")
                }
            }
        }
    }

    /// A folder that cannot be listed, below the one named or the one named itself, is an error
    /// naming it and the operating system's reason, not a folder with fewer (or no) scenarios.
    /// Run as a user without the right to read it: root may read any folder.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") || geteuid() != 0))
    func aFolderThatCannotBeListedIsAnError() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        try FileManager.default.createDirectory(atPath: folder + "/inner", withIntermediateDirectories: false)
        try TestScenarios.write("b", expectations: TestScenarios.holding, in: folder + "/inner")
        #expect(chmod(folder + "/inner", 0) == 0)
        defer { chmod(folder + "/inner", 0o755) }
        for (command, named) in [("validate", folder), ("check", folder), ("list", folder), ("validate", folder + "/inner")] {
            let result = try Self.rippleWithoutPrivileges([command, named])
            #expect(result.status == 2, "\(command) \(named): \(result.errors)")
            #expect(result.errors.contains("ripple: \(folder)/inner: cannot list the folder: Permission denied; its scenarios would be left out\n"),
                    "\(command) \(named): \(result.errors)")
        }
    }

    /// The `ripple` executable run with `arguments` as an unprivileged user (nobody) when this
    /// process is root, else as itself.
    static func rippleWithoutPrivileges(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ripple").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the ripple executable first: \(binary)")
        let process = Process()
        let errors = Pipe()
        if geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
