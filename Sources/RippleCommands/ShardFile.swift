import SimChecks
import SimReports
import SimScenario

/// One shard's results, written by `ripple check --shard K/N --shard-out FILE` and combined
/// by `ripple merge`: the whole check's plan (so every shard's can be compared) and the runs
/// this shard made, with every figure the final report prints. JSON with sorted keys; numbers
/// in Swift's shortest round-trip digits, so they read back exactly.
struct ShardFile {
    /// The format's name and version, so a merge refuses files it does not understand.
    static let format = "ripple-check-shard"
    static let formatVersion = 3
    /// A limit on a shard file's size: 256 MiB.
    static let maximumBytes = 256 * 1024 * 1024

    var plan: CheckPlan
    var shard: ShardSpec
    /// The version of Ripple that made the runs.
    var version: String
    /// Each scenario's runs in this shard, in seed order.
    var runs: [[CheckRun]]

    var document: JSONOutput {
        .object([
            ("format", .string(Self.format)), ("formatVersion", .int(Self.formatVersion)), ("ripple", .string(version)),
            ("shard", .object([("index", .int(shard.index)), ("count", .int(shard.count))])),
            ("sweep", plan.sweep.map { .array($0.map(Self.seed)) } ?? .null),
            ("checksDeterminism", .bool(plan.checksDeterminism)), ("swarm", .bool(plan.swarms)),
            ("memoryBudget", .number(String(plan.memoryBudget))),
            ("scenarios", .array(plan.subjects.indices.map { s in
                let subject = plan.subjects[s]
                return .object([
                    ("name", .string(subject.name)), ("file", .string(subject.file)),
                    ("expectations", .array(subject.statements.map(Self.statement))),
                    ("seeds", .array(subject.seeds.map(Self.seed))),
                    ("runs", .array(runs[s].map(Self.run))),
                ])
            })),
        ])
    }

    static func seed(_ seed: UInt64) -> JSONOutput { .number(String(seed)) }

    static func statement(_ s: ExpectationStatement) -> JSONOutput {
        .object([("text", .string(s.text)), ("architecture", .string(s.architecture)), ("metric", .string(s.metric)),
                 ("why", s.why.map(JSONOutput.string) ?? .null), ("unit", .string(s.unit)), ("relation", .string(s.comparison.rawValue)),
                 ("confidence", JSONFields.exact(s.confidence)), ("tolerance", JSONFields.exact(s.tolerance))])
    }

    static func run(_ run: CheckRun) -> JSONOutput {
        .object([
            ("seed", seed(run.seed)), ("schedule", run.schedule.map(JSONOutput.string) ?? .null),
            ("verdicts", .array(run.verdicts.map { v in
                .object([("measured", JSONFields.exact(v.measured)), ("references", .array(v.references.map(JSONOutput.string))),
                         ("limits", .array(v.limits.map { JSONFields.exact($0) })), ("holds", .bool(v.holds))])
            })),
            ("stops", .array(run.stops.map { v in
                .object([("text", .string(v.text)), ("architecture", .string(v.architecture)), ("metric", .string(v.metric)),
                         ("why", v.why.map(JSONOutput.string) ?? .null), ("measured", JSONFields.exact(v.measured)), ("unit", .string(v.unit)),
                         ("limits", .array(v.limits.map { JSONFields.exact($0) }))])
            })),
            ("repeats", .array(run.repeats.map { r in
                .object([("architecture", .string(r.architecture)), ("events", .array(r.events.map(JSONOutput.int))),
                         ("digests", .array(r.digests.map(JSONOutput.string))), ("difference", r.difference.map(JSONOutput.string) ?? .null)])
            })),
        ])
    }

    /// Writes the file.
    func write(to path: String) throws {
        do {
            try OutputFile.write(document.rendered, to: path)
        } catch {
            throw ReportedError("ripple: cannot write the shard file \(error.message)")
        }
    }
}

