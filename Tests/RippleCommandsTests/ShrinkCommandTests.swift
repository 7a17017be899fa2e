import Foundation
import Testing
@testable import RippleCommands

/// `ripple shrink` finds a smaller scenario that still fails: faults that do not matter go,
/// what remains is cut down, and the file it writes validates and fails the same way.
struct ShrinkCommandTests {
    let ripple = TestScenarios.ripple

    /// A chain a → b where b's errors fail requests, and two faults that change nothing about that.
    func planted(in folder: String) throws -> String {
        let path = folder + "/planted.json"
        try Data("""
        {"name": "planted", "seed": 7, "duration": "2s", "drain": "1s",
         "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}, "keys": {"count": 100}},
         "services": {"a": {"workers": 4, "work": "5ms"}, "b": {"workers": 4, "work": {"exponential": "10ms"}}},
         "architectures": {"sync": {"chain": ["a", "b"]}, "events": {"consumers": {"b": {"concurrency": 4}}}},
         "faults": [
           {"slow": "a", "at": "100ms", "for": "300ms", "factor": 2},
           {"errors": "b", "at": "500ms", "for": "1s", "fraction": 0.5},
           {"pause": "b", "at": "1500ms", "for": "10ms"}
         ],
         "expectations": [
           {"metric": "latency.success.p99Ms", "architecture": "events", "below": "1s"},
           {"metric": "requests.failed", "architecture": "sync", "equals": 0, "why": "b never fails"}
         ]}
        """.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func irrelevantFaultsAreRemovedAndTheResultStillFails() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try planted(in: folder), out = folder + "/small.json"
        let result = ripple(["shrink", file, "--seed", "7", "--out", out])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "shrinking planted under seed 7 while \"sync requests.failed = 0\" fails above the bound")
        #expect(lines[1] == "  removed faults[0]: {\"slow\": \"a\", \"at\": \"100ms\", \"for\": \"300ms\", \"factor\": 2}")
        #expect(lines[2] == "  removed faults[1]: {\"pause\": \"b\", \"at\": \"1500ms\", \"for\": \"10ms\"}")
        #expect(lines.contains { $0.hasPrefix("shrunk in ") && $0.hasSuffix("; wrote \(out)") })
        #expect(lines.last == "reproduce: ripple run \(out)")
        // The written file keeps the author's order, validates, and fails the same way.
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"name\": \"planted.shrunk\",\n  \"description\": \"Shrunk by ripple shrink from \(file) under seed 7.\",\n  \"seed\": 7,\n"))
        #expect(written.contains("\"faults\": [{\"errors\": \"b\", \"at\": \"500ms\", \"for\": "))
        #expect(!written.contains("\"slow\"") && !written.contains("\"pause\""))
        #expect(ripple(["validate", out]).status == 0)
        let rerun = ripple(["run", out, "--out", folder + "/report", "--quiet"])
        #expect(rerun.status == 1 && rerun.output.hasPrefix("planted.shrunk: ✗ sync requests.failed = 0: "))
    }

    /// A scenario named with the most characters a name may have shrinks to one whose name,
    /// cut to make room for `.shrunk`, still validates, so the reproduction runs as printed.
    @Test func aLongNameIsCutToStayAName() throws {
        let folder = TestScenarios.temporaryFolder()
        let planted = try String(contentsOfFile: try planted(in: folder), encoding: .utf8)
        let long = String(repeating: "n", count: 100), file = folder + "/long.json", out = folder + "/long.shrunk.json"
        try Data(planted.replacingOccurrences(of: "\"planted\"", with: "\"\(long)\"").utf8).write(to: URL(fileURLWithPath: file))
        #expect(ripple(["shrink", file, "--seed", "7", "--runs", "2", "--out", out]).status == 1)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"name\": \"\(long.prefix(93)).shrunk\",\n"))
        #expect(ripple(["validate", out]).status == 0)
        #expect(ripple(["run", out, "--out", folder + "/report", "--quiet"]).status == 1)
    }

    @Test func nothingFailsNothingToShrink() throws {
        let file = try TestScenarios.write("fine", expectations: TestScenarios.holding, in: TestScenarios.temporaryFolder())
        let result = ripple(["shrink", file, "--seed", "3"])
        #expect(result.status == 0)
        #expect(result.output == "nothing to shrink: every expectation of fine holds under seed 3\n")
    }

    @Test func theRunLimitStopsTheSearchAndSaysSo() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try planted(in: folder)
        let result = ripple(["shrink", file, "--seed", "7", "--runs", "2", "--out", folder + "/two.json"])
        #expect(result.status == 1)
        #expect(result.output.contains("shrunk in 2 runs: 1 step kept; wrote \(folder)/two.json\n"))
        #expect(result.output.contains("stopped at the limit of 2 runs: it may shrink further (ripple shrink \(folder)/two.json --seed 7)\n"))
        #expect(ripple(["shrink", file]).errors.contains("shrink needs --seed N"))
        #expect(ripple(["shrink", file, "--seed", "7", "--runs", "0"]).status == 2)
    }
}
