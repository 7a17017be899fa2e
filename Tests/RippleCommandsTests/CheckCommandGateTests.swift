import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RippleCommands

/// The gates `ripple check` adds for CI: every run repeats, means over seeds with confidence
/// intervals, and means no worse than committed baseline figures.
struct CheckCommandGateTests {
    let ripple = TestScenarios.ripple

    @Test func checkDeterminismRunsEveryScenarioTwice() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a-holds", expectations: TestScenarios.holding, in: folder)
        try TestScenarios.write("b-silent", expectations: "", in: folder)
        let result = ripple(["check", folder, "--check-determinism", "--junit", folder + "/check.xml"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[2].hasPrefix("PASS  a-holds   runs alike twice  sync ") && lines[2].hasSuffix(" events both times"))
        #expect(lines[3].hasPrefix("PASS  b-silent  runs alike twice  sync "))  // run although it states no expectations
        #expect(lines.last == "check: 2 expectations in 2 scenarios: 2 held, 0 failed; runs alike twice in 2 of 2 scenarios; 1 scenario without expectations")
        let counts = try JUnitCounts(contentsOf: folder + "/check.xml")
        #expect(counts.testcases == 4 && counts.failures == 0 && counts.suites == ["a-holds", "b-silent"])
        let sweep = ripple(["check", folder, "--check-determinism", "--seeds", "1..3", "--quiet"])
        #expect(sweep.status == 0 && sweep.output.isEmpty)
    }

