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

    /// A budget small enough to stop a run at its line limit is part of the failure: the
    /// command printed to repeat it gives the same budget, in run, check and shrink alike.
    @Test func theCommandThatRepeatsAFailureGivesTheSameBudget() throws {
        let folder = TestScenarios.temporaryFolder(), path = folder + "/line.json"
        try Data("""
        {"name": "line", "seed": 3, "duration": "2s", "workload": {"entry": "a", "arrivals": {"poisson": "2000/s"}},
         "services": {"a": {"workers": 1, "work": "10ms"}}, "architectures": {"sync": {"chain": ["a"]}},
         "expectations": [{"metric": "latency.success.p99Ms", "architecture": "sync", "below": "1ms"}]}
        """.utf8).write(to: URL(fileURLWithPath: path))
        let run = TestScenarios.ripple(["run", path, "--memory-budget", "2MiB", "--out", folder + "/out"])
        #expect(run.status == 1 && run.output.contains("✗ sync stopped: the line at a passed 3338 waiting requests"), "\(run.output)")
        #expect(run.output.contains("reproduce: ripple run \(path) --seed 3 --memory-budget 2MiB\n"), "\(run.output)")
        let check = TestScenarios.ripple(["check", path, "--memory-budget", "2MiB", "--seeds", "5..6"])
        #expect(check.status == 1 && check.output.contains("reproduce: ripple run \(path) --seed 5 --memory-budget 2MiB\n"), "\(check.output)")
        let small = folder + "/small.json"
        let shrink = TestScenarios.ripple(["shrink", path, "--seed", "3", "--memory-budget", "2MiB", "--out", small])
        #expect(shrink.status == 1 && shrink.output.hasSuffix("reproduce: ripple run \(small) --memory-budget 2MiB\n"), "\(shrink.output)")
        let whole = TestScenarios.ripple(["run", path, "--out", folder + "/default"])
        #expect(!whole.output.contains("stopped") && whole.output.contains("reproduce: ripple run \(path) --seed 3\n"), "the default lets it run on")
    }

    @Test(arguments: ["8GB", "0.5MiB", "2TiB", "GiB", "-1GiB"])
    func aBudgetMustBeASizeInRange(text: String) {
        let result = TestScenarios.ripple(["validate", "x.json", "--memory-budget", text])
        #expect(result.status == 2)
        #expect(result.errors.contains("--memory-budget expects a size from 1MiB to 1TiB"), "\(result.errors)")
    }
}
