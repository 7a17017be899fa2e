import Foundation
import Testing
@testable import RippleCommands

/// `--memory-budget` raises the memory a scenario's run may be estimated to hold; without it a
/// run past 2 GiB is refused before anything runs.
struct MemoryBudgetTests {
    /// Ten million keys through a chain of 20 services: 19 effect targets, about 2.9 GiB of ledger.
    static func largeLedger() throws -> String {
        let folder = TestScenarios.temporaryFolder()
        let services = (0..<20).map { "\"s\($0)\": {\"workers\": 4, \"work\": \"1ms\"}" }.joined(separator: ", ")
        let chain = (0..<20).map { "\"s\($0)\"" }.joined(separator: ", ")
        let text = """
        {"name": "ledger", "duration": "1s", "workload": {"entry": "s0", "arrivals": {"poisson": "10/s"}, "keys": {"count": 10000000}},
         "services": {\(services)}, "architectures": {"sync": {"chain": [\(chain)]}}}
        """
        let path = folder + "/ledger.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aRunPastTheBudgetIsRefusedUntilTheBudgetIsRaised() throws {
        let path = try Self.largeLedger()
        let refused = TestScenarios.ripple(["validate", path])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("workload.keys.count: the run would hold about 2.88 GiB in memory, more than the budget of 2 GiB"), "\(refused.errors)")
        #expect(refused.errors.contains("raise the budget with --memory-budget 3GiB"), "\(refused.errors)")
        #expect(TestScenarios.ripple(["validate", path, "--memory-budget", "3GiB"]).status == 0)
        #expect(TestScenarios.ripple(["run", path, "--memory-budget", "512MiB", "--out", TestScenarios.temporaryFolder()]).status == 2)
    }

    @Test(arguments: ["8GB", "0.5MiB", "2TiB", "GiB", "-1GiB"])
    func aBudgetMustBeASizeInRange(text: String) {
        let result = TestScenarios.ripple(["validate", "x.json", "--memory-budget", text])
        #expect(result.status == 2)
        #expect(result.errors.contains("--memory-budget expects a size from 1MiB to 1TiB"), "\(result.errors)")
    }
}