extension ShardFile {
    /// Reads a shard file written by `write(to:)`.
    /// - Throws: `ReportedError` naming the file and the field that is wrong.
    init(reading path: String) throws {
        let json = JSONFields(file: path)
        let root = try json.document(limit: Self.maximumBytes)
        try json.only(["format", "formatVersion", "ripple", "shard", "sweep", "checksDeterminism", "swarm", "memoryBudget", "scenarios"], in: root, "")
        let format = try json.member(root, "format", "")
        guard format.stringValue == Self.format else {
            throw json.fail("format", "expected \"\(Self.format)\": this is not a shard file of ripple check --shard-out")
        }
        let formatVersion = try json.integer(json.member(root, "formatVersion", ""), "formatVersion")
        guard formatVersion == Self.formatVersion else {
            throw json.fail("formatVersion", "this Ripple reads shard files of version \(Self.formatVersion), found \(formatVersion)")
        }
        version = try json.string(json.member(root, "ripple", ""), "ripple")
        let shardNode = try json.member(root, "shard", "")
        try json.only(["index", "count"], in: shardNode, "shard")
        shard = ShardSpec(index: try json.integer(json.member(shardNode, "index", "shard"), "shard.index"),
                          count: try json.integer(json.member(shardNode, "count", "shard"), "shard.count"))
        guard (1...ShardSpec.maximumCount).contains(shard.count), (1...shard.count).contains(shard.index) else {
            throw json.fail("shard", "expected a shard from 1 to its count, found \(shard.index) of \(shard.count)")
        }
        let sweepNode = try json.member(root, "sweep", "")
        var sweep: [UInt64]?
        if sweepNode.arrayElements != nil {
            sweep = try json.elements(sweepNode, "sweep").enumerated().map { try json.seed($1, "sweep[\($0)]") }
        } else if case .null = sweepNode.value {} else {
            throw json.wrong("sweep", expected: "an array of seeds or null", found: sweepNode)
        }
        let checksDeterminism = try json.bool(json.member(root, "checksDeterminism", ""), "checksDeterminism")
        let swarms = try json.bool(json.member(root, "swarm", ""), "swarm")
        let memoryBudget = Int64(try json.integer(json.member(root, "memoryBudget", ""), "memoryBudget"))
        var subjects: [CheckPlan.Subject] = []
        var runs: [[CheckRun]] = []
        for (s, node) in try json.elements(json.member(root, "scenarios", ""), "scenarios").enumerated() {
            let path = "scenarios[\(s)]"
            try json.only(["name", "file", "expectations", "seeds", "runs"], in: node, path)
            let statements = try json.elements(json.member(node, "expectations", path), path + ".expectations").enumerated().map { e, node in
                try Self.statement(node, path + ".expectations[\(e)]", json)
            }
            let seeds = try json.elements(json.member(node, "seeds", path), path + ".seeds").enumerated().map { try json.seed($1, path + ".seeds[\($0)]") }
            subjects.append(CheckPlan.Subject(name: try json.string(json.member(node, "name", path), path + ".name"),
                                              file: try json.string(json.member(node, "file", path), path + ".file"),
                                              statements: statements, seeds: seeds))
            runs.append(try json.elements(json.member(node, "runs", path), path + ".runs").enumerated().map { r, node in
                try Self.run(node, path + ".runs[\(r)]", statements: statements, json)
            })
        }
        plan = CheckPlan(sweep: sweep, checksDeterminism: checksDeterminism, swarms: swarms, memoryBudget: memoryBudget, subjects: subjects)
        self.runs = runs
    }

