import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RippleCommands

/// `ripple check` as CI meets it: a line per expectation, the command that repeats a failure,
/// exit 1 when anything fails, the same output whatever the number of threads, and JUnit XML.
struct CheckCommandTests {
    let ripple = TestScenarios.ripple

    /// A folder with one scenario whose expectations hold and one where one fails.
    func folder() throws -> String {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("b-fails", expectations: TestScenarios.holding + "," + TestScenarios.failing, in: folder)
        try TestScenarios.write("a-holds", expectations: TestScenarios.holding, in: folder)
        return folder
    }

    @Test func expectationsThatHoldPassAndExitZero() throws {
        let file = try TestScenarios.write("holds", expectations: TestScenarios.holding, in: TestScenarios.temporaryFolder())
        let result = ripple(["check", file])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("""
        PASS  holds  events requests.failed = 0  measured 0
        PASS  holds  events latency.success.p99Ms ≤ sync  measured 5 ms (sync 
        """))
        #expect(result.output.hasSuffix("\n\ncheck: 2 expectations in 1 scenario: 2 held, 0 failed\n"))
        // Before the runs, their limits, on standard error (standard output is the results).
        #expect(result.errors.hasPrefix("check — limits: each run stops after 2 000 000 000 events, or once "), "\(result.errors)")
        #expect(result.errors.contains(" wait in one line or backlog (a 2 GiB memory budget less the "))
        #expect(ripple(["check", file, "--quiet"]).errors.isEmpty)
    }

    /// Scenarios of different sizes give a range, each its own estimate.
    @Test func theLimitsOfSeveralScenariosAreARange() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("few-keys", expectations: TestScenarios.holding, in: folder)
        let many = try String(contentsOfFile: TestScenarios.write("many-keys", expectations: TestScenarios.holding, in: folder), encoding: .utf8)
        try many.replacingOccurrences(of: #""count": 100"#, with: #""count": 1000000"#)
            .write(toFile: folder + "/many-keys.json", atomically: true, encoding: .utf8)
        let result = ripple(["check", folder])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains(" to ") && result.errors.contains("memory budget less each scenario's estimate ("), "\(result.errors)")
    }

    @Test func aFailureNamesTheCommandThatRepeatsIt() throws {
        let folder = try folder()
        let result = ripple(["check", folder])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Folders expand to their scenario files sorted by path.
        #expect(lines.map { String($0.prefix(13)) }.prefix(5) == ["PASS  a-holds", "PASS  a-holds", "PASS  b-fails", "PASS  b-fails", "FAIL  b-fails"])
        #expect(lines[4].hasPrefix("FAIL  b-fails  sync latency.success.p99Ms < 1ms  measured "))
        #expect(lines[5] == "               why: nothing is that fast")
        #expect(lines[6] == "               reproduce: ripple run \(folder)/b-fails.json --seed 7")
        #expect(lines.suffix(2) == ["check: 5 expectations in 2 scenarios: 4 held, 1 failed", ""])
        #expect(ripple(["check", folder, "--quiet"]).output == lines[4...6].joined(separator: "\n") + "\n")
        // The reproduction command reproduces: the same failure, exit 1.
        let rerun = ripple(["run", "\(folder)/b-fails.json", "--seed", "7", "--out", folder + "/rerun"])
        #expect(rerun.status == 1)
        #expect(rerun.output.contains("✗ sync latency.success.p99Ms < 1ms: " + lines[4].components(separatedBy: "measured ")[1]))
        // The report now kept in the scenario folder is no scenario: its metrics.json and trace.json are left out.
        #expect(FileManager.default.fileExists(atPath: folder + "/rerun/metrics.json"))
        #expect(ripple(["check", folder, "--quiet"]).output == lines[4...6].joined(separator: "\n") + "\n")
    }

    /// Sweeping seeds, the output lists the failing seeds and the spread of the metric, and is
    /// byte-identical on one thread and on four.
    @Test func aSweepGivesTheSameOutputWhateverTheJobs() throws {
        let file = try TestScenarios.write("sweep", expectations: """
        {"metric": "latency.success.p99Ms", "architecture": "sync", "below": "50ms"},
        {"metric": "latency.success.p99Ms", "architecture": "events", "atMost": {"ratioOf": "sync", "times": 0.5}}
        """, in: TestScenarios.temporaryFolder())
        let one = ripple(["check", file, "--seeds", "1..12", "--jobs", "1"])
        let four = ripple(["check", file, "--seeds", "1..12", "--jobs", "4"])
        #expect(one.status == 1 && four.status == 1)
        #expect(one.output == four.output)
        let lines = one.output.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("FAIL  sweep  sync latency.success.p99Ms < 50ms  failed under "))
        #expect(!lines[0].contains("failed under 12 of 12"))
        #expect(lines[1].hasPrefix("             min ") && lines[1].contains("  median ") && lines[1].contains("  p95 ") && lines[1].contains("  max "))
        let firstFailing = try #require(lines[0].components(separatedBy: ": ").last?.components(separatedBy: ",").first)
        #expect(lines[2] == "             reproduce: ripple run \(file) --seed \(firstFailing)")
        #expect(lines[3] == "PASS  sweep  events latency.success.p99Ms ≤ 0.5 × sync  held under all 12 seeds")
        #expect(lines.last == "check: 2 expectations in 1 scenario under 12 seeds: 1 held, 1 failed")
        // The failing seed really fails on its own, and a passing one passes.
        #expect(ripple(["check", file, "--seeds", firstFailing]).status == 1)
    }

    @Test func junitHasOneTestcasePerExpectationAndCountsFailures() throws {
        let folder = try folder()
        let xml = folder + "/junit.xml"
        #expect(ripple(["check", folder, "--seeds", "1..3", "--junit", xml, "--quiet"]).status == 1)
        let counts = try JUnitCounts(contentsOf: xml)
        #expect(counts.testcases == 5)
        #expect(counts.failures == 1)
        #expect(counts.suites == ["a-holds", "b-fails"])
        #expect(counts.attributes["testsuites"]?["failures"] == "1")
        let text = try String(contentsOfFile: xml, encoding: .utf8)
        #expect(text.contains("<failure message=\"measured "))
        #expect(text.contains("reproduce: ripple run \(folder)/b-fails.json --seed 1</failure>"))
        #expect(text.contains("name=\"sync latency.success.p99Ms &lt; 1ms\""))
    }

    @Test func aScenarioWithoutExpectationsIsSkipped() throws {
        let folder = TestScenarios.temporaryFolder()
        try TestScenarios.write("silent", expectations: "", in: folder)
        let result = ripple(["check", folder])
        #expect(result.status == 0)
        #expect(result.output == "SKIP  silent  no expectations\n\ncheck: 0 expectations in 1 scenario: 0 held, 0 failed; 1 scenario without expectations\n")
    }

    /// Two files of one scenario name would be one JUnit test suite and share one baseline entry,
    /// each scenario compared with the other's figures: refused before anything runs or is written.
    @Test func twoScenariosOfOneNameAreRefused() throws {
        let folder = TestScenarios.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/other", withIntermediateDirectories: true)
        let first = try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        let second = try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder + "/other")
        let baseline = folder + "/baseline.json"
        let result = ripple(["check", first, second, "--seeds", "1..2", "--baseline", baseline, "--update-baseline"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)  // nothing ran
        #expect(result.errors.hasPrefix("ripple: \(first) and \(second) are both named 'a': their checks would be one test suite "
            + "in a JUnit file and one scenario in a baseline; give them different names\n"))
        #expect(!FileManager.default.fileExists(atPath: baseline))
        #expect(ripple(["check", first, first]).status == 2)
    }

    @Test func badArgumentsAndBadFilesExitTwo() throws {
        let folder = try folder()
        #expect(ripple(["check"]).status == 2)
        #expect(ripple(["check", folder, "--jobs", "0"]).errors.contains("--jobs expects a whole number from 1 to 256, found '0'"))
        #expect(ripple(["check", folder, "--seeds", "5..1"]).errors.contains("--seeds: the range 5..1 runs backwards; write 1..5"))
        #expect(ripple(["check", TestScenarios.temporaryFolder()]).status == 2)
        let bad = folder + "/c-bad.json"
        try Data("{\"name\": \"bad\"}".utf8).write(to: URL(fileURLWithPath: bad))
        let result = ripple(["check", folder])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
    }
}

/// What a JUnit file holds, read with Foundation's XML parser (so it must be well formed).
final class JUnitCounts: NSObject, XMLParserDelegate {
    private(set) var testcases = 0
    private(set) var failures = 0
    private(set) var suites: [String] = []
    private(set) var attributes: [String: [String: String]] = [:]

    init(contentsOf path: String) throws {
        super.init()
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch element {
        case "testcase": testcases += 1
        case "failure": failures += 1
        case "testsuite": suites.append(attributes["name"] ?? "")
        default: break
        }
        self.attributes[element] = attributes
    }
}
