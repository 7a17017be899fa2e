import Foundation
import Testing
@testable import RippleCommands

/// Sharding: every shard makes a deterministic slice of the (scenario, seed) runs, and the
/// merged shard files print exactly what one check prints, write the same JUnit XML and exit
/// the same way.
struct ShardTests {
    let ripple = TestScenarios.ripple

    /// Two scenarios, one with a check that fails under some seeds and a statement about the mean.
    func folder() throws -> String {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        try TestScenarios.write("b", expectations: TestScenarios.holding + """
        , {"metric": "latency.success.p99Ms", "architecture": "sync", "below": "50ms", "why": "some seeds are slow"},
        {"metric": "latency.success.p99Ms", "architecture": "sync", "mean": {"atLeast": {"ratioOf": "events", "times": 2}}}
        """, in: folder)
        return folder
    }

    @Test func threeShardsMergeIntoExactlyTheSingleRun() throws {
        let folder = try folder(), out = TestScenarios.temporaryFolder()
        let common = [folder, "--seeds", "1..5", "--check-determinism"]
        let single = ripple(["check"] + common + ["--junit", out + "/single.xml"])
        #expect(single.status == 1)
        #expect(single.output.contains("FAIL  b  sync latency.success.p99Ms < 50ms  failed under "))
        var shardRuns = 0
        for k in 1...3 {
            let shard = ripple(["check"] + common + ["--shard", "\(k)/3", "--shard-out", out + "/shard\(k).json", "--jobs", "2"])
            #expect(shard.status != 2, "\(shard.errors)")
            let total = try #require(shard.output.split(separator: "\n").last)
            #expect(total.hasPrefix("check, shard \(k) of 3 ("))
            shardRuns += Int(total.split(separator: "(")[1].split(separator: " ")[0])!
        }
        #expect(shardRuns == 10)  // every (scenario, seed) run in exactly one shard
        // Any order of files merges the same.
        let merged = ripple(["merge", out + "/shard3.json", out + "/shard1.json", out + "/shard2.json", "--junit", out + "/merged.xml"])
        #expect(merged.status == single.status)
        #expect(merged.output == single.output)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/merged.xml")) == Data(contentsOf: URL(fileURLWithPath: out + "/single.xml")))
        #expect(ripple(["merge", out + "/shard1.json", out + "/shard2.json", out + "/shard3.json", "--quiet"]).output
            == ripple(["check"] + common + ["--quiet"]).output)
        // A baseline is applied at the merge, as in the single run.
        let baseline = ["--baseline", out + "/baseline.json"]
        #expect(ripple(["merge", out + "/shard1.json", out + "/shard2.json", out + "/shard3.json"] + baseline + ["--update-baseline"]).status == 1)
        let gated = ripple(["check"] + common + baseline)
        #expect(gated.output.contains("PASS  b  baseline: sync latency.success.p99Ms  mean "))
        #expect(ripple(["merge", out + "/shard1.json", out + "/shard2.json", out + "/shard3.json"] + baseline).output == gated.output)
    }

    @Test func aShardLeavesMeansToTheMerge() throws {
        let folder = try folder()
        let shard = ripple(["check", folder, "--seeds", "1..4", "--shard", "1/2"])
        #expect(shard.output.contains("SKIP  b  sync mean latency.success.p99Ms ≥ 2 × events (95% confidence)  a mean over seeds: judged when the shards merge\n"))
        #expect(shard.output.hasSuffix("\ncheck, shard 1 of 2 (4 of 8 runs): 6 expectations in 2 scenarios under 4 seeds: 4 held, 1 failed, 1 left to the merge\n"))
        #expect(shard.status == 1)  // the slice's own failure: seed 3 is slow
    }

    @Test func mergeRefusesShardsThatDoNotMakeOneCheck() throws {
        let scenarios = try folder(), folder = TestScenarios.temporaryFolder()
        for k in 1...2 { _ = ripple(["check", scenarios, "--seeds", "1..3", "--shard", "\(k)/2", "--shard-out", folder + "/s\(k).json"]) }
        _ = ripple(["check", scenarios, "--seeds", "1..4", "--shard", "2/2", "--shard-out", folder + "/other.json"])
        let missing = ripple(["merge", folder + "/s1.json"])
        #expect(missing.status == 2 && missing.errors.contains("shard 2 of 2 is missing"))
        let twice = ripple(["merge", folder + "/s1.json", folder + "/s1.json", folder + "/s2.json"])
        #expect(twice.status == 2 && twice.errors.contains("shard 1 of 2 is given twice"))
        let other = ripple(["merge", folder + "/s1.json", folder + "/other.json"])
        #expect(other.status == 2 && other.errors.contains("come from different checks"))
        let shard = try String(contentsOfFile: folder + "/s1.json", encoding: .utf8)
        try Data(shard.replacingOccurrences(of: "\"ripple\":", with: "\"rippl\":").utf8).write(to: URL(fileURLWithPath: folder + "/unversioned.json"))
        let unversioned = ripple(["merge", folder + "/unversioned.json", folder + "/s2.json"])
        #expect(unversioned.status == 2 && unversioned.errors.contains("unversioned.json: rippl: unknown field (did you mean \"ripple\"?)"), "\(unversioned.errors)")
        // A number out of place is named as written.
        try Data(shard.replacingOccurrences(of: "\"formatVersion\": 3,", with: "\"formatVersion\": 3.5,").utf8)
            .write(to: URL(fileURLWithPath: folder + "/fraction.json"))
        #expect(ripple(["merge", folder + "/fraction.json", folder + "/s2.json"]).errors.contains("fraction.json: formatVersion: expected a whole number, found 3.5"))
        // A field the format does not have is refused, not dropped unread.
        try Data(shard.replacingOccurrences(of: "\"swarm\":", with: "\"note\": 1, \"swarm\":").utf8).write(to: URL(fileURLWithPath: folder + "/extra.json"))
        #expect(ripple(["merge", folder + "/extra.json", folder + "/s2.json"]).errors.contains("extra.json: note: unknown field; expected one of \"format\""))
        try Data(shard.replacingOccurrences(of: "\"holds\":", with: "\"hold\": true, \"holds\":").utf8).write(to: URL(fileURLWithPath: folder + "/typo.json"))
        let typo = ripple(["merge", folder + "/typo.json", folder + "/s2.json"])
        #expect(typo.status == 2 && typo.errors.contains(".verdicts[0].hold: unknown field (did you mean \"holds\"?)"), "\(typo.errors)")
        let measured = try #require(shard.range(of: #""measured": [0-9.]+"#, options: .regularExpression))
        try Data(shard.replacingCharacters(in: measured, with: "\"measured\": 1e999").utf8).write(to: URL(fileURLWithPath: folder + "/huge.json"))
        #expect(ripple(["merge", folder + "/huge.json", folder + "/s2.json"]).errors.contains(".measured: expected a finite number, found 1e999"))
        try Data("{\"format\": \"something else\"}".utf8).write(to: URL(fileURLWithPath: folder + "/bad.json"))
        #expect(ripple(["merge", folder + "/bad.json"]).errors.contains("bad.json: format: expected \"ripple-check-shard\""))
        #expect(ripple(["merge", folder + "/nothing.json"]).errors.contains("nothing.json: no such file"))
    }

    @Test func shardOptionsAreCheckedBeforeAnythingRuns() throws {
        let folder = try folder()
        #expect(ripple(["check", folder, "--shard", "4/3"]).errors.contains("--shard 4/3: shard 4 is not one of 1 to 3"))
        #expect(ripple(["check", folder, "--shard", "one/3"]).errors.contains("--shard expects K/N, such as 1/3"))
        #expect(ripple(["check", folder, "--shard-out", "x.json"]).errors.contains("--shard-out goes with --shard K/N or --shard auto"))
        #expect(ripple(["check", folder, "--shard", "1/2", "--baseline", "b.json"]).errors.contains("give it to ripple merge"))
    }

    @Test func explicitShardsSplitRunsByIndex() throws {
        let spec = try ShardSpec.parse("2/3", shardCount: nil, environment: [:])
        #expect(spec == ShardSpec(index: 2, count: 3))
        #expect((0..<9).filter(spec.contains) == [1, 4, 7])
        #expect(throws: UsageError.self) { try ShardSpec.parse("0/3", shardCount: nil, environment: [:]) }
        #expect(throws: UsageError.self) { try ShardSpec.parse("1/3", shardCount: "3", environment: [:]) }
    }

    @Test func autoReadsSlurmJobArrays() throws {
        let oneBased = ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1"]
        #expect(try ShardSpec.parse("auto", shardCount: nil, environment: oneBased) == ShardSpec(index: 3, count: 4))
        let zeroBased = ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "4"]
        #expect(try ShardSpec.parse("auto", shardCount: nil, environment: zeroBased) == ShardSpec(index: 1, count: 4))
        #expect(message(["SLURM_ARRAY_TASK_ID": "2"]).contains("SLURM_ARRAY_TASK_COUNT is not"))
        #expect(message(["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1"])
            .contains("Slurm array task 9 is not one of 3 contiguous tasks from 1; submit the array as --array=1-3"))
        // --array=1-7:2 runs tasks 1, 3, 5 and 7: every one of them refuses, not only 5 and 7.
        for task in ["1", "3", "5", "7"] {
            let stepped = ["SLURM_ARRAY_TASK_ID": task, "SLURM_ARRAY_TASK_COUNT": "4", "SLURM_ARRAY_TASK_MIN": "1",
                           "SLURM_ARRAY_TASK_MAX": "7", "SLURM_ARRAY_TASK_STEP": "2"]
            #expect(message(stepped).contains("submit the array as --array=1-4 (no gaps or steps)"), "task \(task)")
        }
        let gaps = ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "9"]
        #expect(message(gaps).contains("not one of 3 contiguous tasks"), "--array=1,2,9")
    }

    @Test func autoReadsKubernetesIndexedJobs() throws {
        #expect(try ShardSpec.parse("auto", shardCount: "5", environment: ["JOB_COMPLETION_INDEX": "4"]) == ShardSpec(index: 5, count: 5))
        #expect(try ShardSpec.parse("auto", shardCount: nil, environment: ["JOB_COMPLETION_INDEX": "0", "RIPPLE_SHARD_COUNT": "2"])
            == ShardSpec(index: 1, count: 2))
        #expect(message(["JOB_COMPLETION_INDEX": "1"]).contains("give --shard-count N or set RIPPLE_SHARD_COUNT"))
        #expect(message(["JOB_COMPLETION_INDEX": "3", "RIPPLE_SHARD_COUNT": "3"]).contains("JOB_COMPLETION_INDEX 3: shard 4 is not one of 1 to 3"))
        #expect(message([:]).contains("found neither a Slurm job array"))
    }

    func message(_ environment: [String: String]) -> String {
        do {
            _ = try ShardSpec.parse("auto", shardCount: nil, environment: environment)
            return ""
        } catch {
            return (error as? UsageError)?.description ?? ""
        }
    }
}
