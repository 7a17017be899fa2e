import Testing
import SimModels
@testable import SimScenario

/// A synchronous chain is held to the limits a `calls` tree is held to.
struct ArchitectureReaderTests {
    /// A scenario of `services` services `s0`, `s1`, …, all in one chain, and a misspelt field.
    func chain(of services: Int) -> String {
        let names = (0..<services).map { "s\($0)" }
        return """
        {"name": "long", "duration": "1s", "colour": "red", "workload": {"entry": "s0", "arrivals": {"poisson": "1/s"}},
         "services": {\(names.map { "\"\($0)\": {\"work\": \"1ms\"}" }.joined(separator: ", "))},
         "architectures": {"sync": {"chain": [\(names.map { "\"\($0)\"" }.joined(separator: ", "))]}}}
        """
    }

    func issues(_ text: String, memoryBudget: Int64) -> [String] {
        do { _ = try ScenarioLoader.parse(Array(text.utf8), file: "t.json", memoryBudget: memoryBudget); return [] } catch {
            return error.issues.map { "\($0.path): \($0.message)" }
        }
    }

    /// Each service of a chain is a call node: past the 10 000 nodes a `calls` tree may hold,
    /// the chain is refused at `chain`, beside the file's other problems, under any budget.
    @Test func aChainPastTheCallNodeLimitIsRefusedWithTheOtherProblems() {
        let limit = CallsReader.maxNodes, terabyte: Int64 = 1 << 40
        for budget in [MemoryEstimate.defaultBudget, terabyte] {
            let found = issues(chain(of: limit + 1), memoryBudget: budget)
            #expect(found.count == 2, "\(found.map { $0.prefix(200) })")
            #expect(found.contains { $0.hasPrefix("colour: unknown field") })
            #expect(found.contains("architectures.sync.chain: expected at most 10000 services in the chain, each a call, found 10001"))
        }
    }
}
