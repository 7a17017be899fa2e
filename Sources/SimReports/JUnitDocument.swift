import SimChecks

/// Writes `ripple check`'s findings as JUnit XML for CI systems: one test suite per scenario,
/// one test case per expectation, run stopped early, determinism check and baseline figure; a failure carries
/// the measured value, the failing seeds and the command that repeats it. A scenario without
/// expectations, and a statement about the mean that a shard leaves to the merge, is a skipped
/// test case. Every `time` is 0 (wall-clock seconds would make the file differ from run to
/// run), and `errors` is 0: a run that cannot be made stops the check before any file is written.
public enum JUnitDocument {
    /// One test case: its name, whether it passed (or was skipped), its message and details.
    struct Case {
        var name: String
        var passed: Bool
        var message: String
        var details: [String]
        var isSkipped = false
    }

    /// The counts and time of a list of test cases, as `testsuites` and `testsuite` attributes.
    static func counts(_ cases: [Case]) -> String {
        "tests=\"\(cases.count)\" failures=\"\(cases.filter { !$0.passed }.count)\" errors=\"0\" "
            + "skipped=\"\(cases.filter(\.isSkipped).count)\" time=\"0\""
    }

    /// How every JUnit file Ripple writes begins: an existing file that does not is the user's.
    public static let opening = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ripple check\" "

    /// The JUnit XML for `report`.
    /// - Complexity: O(c × s log s) for c test cases and s seeds.
    public static func render(_ report: CheckReport) -> String {
        let suites = report.scenarios.map { ($0, cases($0, isSweep: report.sweep != nil)) }
        let all = suites.flatMap(\.1)
        var out = opening + "\(counts(all))>\n"
        for (scenario, cases) in suites {
            let name = XMLEscaping.escaped(scenario.name, isAttribute: true)
            out += "  <testsuite name=\"\(name)\" \(counts(cases))>\n"
            for testcase in cases {
                out += "    <testcase classname=\"\(name)\" name=\"\(XMLEscaping.escaped(testcase.name, isAttribute: true))\" file=\"\(XMLEscaping.escaped(scenario.file, isAttribute: true))\" time=\"0\">\n"
                if testcase.isSkipped {
                    out += "      <skipped message=\"\(XMLEscaping.escaped(testcase.message, isAttribute: true))\"/>\n"
                } else if testcase.passed {
                    out += "      <system-out>\(XMLEscaping.escaped(([testcase.message] + testcase.details).joined(separator: "\n")))</system-out>\n"
                } else {
                    out += "      <failure message=\"\(XMLEscaping.escaped(testcase.message, isAttribute: true))\">\(XMLEscaping.escaped(testcase.details.joined(separator: "\n")))</failure>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// A scenario's test cases: its expectations (those a shard leaves to the merge skipped),
    /// its determinism check and its baseline figures; one skipped case when it has none.
    static func cases(_ scenario: CheckedScenario, isSweep: Bool) -> [Case] {
        var cases = scenario.expectations.map { expectation in
            guard !expectation.isDeferred else {
                return Case(name: expectation.text, passed: true, message: expectation.outcome(), details: [], isSkipped: true)
            }
            return self.expectation(case: expectation, isSweep: isSweep)
        }
        for stopped in scenario.stoppedRuns {
            // Named with its seed: runs stopped alike under two seeds would be one case of one name.
            cases.append(Case(name: stopped.text + " with seed \(stopped.seed)", passed: false, message: stopped.outcome,
                              details: (stopped.verdict.why.map { ["why: " + $0] } ?? []) + ["reproduce: " + stopped.reproduction]))
        }
        if let determinism = scenario.determinism {
            cases.append(Case(name: CheckedDeterminism.text, passed: determinism.holds, message: determinism.outcome(),
                              details: determinism.details + (determinism.reproduction.map { ["reproduce: " + $0] } ?? [])))
        }
        for check in scenario.baselineChecks {
            let reproduction = check.holds ? nil : scenario.baselineReproduction
            cases.append(Case(name: check.text, passed: check.holds, message: check.outcome, details: reproduction.map { ["reproduce: " + $0] } ?? []))
        }
        if cases.isEmpty { cases.append(Case(name: "no expectations", passed: true, message: "no expectations", details: [], isSkipped: true)) }
        return cases
    }

    /// A passing case's seed summary, or a failure with its first failing run.
    static func expectation(case expectation: CheckedExpectation, isSweep: Bool) -> Case {
        var details = isSweep ? [expectation.spread] : []
        guard !expectation.holds else {
            let summary = isSweep || expectation.isAboutTheMean ? expectation.outcome() : expectation.outcome() + " with seed \(expectation.seeds[0])"
            return Case(name: expectation.text, passed: true, message: summary, details: details)
        }
        var message: String
        if !expectation.isAboutTheMean, let seed = expectation.failingSeeds.first, let run = expectation.seeds.firstIndex(of: seed) {
            message = failure(expectation.verdicts[run]) + " with seed \(seed)"
            if isSweep { message += "; " + expectation.outcome() }
        } else {
            message = expectation.outcome()
        }
        if let why = expectation.why { details.append("why: " + why) }
        if let reproduction = expectation.reproduction { details.append("reproduce: " + reproduction) }
        return Case(name: expectation.text, passed: false, message: message, details: details)
    }

    /// What a failing run measured and the limit it was held to: `"measured 40.8 ms (sync 109 ms),
    /// limit 10.9 ms"`; `"no data"` when the run had no value to judge.
    static func failure(_ verdict: Verdict) -> String {
        guard verdict.measured != nil else { return "no data" }
        let limit = verdict.limits.isEmpty || verdict.unit == Verdict.truthUnit ? "" : ", limit " + verdict.limitText
        return "measured " + verdict.measurement + limit
    }
}
