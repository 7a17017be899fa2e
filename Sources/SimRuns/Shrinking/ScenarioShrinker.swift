import SimChecks
import SimMetrics
import SimScenario

/// Searches for a smaller scenario that still fails one expectation under one seed, for the
/// same reason: removes faults and chaos, halves fault windows, the arrival rate, the duration
/// and the drain, keeping each step after which the expectation fails as it first did (the
/// same `FailureReason`), until no step does or the run limit is reached.
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
    /// The memory budget each candidate is loaded under: it sets the runs' line limit.
    public var memoryBudget: Int64

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
        /// Why the target failed, in the original scenario and after every step kept.
        public var reason: FailureReason
    }

    /// A search for a smaller version of `file` that still fails `target` under `seed`, making
    /// at most `runLimit` runs.
    public init(file: String, seed: UInt64, target: String, runLimit: Int = 200, memoryBudget: Int64 = MemoryEstimate.defaultBudget) {
        self.file = file
        self.seed = seed
        self.target = target
        self.runLimit = runLimit
        self.memoryBudget = memoryBudget
    }

    /// The first expectation (about single runs) that fails when `scenario` runs under `seed`,
    /// or `nil` when all hold.
    public static func firstFailure(in scenario: Scenario, seed: UInt64) -> Expectation? {
        var scenario = scenario
        scenario.setSeed(seed)
        scenario.expectations.removeAll(where: \.isAboutTheMean)
        let verdicts = ScenarioRunner.check(scenario)
        return zip(scenario.expectations, verdicts).first { !$0.1.holds }?.0
    }

    /// Shrinks `document`, which should fail the target under the seed; `nil` when it does not
    /// (or is not a valid scenario stating the target). A step is kept only when the target
    /// fails after it for the reason it failed at first.
    public func shrink(_ document: JSONNode) -> Result? {
        guard case .fails(let reason) = trial(document) else { return nil }
        var result = Result(document: document, steps: [], runs: 1, hitLimit: false, reason: reason)
        var improved = true
        while improved {
            improved = false
            for candidate in Self.candidates(of: result.document) {
                guard result.runs < runLimit else { result.hitLimit = true; return result }
                let outcome = trial(candidate.document)
                guard outcome != .invalid else { continue }  // no run made
                result.runs += 1
                if outcome == .fails(reason) {
                    result.document = candidate.document
                    result.steps.append(candidate.step)
                    improved = true
                    break
                }
            }
        }
        return result
    }

    /// What running one candidate showed about the target.
    public enum Trial: Equatable {
        /// The document is not a valid scenario stating the target: nothing was run.
        case invalid
        /// The target held.
        case holds
        /// The target failed, for this reason.
        case fails(FailureReason)
    }

    /// Runs `document` under the seed and says whether and why the target failed.
    public func trial(_ document: JSONNode) -> Trial {
        guard var scenario = try? ScenarioLoader.scenario(from: document, file: file, memoryBudget: memoryBudget),
              let expectation = scenario.expectations.first(where: { $0.text == target && !$0.isAboutTheMean }) else { return .invalid }
        scenario.setSeed(seed)
        let outcomes = ScenarioRunner.run(scenario, only: expectation.architecturesRead)
        let measurements = Measurements(scenario: scenario, outcomes: outcomes)
        let verdict = expectation.evaluate(in: measurements)
        return FailureReason(verdict, comparison: expectation.comparison, in: measurements).map(Trial.fails) ?? .holds
    }

    /// `name` marked as shrunk, `<name>.shrunk`, its end cut where needed to stay within the
    /// 100 characters a name may have.
    static func shrunkName(of name: String) -> String {
        let mark = ".shrunk"
        return String(name.prefix(NameRule.maximumLength - mark.count)) + mark
    }

    /// The document as the scenario file to write: `seed` set to the seed (so the file fails
    /// as it is), the name marked as shrunk and the description saying where it came from.
    public func finished(_ document: JSONNode, name: String) -> JSONNode {
        let number = JSONNode(value: .number(String(seed)), location: document.location)
        let description = document.member("description")?.stringValue.map { " " + $0 } ?? ""
        return document
            .setting("name", to: document.string(Self.shrunkName(of: name)))
            .setting("description", to: document.string("Shrunk by ripple shrink from \(file) under seed \(seed).\(description)"), after: "name")
            .setting("seed", to: number, after: "description")
    }
}
