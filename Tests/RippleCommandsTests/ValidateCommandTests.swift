import Testing
@testable import RippleCommands

/// `ripple validate` checks every scenario it is given, and refuses to call nothing valid.
struct ValidateCommandTests {
    @Test func aFolderWithNoScenarioFilesIsRefusedLikeCheckRefusesIt() throws {
        let folder = TestScenarios.temporaryFolder()
        for command in ["validate", "check"] {
            let result = TestScenarios.ripple([command, folder])
            #expect(result.status == 2, "\(command)")
            #expect(result.errors.contains("no scenario files (*.json) in \(folder)"), "\(command): \(result.errors)")
        }
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        #expect(TestScenarios.ripple(["validate", folder]).status == 0)
    }
}
