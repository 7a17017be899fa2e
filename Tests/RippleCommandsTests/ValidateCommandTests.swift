import Foundation
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

    /// With `--swarm`, a file is checked as `ripple run --swarm` and `ripple check --swarm` load
    /// it: one whose swarm's largest draw passes the memory budget, or with no swarm at all, is
    /// refused as they refuse it; without `--swarm` both validate, the swarm having no effect.
    @Test func withSwarmAFileIsCheckedAsSwarmRunsIt() throws {
        let folder = TestScenarios.temporaryFolder()
        let plain = try TestScenarios.write("plain", expectations: "", in: folder)
        let large = try String(contentsOfFile: plain, encoding: .utf8)
            .replacingOccurrences(of: #""drain": "1s","#, with: #""drain": "1s", "network": {"latency": {"constant": "20s"}}, "swarm": {"rate": ["1/s", "1000000/s"]},"#)
        try large.write(toFile: folder + "/large.json", atomically: true, encoding: .utf8)
        #expect(TestScenarios.ripple(["validate", folder]).status == 0)
        let result = TestScenarios.ripple(["validate", folder, "--swarm"])
        #expect(result.status == 2)
        #expect(result.errors.contains("\(folder)/large.json:1:"), "\(result.errors)")
        #expect(result.errors.contains(": error: swarm: with --swarm, at its largest draw (the highest rate, every fault for its longest), "))
        #expect(result.errors.contains(ScenarioFiles.noSwarm(folder + "/plain.json")))
        #expect(result.output.isEmpty)
        for command in ["run", "check"] {
            #expect(TestScenarios.ripple([command, folder + "/large.json", "--swarm", "--out", folder + "/report"].prefix(command == "run" ? 5 : 3).map { $0 })
                .errors.contains(": error: swarm: with --swarm, at its largest draw"), "\(command)")
        }
    }
}
