/// Writes `ripple check`'s findings as JUnit XML for CI systems: one test suite per scenario,
/// one test case per expectation; a failure carries the measured value, the failing seeds and
/// the command that repeats the first failing run. No timings, so the file is reproducible.
public enum JUnitDocument {
    public static func render(_ report: CheckReport) -> String {
        let all = report.expectations
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"ripple check\" tests=\"\(all.count)\" failures=\"\(all.filter { !$0.holds }.count)\">\n"
        for scenario in report.scenarios where !scenario.expectations.isEmpty {
            let failures = scenario.expectations.filter { !$0.holds }.count
            out += "  <testsuite name=\"\(XMLEscaping.escaped(scenario.name, isAttribute: true))\" tests=\"\(scenario.expectations.count)\" failures=\"\(failures)\">\n"
            for expectation in scenario.expectations {
                out += "    <testcase classname=\"\(XMLEscaping.escaped(scenario.name, isAttribute: true))\" name=\"\(XMLEscaping.escaped(expectation.text, isAttribute: true))\" file=\"\(XMLEscaping.escaped(scenario.file, isAttribute: true))\">\n"
                out += testcaseBody(expectation, isSweep: report.sweep != nil)
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// A passing case's seed summary, or a failure with its first failing run.
    static func testcaseBody(_ expectation: CheckedExpectation, isSweep: Bool) -> String {
        guard let seed = expectation.failingSeeds.first, let run = expectation.seeds.firstIndex(of: seed) else {
            let summary = isSweep ? expectation.outcome() + "\n" + expectation.spread : expectation.outcome() + " with seed \(expectation.seeds[0])"
            return "      <system-out>\(XMLEscaping.escaped(summary))</system-out>\n"
        }
        var message = "measured \(expectation.verdicts[run].measurement) with seed \(seed)"
        if isSweep { message += "; " + expectation.outcome() }
        var details = isSweep ? [expectation.spread] : []
        if let why = expectation.why { details.append("why: " + why) }
        if let reproduction = expectation.reproduction { details.append("reproduce: " + reproduction) }
        return "      <failure message=\"\(XMLEscaping.escaped(message, isAttribute: true))\">\(XMLEscaping.escaped(details.joined(separator: "\n")))</failure>\n"
    }
}
