import Foundation
import Testing
@testable import RippleCommands
import SimChecks

/// `ripple run` checks the scenario's expectations after the run: it prints a verdict for
/// each, writes them into summary.md and metrics.json, and exits 1 when one fails.
struct RunCommandExpectationTests {
    @Test func expectationsThatHoldExitZero() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("holds", expectations: TestScenarios.holding, in: folder)
        let result = TestScenarios.ripple(["run", file, "--out", folder + "/report"])
        #expect(result.status == 0)
        #expect(result.output.contains("\nexpectations\n  ✓ events requests.failed = 0: 0\n      measured 0, limit 0\n  ✓ events latency.success.p99Ms ≤ sync: "))
        #expect(!result.output.contains("reproduce:"))
        let summary = try String(contentsOfFile: folder + "/report/summary.md", encoding: .utf8)
        #expect(summary.contains("\n## Expectations\n\n- ✓ events requests.failed = 0: 0; limit 0\n- ✓ events latency.success.p99Ms ≤ sync: "))
        #expect(summary.contains("\n**Verdict: passed** (2 passed)\n"))
        let page = try String(contentsOfFile: folder + "/report/report.html", encoding: .utf8)
        #expect(page.contains("<section id=\"verdict\" class=\"verdict passed\">"))
    }

    @Test func aFailedExpectationExitsOneAndSaysWhy() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("fails", expectations: TestScenarios.holding + "," + TestScenarios.failing, in: folder)
        let result = TestScenarios.ripple(["run", file, "--out", folder + "/report"])
        #expect(result.status == 1)
        #expect(result.output.contains("  ✗ sync latency.success.p99Ms < 1ms: "))
        #expect(result.output.contains("\n      why: nothing is that fast\n      reproduce: ripple run \(file) --seed 7\n"))
        let summary = try String(contentsOfFile: folder + "/report/summary.md", encoding: .utf8)
        #expect(summary.contains("- ✗ sync latency.success.p99Ms < 1ms: "))
        #expect(summary.contains("\n**Verdict: failed** (2 passed, 1 failed)\n"))
        let page = try String(contentsOfFile: folder + "/report/report.html", encoding: .utf8)
        #expect(page.contains("<section id=\"verdict\" class=\"verdict failed\">\n<p>\n<strong>Failed</strong>"))
        #expect(page.contains("<td class=\"why\">nothing is that fast</td>"))
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report/metrics.json"))) as? [String: Any]
        let expectations = try #require(metrics?["expectations"] as? [[String: Any]])
        #expect(expectations.map { $0["passed"] as? Bool } == [true, true, false])
        #expect(metrics?["verdict"] as? String == "failed")
        #expect(expectations.map { $0["text"] as? String }.last == "sync latency.success.p99Ms < 1ms")
        #expect((expectations.last?["measured"] as? Double ?? 0) >= 1)
        #expect(TestScenarios.ripple(["run", file, "--out", folder + "/quiet", "--quiet"]).output.hasPrefix("fails: ✗ sync latency.success.p99Ms < 1ms: "))
    }

    /// With --only, expectations reading an architecture that did not run are left out, and said so.
    @Test func onlySkipsExpectationsOnArchitecturesNotRun() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("only", expectations: TestScenarios.holding + "," + TestScenarios.failing, in: folder)
        let result = TestScenarios.ripple(["run", file, "--out", folder + "/report", "--only", "events"])
        #expect(result.status == 0)
        #expect(result.output.contains("  ✓ events requests.failed = 0: 0\n      measured 0, limit 0\n  (2 not checked: they read an architecture left out by --only)\n"))
        // The reports say so too, so a partial check never reads as a whole one.
        let summary = try String(contentsOfFile: folder + "/report/summary.md", encoding: .utf8)
        #expect(summary.contains("\n**Verdict: passed** (1 passed; 2 not checked: they read an architecture left out by --only)\n"))
        let page = try String(contentsOfFile: folder + "/report/report.html", encoding: .utf8)
        #expect(page.contains("<strong>Passed</strong>\n — 1 of 1 expectation held (1 passed); 2 not checked: they read an architecture left out by --only.\n"))
        let metrics = try String(contentsOfFile: folder + "/report/metrics.json", encoding: .utf8)
        #expect(metrics.contains("\"unchecked\": [\n    \"2 not checked: they read an architecture left out by --only\"\n  ],\n  \"verdict\": \"passed\""))
    }

    /// When --only leaves out every architecture the expectations read, the run is not said to
    /// state none.
    @Test func onlyLeavingOutEveryExpectationSaysNoneWasChecked() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("none", expectations: TestScenarios.holding, in: folder)
        _ = TestScenarios.ripple(["run", file, "--out", folder + "/report", "--only", "sync"])
        let page = try String(contentsOfFile: folder + "/report/report.html", encoding: .utf8)
        #expect(page.contains("<strong>Not checked</strong>\n — no expectation was checked; 2 not checked: they read an architecture left out by --only.\n"))
        #expect(!page.contains("states no expectations"))
        let summary = try String(contentsOfFile: folder + "/report/summary.md", encoding: .utf8)
        #expect(summary.contains("\n**Verdict: not checked** (2 not checked: they read an architecture left out by --only)\n"))
        let metrics = try String(contentsOfFile: folder + "/report/metrics.json", encoding: .utf8)
        #expect(metrics.contains("\"verdict\": \"not checked\""))
    }
}

/// `ripple run --check-determinism` runs each architecture twice and says both runs agree.
struct RunCommandDeterminismTests {
    @Test func eachArchitectureRunsTwiceAlike() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try TestScenarios.write("twice", expectations: TestScenarios.holding, in: folder)
        let result = TestScenarios.ripple(["run", file, "--out", folder + "/report", "--check-determinism"])
        #expect(result.status == 0)
        #expect(result.output.contains("\ndeterminism: each architecture ran twice\n  ✓ sync: the same "))
        #expect(result.output.contains(" events in both runs (digest "))
        let quiet = TestScenarios.ripple(["run", file, "--out", folder + "/quiet", "--check-determinism", "--quiet"])
        #expect(quiet.status == 0 && quiet.output.isEmpty)
        // The report is the one a plain run writes.
        _ = TestScenarios.ripple(["run", file, "--out", folder + "/plain"])
        #expect(try String(contentsOfFile: folder + "/report/metrics.json", encoding: .utf8) == String(contentsOfFile: folder + "/plain/metrics.json", encoding: .utf8))
    }
}
