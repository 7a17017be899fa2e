import SimChecks
import SimReports
import SimScenario

/// What one `ripple check` runs, apart from the runs themselves: each scenario's statements
/// and seeds, and the (scenario, seed) runs in a fixed order that shards split between them.
struct CheckPlan: Equatable {
    /// One scenario of the check.
    struct Subject: Equatable {
        var name: String
        /// The file as the user named it.
        var file: String
        /// Its expectations, in file order.
        var statements: [ExpectationStatement]
        /// The seeds it runs under, ascending; empty when there is nothing to run.
        var seeds: [UInt64]
    }

    /// The seeds of `--seeds`, or `nil` when each scenario runs under its own.
    var sweep: [UInt64]?
    /// Whether every run is made twice to check that it repeats.
    var checksDeterminism: Bool
    /// Whether runs draw their faults and rate from the scenarios' swarms (`--swarm`).
    var swarms = false
    /// The memory budget in bytes (`--memory-budget`): it sets the runs' line limit.
    var memoryBudget = MemoryEstimate.defaultBudget
    /// The scenarios, in the order they were named.
    var subjects: [Subject]

    /// The plan for `scenarios` read from `files`.
    init(_ scenarios: [Scenario], files: [String], sweep: [UInt64]?, checksDeterminism: Bool, swarms: Bool,
         memoryBudget: Int64 = MemoryEstimate.defaultBudget) {
        self.sweep = sweep
        self.checksDeterminism = checksDeterminism
        self.swarms = swarms
        self.memoryBudget = memoryBudget
        subjects = zip(scenarios, files).map { scenario, file in
            let runs = !scenario.expectations.isEmpty || checksDeterminism
            return Subject(name: scenario.name, file: file, statements: scenario.expectations.map(\.statement),
                           seeds: runs ? sweep ?? [scenario.world.seed] : [])
        }
    }

    init(sweep: [UInt64]?, checksDeterminism: Bool, swarms: Bool, memoryBudget: Int64 = MemoryEstimate.defaultBudget, subjects: [Subject]) {
        self.sweep = sweep
        self.checksDeterminism = checksDeterminism
        self.swarms = swarms
        self.memoryBudget = memoryBudget
        self.subjects = subjects
    }

    /// The figures a baseline holds for the scenarios checked: by scenario name, architecture →
    /// the metrics its expectations with a worse side (`below`, `above`, `atMost`, `atLeast`) read.
    var comparedFigures: [String: [String: [String]]] {
        var figures: [String: [String: [String]]] = [:]
        for subject in subjects where !subject.seeds.isEmpty {
            figures[subject.name] = figures[subject.name] ?? [:]  // checked, even with nothing to compare
            for statement in subject.statements where statement.comparison.worse != nil {
                figures[subject.name, default: [:]][statement.architecture, default: []].append(statement.metric)
            }
        }
        return figures
    }

    /// Every (scenario, seed) run, scenario by scenario, each scenario's seeds in order.
    var pairs: [(subject: Int, seed: UInt64)] {
        subjects.indices.flatMap { s in subjects[s].seeds.map { (subject: s, seed: $0) } }
    }

    /// Refuses statements about the mean when a scenario runs under fewer than two seeds.
    func requireSeedsForMeans() throws {
        for subject in subjects {
            guard let statement = subject.statements.first(where: { $0.confidence != nil }), subject.seeds.count < 2 else { continue }
            throw UsageError("\(subject.file): \"\(statement.text)\" is about the mean over seeds; "
                + "check it with --seeds listing at least 2 seeds, such as --seeds 1..30")
        }
    }

    /// Refuses two scenarios of one name: a JUnit file would hold them as one test suite, and
    /// a baseline as one scenario whose figures each would be compared with the other's.
    func requireDistinctNames() throws {
        for j in subjects.indices {
            guard let i = subjects[..<j].firstIndex(where: { $0.name == subjects[j].name }) else { continue }
            throw UsageError("\(subjects[i].file) and \(subjects[j].file) are both named '\(subjects[j].name)': "
                + "their checks would be one test suite in a JUnit file and one scenario in a baseline; give them different names")
        }
    }

    /// The report of `runs` (each scenario's, in seed order); `shard` when they are one shard's.
    func report(_ runs: [[CheckRun]], shard: ShardPart? = nil) -> CheckReport {
        // A shard reports only the scenarios it ran.
        let scenarios = subjects.indices.filter { shard == nil || !runs[$0].isEmpty }.map { checked($0, runs: runs[$0], isPartial: shard != nil) }
        return CheckReport(sweep: sweep, scenarios: scenarios, shard: shard)
    }

    /// Scenario `s` as checked by `runs` (in seed order); `isPartial` when they are one shard's.
    func checked(_ s: Int, runs: [CheckRun], isPartial: Bool) -> CheckedScenario {
        let subject = subjects[s]
        return CheckedScenario(name: subject.name, file: subject.file, statements: subject.statements, runs: runs,
                               checksDeterminism: checksDeterminism && !runs.isEmpty, isPartial: isPartial,
                               runFlags: (swarms ? " --swarm" : "") + MemoryBudget.flag(memoryBudget))
    }
}
