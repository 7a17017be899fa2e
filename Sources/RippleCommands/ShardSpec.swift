/// One shard of a check: which slice of the (scenario, seed) runs this process makes.
/// Run number i (from 0, in `CheckPlan.pairs` order) belongs to shard `i % count + 1`.
struct ShardSpec: Equatable {
    /// The shard's number, from 1.
    var index: Int
    /// How many shards share the check.
    var count: Int

    /// A limit on shards.
    static let maximumCount = 10_000

    /// Whether run number `run` (from 0) is this shard's.
    func contains(run: Int) -> Bool { run % count == index - 1 }

    /// `K/N`, or `auto`: the index and count of a Slurm job array task
    /// (`SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_COUNT`, `SLURM_ARRAY_TASK_MIN`) or of a
    /// Kubernetes Indexed Job (`JOB_COMPLETION_INDEX`, with the count from `shardCount`, the
    /// `--shard-count` option, or `RIPPLE_SHARD_COUNT`).
    /// - Throws: `UsageError` saying what is missing or wrong.
    static func parse(_ text: String, shardCount: String?, environment: [String: String]) throws -> ShardSpec {
        guard text == "auto" else {
            guard shardCount == nil else { throw UsageError("--shard-count goes with --shard auto; --shard \(text) names its count already") }
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
                throw UsageError("--shard expects K/N, such as 1/3 (the first of three shards), or auto; found '\(text)'")
            }
            return try make(index: index, count: count, source: "--shard \(text)")
        }
        if let id = environment["SLURM_ARRAY_TASK_ID"] { return try slurm(id, environment) }
        if let index = environment["JOB_COMPLETION_INDEX"] { return try kubernetes(index, shardCount: shardCount, environment) }
        throw UsageError("--shard auto found neither a Slurm job array (SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT) "
            + "nor a Kubernetes Indexed Job (JOB_COMPLETION_INDEX); give --shard K/N instead")
    }

    /// Slurm numbers array tasks from `SLURM_ARRAY_TASK_MIN` (0 when absent), so task
    /// `MIN + k` is shard `k + 1`; the tasks must be contiguous: an array with a step
    /// (`SLURM_ARRAY_TASK_STEP` other than 1) or gaps (`SLURM_ARRAY_TASK_MAX` − MIN + 1 other
    /// than the count) is refused in every task, not only in those past the count.
    static func slurm(_ id: String, _ environment: [String: String]) throws -> ShardSpec {
        guard let task = Int(id) else { throw UsageError("SLURM_ARRAY_TASK_ID should be a whole number, found '\(id)'") }
        guard let countText = environment["SLURM_ARRAY_TASK_COUNT"] else {
            throw UsageError("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; give --shard K/N instead")
        }
        guard let count = Int(countText) else { throw UsageError("SLURM_ARRAY_TASK_COUNT should be a whole number, found '\(countText)'") }
        let minimumText = environment["SLURM_ARRAY_TASK_MIN"] ?? "0"
        guard let minimum = Int(minimumText) else { throw UsageError("SLURM_ARRAY_TASK_MIN should be a whole number, found '\(minimumText)'") }
        let step = environment["SLURM_ARRAY_TASK_STEP"].flatMap { Int($0) } ?? 1
        let maximum = environment["SLURM_ARRAY_TASK_MAX"].flatMap { Int($0) } ?? minimum + count - 1
        guard task >= minimum, task - minimum < count, step == 1, maximum - minimum + 1 == count else {
            throw UsageError("--shard auto: Slurm array task \(task) is not one of \(count) contiguous tasks from \(minimum); "
                + "submit the array as --array=\(minimum)-\(minimum + count - 1) (no gaps or steps)")
        }
        return try make(index: task - minimum + 1, count: count, source: "the Slurm array")
    }

    /// Kubernetes numbers Indexed Job pods from 0, so pod k is shard `k + 1`.
    static func kubernetes(_ indexText: String, shardCount: String?, _ environment: [String: String]) throws -> ShardSpec {
        guard let index = Int(indexText) else { throw UsageError("JOB_COMPLETION_INDEX should be a whole number, found '\(indexText)'") }
        guard let countText = shardCount ?? environment["RIPPLE_SHARD_COUNT"] else {
            throw UsageError("--shard auto: JOB_COMPLETION_INDEX is set, but Kubernetes does not say how many pods share the job; "
                + "give --shard-count N or set RIPPLE_SHARD_COUNT to the job's completions")
        }
        guard let count = Int(countText) else { throw UsageError("the shard count should be a whole number, found '\(countText)'") }
        return try make(index: index + 1, count: count, source: "JOB_COMPLETION_INDEX \(index)")
    }

    static func make(index: Int, count: Int, source: String) throws -> ShardSpec {
        guard (1...maximumCount).contains(count) else { throw UsageError("\(source): the shard count must be from 1 to \(maximumCount), found \(count)") }
        guard (1...count).contains(index) else { throw UsageError("\(source): shard \(index) is not one of 1 to \(count)") }
        return ShardSpec(index: index, count: count)
    }
}
