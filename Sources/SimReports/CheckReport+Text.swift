import SimChecks
import SimMetrics

extension CheckReport {
    /// The terminal report: one line per check (`PASS`, `FAIL` or `SKIP`, scenario, check,
    /// outcome); under a sweep the spread of the measured values; under each failure the
    /// scenario's reason and the command that repeats it; then a total. `isQuiet` keeps only
    /// the failures.
    public func rendered(isQuiet: Bool) -> String {
        let width = Self.nameWidth(scenarios.map(\.name))
        var out = scenarios.map { Self.rendered($0, nameWidth: width, isQuiet: isQuiet, isSweep: sweep != nil) }.joined()
        if !isQuiet { out += "\n" + total + "\n" }
        return out
    }

    /// The width of the scenario column for scenarios named `names`.
    public static func nameWidth(_ names: [String]) -> Int { names.map(\.count).max() ?? 0 }

    /// One scenario's lines of the terminal report (see `rendered(isQuiet:)`), its name padded to
    /// `nameWidth`, with each expectation's spread when `isSweep`: what `ripple check` prints as
    /// soon as the scenario's runs (and every earlier scenario's) are done.
    public static func rendered(_ scenario: CheckedScenario, nameWidth width: Int, isQuiet: Bool, isSweep: Bool) -> String {
        let indent = "      " + String(repeating: " ", count: width) + "  "
        var out = ""
        func line(_ status: String, _ scenario: CheckedScenario, _ text: String, _ outcome: String) {
            out += status + "  " + scenario.name + String(repeating: " ", count: width - scenario.name.count) + "  " + text
            out += (outcome.isEmpty ? "" : "  " + outcome) + "\n"
        }
        if !isQuiet { for drawn in scenario.schedules { line("DRAW", scenario, "seed \(drawn.seed):", drawn.schedule) } }
        if scenario.expectations.isEmpty, scenario.determinism == nil, !isQuiet { line("SKIP", scenario, "no expectations", "") }
        for expectation in scenario.expectations where !(isQuiet && expectation.holds) {
            line(expectation.isDeferred ? "SKIP" : expectation.holds ? "PASS" : "FAIL", scenario, expectation.text, expectation.outcome())
            if isSweep, !expectation.isDeferred { out += indent + expectation.spread + "\n" }
            if !expectation.holds {
                if let why = expectation.why { out += indent + "why: " + why.printable + "\n" }
                if let reproduction = expectation.reproduction { out += indent + "reproduce: " + reproduction + "\n" }
            }
        }
        for stopped in scenario.stoppedRuns {
            line("FAIL", scenario, stopped.text, stopped.outcome)
            if let why = stopped.verdict.why { out += indent + "why: " + why.printable + "\n" }
            out += indent + "reproduce: " + stopped.reproduction + "\n"
        }
        if let determinism = scenario.determinism, !(isQuiet && determinism.holds) {
            line(determinism.holds ? "PASS" : "FAIL", scenario, CheckedDeterminism.text, determinism.outcome())
            for detail in determinism.details { out += indent + detail + "\n" }
            if let reproduction = determinism.reproduction { out += indent + "reproduce: " + reproduction + "\n" }
        }
        for check in scenario.baselineChecks where !(isQuiet && check.holds) {
            line(check.holds ? "PASS" : "FAIL", scenario, check.text, check.outcome)
        }
        if let reproduction = scenario.baselineReproduction { out += indent + "reproduce: " + reproduction + "\n" }
        return out
    }

    /// `check: 5 expectations in 2 scenarios under 50 seeds: 4 held, 1 failed`, then how the
    /// determinism and baseline checks went, when there were any.
    public var total: String {
        let all = expectations
        let deferred = all.filter(\.isDeferred).count
        let failed = all.filter { !$0.holds }.count
        var text = "check"
        if let shard { text += ", shard \(shard.index) of \(shard.count) (\(shard.runs) of \(Self.count(shard.totalRuns, "run")))" }
        text += ": \(Self.count(all.count, "expectation")) in \(Self.count(scenarios.count, "scenario"))"
        if let sweep { text += " under \(Self.count(sweep.count, "seed"))" }
        text += ": \(all.count - failed - deferred) held, \(failed) failed"
        if deferred > 0 { text += ", \(deferred) left to the merge" }
        let stopped = stoppedRuns.count
        if stopped > 0 { text += "; \(Self.count(stopped, "run")) stopped early" }
        let repeated = determinism
        if !repeated.isEmpty {
            text += "; runs alike twice in \(repeated.filter(\.holds).count) of \(Self.count(repeated.count, "scenario"))"
        }
        let baseline = baselineChecks
        if !baseline.isEmpty {
            let worse = baseline.filter { !$0.holds }.count
            text += "; \(Self.count(baseline.count, "baseline figure")): \(baseline.count - worse) within tolerance, \(worse) not"
        }
        let silent = scenarios.filter(\.expectations.isEmpty).count
        if silent > 0 { text += "; \(Self.count(silent, "scenario")) without expectations" }
        return text
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