    @Test func aMeanOverSeedsIsJudgedByItsConfidenceInterval() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("mean", expectations: """
        {"metric": "latency.success.p99Ms", "architecture": "sync", "mean": {"atLeast": {"ratioOf": "events", "times": 2}}, "confidence": 0.95},
        {"metric": "latency.success.p99Ms", "architecture": "sync", "mean": {"below": "45ms"}, "why": "too tight on purpose"}
        """, in: folder)
        let result = ripple(["check", file, "--seeds", "1..6"])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("PASS  mean  sync mean latency.success.p99Ms ≥ 2 × events (95% confidence)  mean "))
        #expect(lines[0].contains(", 95% CI [") && lines[0].contains("] over 6 seeds; the limit's mean 10 ms"))
        #expect(lines[2].hasPrefix("FAIL  mean  sync mean latency.success.p99Ms < 45ms (95% confidence)  mean "))
        #expect(lines[4] == "            why: too tight on purpose")
        #expect(lines[5] == "            reproduce: ripple check \(file) --seeds 1..6")
        // One run has no mean: without a sweep the check refuses to start, and ripple run leaves it out.
        let single = ripple(["check", file])
        #expect(single.status == 2 && single.output.isEmpty)
        #expect(single.errors.contains("is about the mean over seeds; check it with --seeds listing at least 2 seeds"))
        #expect(ripple(["check", file, "--seeds", "4"]).status == 2)
        let run = ripple(["run", file, "--out", folder + "/report"])
        #expect(run.status == 0 && run.output.contains("  (2 not checked: a mean over seeds needs ripple check --seeds)\n"))
    }

    @Test func aBaselineIsRecordedDeliberatelyAndGatesLaterChecks() throws {
        let folder = TestScenarios.temporaryFolder(), out = TestScenarios.temporaryFolder()
        try TestScenarios.write("gate", expectations: """
        {"metric": "latency.success.p99Ms", "architecture": "sync", "below": "1s", "tolerance": "5%"},
        {"metric": "requests.failed", "architecture": "events", "equals": 0}
        """, in: folder)
        let baseline = out + "/baseline.json"
        let missing = ripple(["check", folder, "--seeds", "1..3", "--baseline", baseline])
        #expect(missing.status == 2 && missing.errors.contains("no such baseline file; write one with --baseline \(baseline) --update-baseline"))
        let update = ripple(["check", folder, "--seeds", "1..3", "--baseline", baseline, "--update-baseline"])
        #expect(update.status == 0 && update.output.hasSuffix("baseline: wrote 1 figure to \(baseline) (1 in all)\n"))
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"gate\": {\n    \"sync\": {\n      \"latency.success.p99Ms\": "))  // equals has no worse side
        let same = ripple(["check", folder, "--seeds", "1..3", "--baseline", baseline])
        #expect(same.status == 0)
        #expect(same.output.contains("PASS  gate  baseline: sync latency.success.p99Ms  mean ") && same.output.contains(": +0% (worse beyond +5%)\n"))
        // A committed figure 10 % better than today: today is worse beyond the 5 % tolerance.
        let mean = try #require(Double(text.split(separator: ":").last!.split(separator: "\n")[0].trimmingCharacters(in: .whitespaces)))
        try Data("{\"gate\": {\"sync\": {\"latency.success.p99Ms\": \(mean / 1.1)}}}".utf8).write(to: URL(fileURLWithPath: baseline))
        let worse = ripple(["check", folder, "--seeds", "1..3", "--baseline", baseline, "--quiet"])
        #expect(worse.status == 1)
        #expect(worse.output.hasPrefix("FAIL  gate  baseline: sync latency.success.p99Ms  mean ") && worse.output.contains(": +10% (worse beyond +5%)"))
        #expect(worse.output.contains("\n            reproduce: ripple check \(folder)/gate.json --seeds 1..3 --baseline \(baseline)\n"), "\(worse.output)")
        try Data("{\"gate\": {\"sync\": {\"latency.success.p99Ms\": \"fast\"}}}".utf8).write(to: URL(fileURLWithPath: baseline))
        let bad = ripple(["check", folder, "--baseline", baseline])
        #expect(bad.status == 2 && bad.errors.contains("baseline.json:1:45: error: gate.sync[\"latency.success.p99Ms\"]: expected a number, the metric's mean, found \"fast\""))
        #expect(ripple(["check", folder, "--update-baseline"]).errors.contains("--update-baseline needs --baseline FILE"))
    }

    /// A figure of a checked scenario that nothing compares (a misspelt metric or architecture,
    /// an `equals` metric with no worse side) is refused with its place, not left unread; a
    /// scenario the check does not cover keeps any figures.
    @Test func aBaselineFigureNothingComparesIsRefused() throws {
        let folder = TestScenarios.temporaryFolder(), out = TestScenarios.temporaryFolder()
        try TestScenarios.write("gate", expectations: """
        {"metric": "latency.success.p99Ms", "architecture": "sync", "below": "1s"},
        {"metric": "requests.failed", "architecture": "events", "equals": 0}
        """, in: folder)
        let baseline = out + "/baseline.json"
        try Data("""
        {"gate": {"sync": {"latency.success.p99Ms": 5, "latency.succes.p99Ms": 3}, "snyc": {"latency.success.p99Ms": 5},
                  "events": {"requests.failed": 0}},
         "elsewhere": {"any": {"thing": 1}}}
        """.utf8).write(to: URL(fileURLWithPath: baseline))
        let typo = ripple(["check", folder, "--seeds", "1..2", "--baseline", baseline])
        #expect(typo.status == 2 && typo.output.isEmpty)
        #expect(typo.errors.contains("baseline.json:1:72: error: gate.sync[\"latency.succes.p99Ms\"]: no expectation of \"gate\" on \"sync\" with a worse side "
                                     + "reads this metric, so its figure would never be compared (did you mean \"latency.success.p99Ms\"?)"), "\(typo.errors)")
        #expect(typo.errors.contains("error: gate.snyc: no expectation of \"gate\" with a worse side (below, above, atMost, atLeast) reads \"snyc\", "
                                     + "so its figures would never be compared (did you mean \"sync\"?)"), "\(typo.errors)")
        #expect(typo.errors.contains("error: gate.events: no expectation of \"gate\" with a worse side"), "an equals metric has no figure")
        #expect(!typo.errors.contains("elsewhere"))
        try Data("{\"gate\": {\"sync\": {\"latency.success.p99Ms\": 5000}}, \"elsewhere\": {\"any\": {\"thing\": 1}}}".utf8)
            .write(to: URL(fileURLWithPath: baseline))
        #expect(ripple(["check", folder, "--seeds", "1..2", "--baseline", baseline]).status == 0)
        try Data("{\"gate\": {\"snyc\": {\"x\": 1}}}".utf8).write(to: URL(fileURLWithPath: baseline))
        #expect(ripple(["check", folder, "--seeds", "1..2", "--baseline", baseline, "--update-baseline"]).status == 0, "a file being rewritten may hold anything")
    }

    /// --swarm: each seed's drawn schedule is printed, and reproductions repeat the draw.
    @Test func aSwarmDrawsPerSeedAndReproductionsSayso() throws {
        let folder = TestScenarios.temporaryFolder(), out = TestScenarios.temporaryFolder()
        let path = folder + "/swarm.json"
        try Data("""
        {"name": "swarm", "seed": 7, "duration": "2s", "drain": "1s",
         "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}, "keys": {"count": 100}},
         "services": {"a": {"workers": 4, "work": "5ms"}, "b": {"workers": 4, "work": {"exponential": "10ms"}}},
         "architectures": {"sync": {"chain": ["a", "b"]}, "events": {"consumers": {"b": {"concurrency": 4}}}},
         "swarm": {"faults": [{"errors": "b", "at": ["100ms", "1s"], "for": ["50ms", "500ms"], "fraction": 0.5}], "rate": ["20/s", "80/s"]},
         "expectations": [{"metric": "requests.failed", "architecture": "sync", "equals": 0}]}
        """.utf8).write(to: URL(fileURLWithPath: path))
        #expect(ripple(["check", path, "--seeds", "1..6"]).status == 0)  // without --swarm: no faults at all
        let swarm = ripple(["check", path, "--seeds", "1..6", "--swarm"])
        #expect(swarm.status == 1)
        let lines = swarm.output.split(separator: "\n").map(String.init)
        #expect(lines.prefix(6).map { String($0.prefix(20)) } == (1...6).map { "DRAW  swarm  seed \($0):" })
        #expect(lines[0].contains(":  rate ") && lines.prefix(6).contains { $0.contains("errors b (0.5 of requests) from ") })
        let failing = try #require(lines.first { $0.hasPrefix("FAIL") }?.components(separatedBy: ": ").last?.components(separatedBy: ",").first)
        #expect(lines.contains("             reproduce: ripple run \(path) --seed \(failing) --swarm"))
        let run = ripple(["run", path, "--seed", failing, "--swarm", "--out", out + "/report"])
        #expect(run.status == 1 && run.output.contains("swarm — seed \(failing)\nswarm: rate "))
        // Shards carry the draws to the merge.
        for k in 1...2 { _ = ripple(["check", path, "--seeds", "1..6", "--swarm", "--shard", "\(k)/2", "--shard-out", out + "/s\(k).json"]) }
        #expect(ripple(["merge", out + "/s1.json", out + "/s2.json"]).output == swarm.output)
    }

    @Test func swarmOnAScenarioWithoutASwarmBlockIsRefused() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("plain", expectations: TestScenarios.holding, in: folder)
        let expected = "ripple: \(folder)/plain.json: --swarm: the scenario has no \"swarm\" block, so --swarm would draw nothing for it; "
            + "give it one (docs/scenario-format.md#swarm) or leave it out of this command\n"
        for command in [["check", folder, "--swarm"], ["run", folder + "/plain.json", "--swarm", "--out", folder + "/report"]] {
            let result = ripple(command)
            #expect(result.status == 2)
            #expect(result.output.isEmpty)  // nothing ran
            #expect(result.errors == expected)
        }
    }

    @Test func atLeastTwoShippedScenariosHaveSwarmBounds() throws {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios").path
        let files = try FileManager.default.contentsOfDirectory(atPath: scenarios).filter { $0.hasSuffix(".json") }
        let swarming = try files.filter { try ScenarioFiles.loadAll([scenarios + "/" + $0])[0].swarm != nil }
        #expect(swarming.count >= 2, "\(swarming)")
    }
}
