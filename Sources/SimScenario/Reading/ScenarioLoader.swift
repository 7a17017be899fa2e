import SimKernel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads scenario files from disk: bytes, then strict JSON, then a validated `Scenario`.
public enum ScenarioLoader {
    /// Loads and validates the scenario at `path`, refusing one whose run's memory estimate
    /// passes `memoryBudget` bytes.
    /// - Throws: `ScenarioError` listing every problem, each with its JSON path.
    /// With `swarming` (`--swarm`), its runs use the swarm's draws, and the estimate is at its largest.
    public static func load(path: String, memoryBudget: Int64 = MemoryEstimate.defaultBudget, swarming: Bool = false) throws(ScenarioError) -> Scenario {
        let bytes = try readBytes(path)
        return try parse(bytes, file: path, memoryBudget: memoryBudget, swarming: swarming)
    }

    /// Validates scenario `bytes`; `file` names them in messages.
    public static func parse(_ bytes: [UInt8], file: String, memoryBudget: Int64 = MemoryEstimate.defaultBudget,
                             swarming: Bool = false) throws(ScenarioError) -> Scenario {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(file: file, syntax: error)
        }
        var scenario = try scenario(from: root, file: file, memoryBudget: memoryBudget, swarming: swarming)
        scenario.fileHash = FNV1a64.hash(bytes)
        return scenario
    }

    /// Validates a parsed scenario document; `file` names it in messages. A scenario whose
    /// run's memory estimate passes `memoryBudget` bytes is refused, at the field that drives it;
    /// what the budget leaves sets its line limit (`MemoryEstimate.lineLimit(budget:)`). With
    /// `swarming`, its runs use the swarm's draws, and one whose largest draw passes the budget
    /// is refused at `swarm`.
    public static func scenario(from root: JSONNode, file: String, memoryBudget: Int64 = MemoryEstimate.defaultBudget,
                                swarming: Bool = false) throws(ScenarioError) -> Scenario {
        guard root.objectMembers != nil else {
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: "", message: "expected a JSON object describing a scenario, found \(root.kindDescription)", position: root.location)])
        }
        let reader = ScenarioReader()
        let scenario = reader.read(root)
        if let scenario, canEstimateMemory(despite: reader.log.issues),
           let (path, message) = MemoryEstimate(scenario).refusal(budget: memoryBudget) {
            reader.log.add(path, message, at: (try? root.node(at: path))?.location ?? root.location)
        }
        guard var scenario, reader.log.issues.isEmpty else {
            // File order: by position (stable, so issues at one place keep the order they were found in).
            let ordered = reader.log.issues.enumerated().sorted { a, b in
                let pa = a.element.position.map { ($0.line, $0.column) } ?? (0, 0)
                let pb = b.element.position.map { ($0.line, $0.column) } ?? (0, 0)
                return pa != pb ? pa < pb : a.offset < b.offset
            }.map(\.element)
            throw ScenarioError(file: file, issues: ordered)
        }
        scenario.memoryBudget = memoryBudget
        guard swarming, scenario.swarm != nil else {
            scenario.world.lineLimit = scenario.memoryEstimate.lineLimit(budget: memoryBudget)
            return scenario
        }
        scenario.isSwarming = true  // draws, and sets the line limit at the largest draw
        if let (_, message) = scenario.memoryEstimate.refusal(budget: memoryBudget) {
            let location = (try? root.node(at: "swarm"))?.location ?? root.location
            throw ScenarioError(file: file, issues: [ScenarioIssue(path: "swarm", message: "with --swarm, at its largest draw (the highest rate, "
                                                                       + "every fault for its longest), \(message); or narrow the swarm's rate "
                                                                       + "and fault lengths", position: location)])
        }
        return scenario
    }

    /// Whether a scenario read with `issues` still gives a memory estimate that is not larger
    /// than the file means: a field that did not read stands in as its default (or, for an
    /// architecture, is left out), which only lowers the estimate, except for `sampleEvery`
    /// and `workload.keys`, whose defaults may be finer or more than the file meant.
    static func canEstimateMemory(despite issues: [ScenarioIssue]) -> Bool {
        !issues.contains { issue in
            ["sampleEvery", "workload.keys"].contains { issue.path == $0 || issue.path.hasPrefix($0 + ".") }
        }
    }

    /// The bytes of the file at `path`, at most one past the size limit.
    public static func readBytes(_ path: String) throws(ScenarioError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "", message: missingFileMessage(path), position: nil)])
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "", message: "is a folder; expected a scenario file (.json)", position: nil)])
        }
        // One byte past the limit, so an oversized file is refused without loading it whole.
        guard let bytes = FileBytes.contents(of: path, upTo: JSONParser.maximumBytes + 1) else {
            throw ScenarioError(file: path, issues: [ScenarioIssue(path: "", message: "cannot be read (permissions?)", position: nil)])
        }
        return bytes
    }

    /// Why nothing readable stands at `path`: `no such file`, or a symbolic link that leads
    /// nowhere (a loop, or a target that is missing).
    static func missingFileMessage(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return "no such file" }
        if stat(path, &status) != 0, errno == ELOOP {
            return "is a symbolic-link loop: following its links never reaches a file"
        }
        return "is a symbolic link to a file that does not exist"
    }

    /// The scenario file at `path` as a JSON document, checked as JSON but not yet as a
    /// scenario: a sweep edits it, then validates each edit with `scenario(from:file:)`.
    /// - Throws: `ScenarioError` for a file that cannot be read or is not well-formed JSON.
    public static func document(path: String) throws(ScenarioError) -> JSONNode {
        let bytes = try readBytes(path)
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(file: path, syntax: error)
        }
    }
}
