extension CheckReport {
    /// The terminal report: one line per expectation (`PASS` or `FAIL`, scenario, expectation,
    /// outcome); under a sweep the spread of the measured values; under each failure the
    /// scenario's reason and the command that repeats the first failing run; then a total.
    /// `isQuiet` keeps only the failures.
    public func rendered(isQuiet: Bool) -> String {
        let width = scenarios.map(\.name.count).max() ?? 0
        func pad(_ name: String) -> String { name + String(repeating: " ", count: width - name.count) }
        var out = ""
        for scenario in scenarios {
            if scenario.expectations.isEmpty, !isQuiet { out += "SKIP  \(pad(scenario.name))  no expectations\n" }
            for expectation in scenario.expectations where !(isQuiet && expectation.holds) {
                out += (expectation.holds ? "PASS" : "FAIL") + "  \(pad(scenario.name))  \(expectation.text)  \(expectation.outcome())\n"
                let indent = "      " + String(repeating: " ", count: width) + "  "
                if sweep != nil { out += indent + expectation.spread + "\n" }
                if !expectation.holds {
                    if let why = expectation.why { out += indent + "why: " + why + "\n" }
                    if let reproduction = expectation.reproduction { out += indent + "reproduce: " + reproduction + "\n" }
                }
            }
        }
        if !isQuiet { out += "\n" + total + "\n" }
        return out
    }

    /// `check: 5 expectations in 2 scenarios under 50 seeds: 4 held, 1 failed`.
    public var total: String {
        let all = expectations
        let failed = all.filter { !$0.holds }.count
        var text = "check: \(Self.count(all.count, "expectation")) in \(Self.count(scenarios.count, "scenario"))"
        if let sweep { text += " under \(Self.count(sweep.count, "seed"))" }
        text += ": \(all.count - failed) held, \(failed) failed"
        let silent = scenarios.filter(\.expectations.isEmpty).count
        if silent > 0 { text += "; \(Self.count(silent, "scenario")) without expectations" }
        return text
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
