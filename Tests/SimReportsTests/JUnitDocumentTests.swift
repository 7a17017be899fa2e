import Testing
import SimChecks
@testable import SimReports

/// JUnit XML stays well formed whatever the names hold.
struct JUnitDocumentTests {
    @Test func escapesMarkupAndDropsWhatXMLCannotHold() {
        #expect(XMLEscaping.escaped("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
        #expect(XMLEscaping.escaped("line\nnext\u{1}") == "line\nnext\u{FFFD}")
        #expect(XMLEscaping.escaped("line\nnext\tx", isAttribute: true) == "line&#10;next&#9;x")
    }

    @Test func countsEveryExpectationFailureAndSkippedScenario() {
        let held = Verdict(text: "sync requests.failed = 0", architecture: "sync", metric: "requests.failed", why: nil,
                           measured: 0, unit: "", references: [], holds: true)
        var failed = held
        failed.holds = false
        failed.measured = 3
        let statement = ExpectationStatement(text: held.text, architecture: "sync", metric: "requests.failed", why: nil, unit: "", comparison: .equals)
        let report = CheckReport(sweep: nil, scenarios: [
            CheckedScenario(name: "x", file: "x.json", expectations: [
                CheckedExpectation(scenario: "x", file: "x.json", statement: statement, seeds: [4], verdicts: [held]),
                CheckedExpectation(scenario: "x", file: "x.json", statement: statement, seeds: [4], verdicts: [failed]),
            ]),
            CheckedScenario(name: "quiet", file: "q.json", expectations: []),
        ])
        let xml = JUnitDocument.render(report)
        #expect(xml.contains("<testsuites name=\"ripple check\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\" time=\"0\">"))
        #expect(xml.contains("<testsuite name=\"x\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0\">"))
        #expect(xml.contains("<system-out>measured 0 with seed 4</system-out>"))
        #expect(xml.contains("<failure message=\"measured 3 with seed 4\">reproduce: ripple run x.json --seed 4</failure>"))
        var limited = failed
        limited.limits = [2]
        #expect(JUnitDocument.failure(limited) == "measured 3, limit 2", "a failure names the limit it broke")
        limited.measured = nil
        #expect(JUnitDocument.failure(limited) == "no data")
        // A scenario without expectations is there, as a skipped test case.
        #expect(xml.contains("""
          <testsuite name="quiet" tests="1" failures="0" errors="0" skipped="1" time="0">
            <testcase classname="quiet" name="no expectations" file="q.json" time="0">
              <skipped message="no expectations"/>
            </testcase>
        """))
    }
}
