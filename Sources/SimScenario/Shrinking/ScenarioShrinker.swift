import SimReports

/// Searches for a smaller scenario that still fails one expectation under one seed: removes
/// faults and chaos, halves fault windows, the arrival rate, the duration and the drain,
/// keeping each step that keeps the failure, until no step does or the run limit is reached.
///
/// It edits the scenario's parsed document, so the result keeps the file's structure and
/// member order, and every candidate is validated like a file before it runs.
public struct ScenarioShrinker {
    /// The file as the user named it, for messages.
    public var file: String
    /// The seed the failure happens under.
    public var seed: UInt64
    /// The text of the expectation that must keep failing.
    public var target: String
    /// A limit on runs, the first (which confirms the failure) included.
    public var runLimit: Int

    /// What a search found.
    public struct Result {
        /// The smallest failing document found.
        public var document: JSONNode
        /// Each step kept, in order, as a line such as `removed faults[1]: {…}`.
        public var steps: [String]
        /// How many runs the search made.
        public var runs: Int
        /// Whether it stopped at the run limit rather than because no step kept the failure.
        public var hitLimit: Bool
    }

    /// A search for a smaller version of `file` that still fails `target` under `seed`, making
    /// at most `runLimit` runs.
    public init(file: String, seed: UInt64, target: String, runLimit: Int = 200) {
        self.file = file
        self.seed = seed
        self.target = target
        self.runLimit = runLimit
    }

    /// The first expectation (about single runs) that fails when `scenario` runs under `seed`,
    /// or `nil` when all hold.
    public static func firstFailure(in scenario: Scenario, seed: UInt64) -> Expectation? {
        var scenario = scenario
        scenario.setSeed(seed)
        scenario.expectations.removeAll(where: \.isAboutTheMean)
        let verdicts = ScenarioRunner.check(scenario, version: "shrink")
        return zip(scenario.expectations, verdicts).first { !$0.1.holds }?.0
    }

    /// Shrinks `document`, which should fail the target under the seed; `nil` when it does not
    /// (or is not a valid scenario stating the target).
    public func shrink(_ document: JSONNode) -> Result? {
        guard fails(document) == true else { return nil }
        var result = Result(document: document, steps: [], runs: 1, hitLimit: false)
        var improved = true
        while improved {
            improved = false
            for candidate in Self.candidates(of: result.document) {
                guard result.runs < runLimit else { result.hitLimit = true; return result }
                guard let failing = fails(candidate.document) else { continue }  // invalid: no run made
                result.runs += 1
                if failing {
                    result.document = candidate.document
                    result.steps.append(candidate.step)
                    improved = true
                    break
                }
            }
        }
        return result
    }

    /// Whether `document` is a valid scenario that fails the target under the seed; `nil` when
    /// it is not valid (or no longer states the target), so nothing was run.
    public func fails(_ document: JSONNode) -> Bool? {
        guard var scenario = try? ScenarioLoader.scenario(from: document, file: file),
              let expectation = scenario.expectations.first(where: { $0.text == target && !$0.isAboutTheMean }) else { return nil }
        scenario.setSeed(seed)
        let outcomes = ScenarioRunner.run(scenario, only: expectation.architecturesRead)
        let report = RunReport(scenario: scenario, outcomes: outcomes, version: "shrink")
        return !expectation.evaluate(in: MetricsDocument.document(report)).holds
    }

    /// The document as the scenario file to write: `seed` set to the seed (so the file fails
    /// as it is), the name marked as shrunk and the description saying where it came from.
    public func finished(_ document: JSONNode, name: String) -> JSONNode {
        let number = JSONNode(value: .number(String(seed)), location: document.location)
        let description = document.member("description")?.stringValue.map { " " + $0 } ?? ""
        return document
            .setting("name", to: document.string(name + ".shrunk"))
            .setting("description", to: document.string("Shrunk by ripple shrink from \(file) under seed \(seed).\(description)"), after: "name")
            .setting("seed", to: number, after: "description")
    }
}