    static func statement(_ node: JSONNode, _ path: String, _ json: JSONFields) throws -> ExpectationStatement {
        func field(_ key: String) throws -> JSONNode { try json.member(node, key, path) }
        try json.only(["text", "architecture", "metric", "why", "unit", "relation", "confidence", "tolerance"], in: node, path)
        let relationText = try json.string(field("relation"), path + ".relation")
        guard let comparison = Comparison(rawValue: relationText) else { throw json.fail(path + ".relation", "unknown relation \"\(relationText)\"") }
        return ExpectationStatement(text: try json.string(field("text"), path + ".text"),
                                    architecture: try json.string(field("architecture"), path + ".architecture"),
                                    metric: try json.string(field("metric"), path + ".metric"),
                                    why: try json.optionalString(field("why"), path + ".why"),
                                    unit: try json.string(field("unit"), path + ".unit"), comparison: comparison,
                                    confidence: try json.optionalNumber(field("confidence"), path + ".confidence"),
                                    tolerance: try json.optionalNumber(field("tolerance"), path + ".tolerance"))
    }

    static func run(_ node: JSONNode, _ path: String, statements: [ExpectationStatement], _ json: JSONFields) throws -> CheckRun {
        try json.only(["seed", "schedule", "verdicts", "stops", "repeats"], in: node, path)
        let seed = try json.seed(json.member(node, "seed", path), path + ".seed")
        let verdictNodes = try json.elements(json.member(node, "verdicts", path), path + ".verdicts")
        guard verdictNodes.count == statements.count else {
            throw json.fail(path + ".verdicts", "expected one verdict per expectation (\(statements.count)), found \(verdictNodes.count)")
        }
        let verdicts = try zip(statements, verdictNodes).enumerated().map { v, pair in
            let (statement, node) = pair
            let at = path + ".verdicts[\(v)]"
            try json.only(["measured", "references", "limits", "holds"], in: node, at)
            return statement.verdict(
                measured: try json.optionalNumber(json.member(node, "measured", at), at + ".measured"),
                references: try json.elements(json.member(node, "references", at), at + ".references").map { try json.string($0, at + ".references") },
                limits: try json.elements(json.member(node, "limits", at), at + ".limits").map { try json.number($0, at + ".limits") },
                holds: try json.bool(json.member(node, "holds", at), at + ".holds"))
        }
        let repeats = try json.elements(json.member(node, "repeats", path), path + ".repeats").enumerated().map { r, node in
            let at = path + ".repeats[\(r)]"
            try json.only(["architecture", "events", "digests", "difference"], in: node, at)
            let events = try json.elements(json.member(node, "events", at), at + ".events").map { try json.integer($0, at + ".events") }
            let digests = try json.elements(json.member(node, "digests", at), at + ".digests").map { try json.string($0, at + ".digests") }
            guard events.count == 2, digests.count == 2 else { throw json.fail(at, "expected two runs' events and digests") }
            return RepeatedRun(architecture: try json.string(json.member(node, "architecture", at), at + ".architecture"), events: events,
                               digests: digests, difference: try json.optionalString(json.member(node, "difference", at), at + ".difference"))
        }
        let stops = try json.elements(json.member(node, "stops", path), path + ".stops").enumerated().map { s, node in
            let at = path + ".stops[\(s)]"
            try json.only(["text", "architecture", "metric", "why", "measured", "unit", "limits"], in: node, at)
            return Verdict(text: try json.string(json.member(node, "text", at), at + ".text"),
                           architecture: try json.string(json.member(node, "architecture", at), at + ".architecture"),
                           metric: try json.string(json.member(node, "metric", at), at + ".metric"),
                           why: try json.optionalString(json.member(node, "why", at), at + ".why"),
                           measured: try json.optionalNumber(json.member(node, "measured", at), at + ".measured"),
                           unit: try json.string(json.member(node, "unit", at), at + ".unit"), references: [], holds: false,
                           limits: try json.elements(json.member(node, "limits", at), at + ".limits").map { try json.number($0, at + ".limits") })
        }
        let schedule = try json.optionalString(json.member(node, "schedule", path), path + ".schedule")
        return CheckRun(seed: seed, verdicts: verdicts, stops: stops, repeats: repeats, schedule: schedule)
    }
}
