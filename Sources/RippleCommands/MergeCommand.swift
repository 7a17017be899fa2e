import SimChecks
import SimReports

/// `ripple merge`: combines the shard files of one sharded `ripple check` into exactly the
/// output, JUnit XML and exit status the check would have given in one process.
struct MergeCommand: Command {
    static let name = "merge"
    static let summary = "Combine the shard files of a sharded check into its report"
    static let usage = "ripple merge SHARD-FILE... [--baseline FILE [--update-baseline]] [--junit FILE] [--quiet]"
    static let options = CheckOutput.options

    let files: [String]
    let output: CheckOutput

    init(_ arguments: ParsedArguments) throws {
        files = arguments.positionals
        guard !files.isEmpty else { throw UsageError("merge needs the shard files written by ripple check --shard K/N --shard-out FILE") }
        output = try CheckOutput(arguments)
    }

    func run(_ console: Console) throws -> ExitStatus {
        try output.checkWritable(sparing: files)
        if let problem = files.lazy.compactMap(ScenarioFiles.notRegular).first { throw ReportedError(problem) }
        let shards = try files.map(ShardFile.init(reading:))
        let (plan, runs) = try Self.combine(shards, files: files)
        let figures = try output.loadBaseline(for: plan)
        return try output.finish(plan.report(runs), figures: figures, console: console)
    }

    /// The plan the shards share and every scenario's runs in seed order.
    /// - Throws: `ReportedError` when the files come from different checks or a shard or run
    ///   is missing or given twice.
    static func combine(_ shards: [ShardFile], files: [String]) throws -> (CheckPlan, [[CheckRun]]) {
        let first = shards[0]
        for (i, shard) in shards.enumerated().dropFirst() {
            let other = "ripple merge: \(files[i].printable) and \(files[0].printable)"
            guard shard.version == first.version else { throw ReportedError("\(other) were made by different versions of Ripple (\(shard.version), \(first.version))") }
            guard shard.shard.count == first.shard.count else {
                throw ReportedError("\(other) split the check differently: into \(shard.shard.count) and \(first.shard.count) shards")
            }
            guard shard.plan == first.plan else {
                throw ReportedError("\(other) come from different checks (other scenarios, expectations, seeds, --check-determinism, --swarm or --memory-budget)")
            }
        }
        let count = first.shard.count
        for index in 1...count {
            let holders = shards.indices.filter { shards[$0].shard.index == index }
            guard !holders.isEmpty else {
                throw ReportedError("ripple merge: shard \(index) of \(count) is missing; give every shard file from 1/\(count) to \(count)/\(count)")
            }
            guard holders.count == 1 else {
                throw ReportedError("ripple merge: shard \(index) of \(count) is given twice: \(holders.map { files[$0].printable }.joined(separator: " and "))")
            }
        }
        let plan = first.plan
        var runs: [[CheckRun]] = []
        for (s, subject) in plan.subjects.enumerated() {
            let found = shards.flatMap { $0.runs[s] }
            var bySeed: [UInt64: CheckRun] = [:]
            for run in found {
                guard bySeed.updateValue(run, forKey: run.seed) == nil else {
                    throw ReportedError("ripple merge: \(subject.name) ran under seed \(run.seed) in two shards")
                }
            }
            guard found.count == subject.seeds.count, subject.seeds.allSatisfy({ bySeed[$0] != nil }) else {
                throw ReportedError("ripple merge: the shards hold \(found.count) of \(subject.name)'s \(subject.seeds.count) runs; were they all from the same check?")
            }
            runs.append(subject.seeds.map { bySeed[$0]! })
        }
        return (plan, runs)
    }
}
