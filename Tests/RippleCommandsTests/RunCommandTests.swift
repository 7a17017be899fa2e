import Foundation
import Testing
@testable import RippleCommands

/// `ripple run`, `validate` and `list` as a user meets them, and determinism across processes.
struct RunCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenario = root.appendingPathComponent("scenarios/payment-email-slowdown.json").path

    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let capture = CapturingConsole()
        let status = Ripple.main(arguments, console: capture.console)
        return (status, capture.output, capture.errors)
    }

    func temporaryFolder() -> String { TestScenarios.temporaryFolder() }

    @Test func runWritesTheReportAndPrintsTheTable() throws {
        let out = temporaryFolder()
        let result = run(["run", Self.scenario, "--out", out])
        #expect(result.status == 0)
        #expect(result.output.contains("success latency p99"))
        #expect(result.output.contains("report: \(out)/"))
        // The scenario's lesson, as its expectations state it, holds.
        #expect(result.output.contains("\nexpectations\n  ✓ events latency.success.p99Ms ≤ 0.1 × sync: "))
        #expect(!result.output.contains("✗"))
        for file in ["metrics.json", "summary.md", "timeseries.csv", "trace.json", "sequence-sync.svg", "sequence-events.svg",
                     "latency.svg", "lag.svg", "throughput.svg", "workers.svg", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
    }

    @Test func aFolderNameWithALineBreakPrintsOnOneLine() throws {
        let out = temporaryFolder() + "/two\nlines"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = run(["run", Self.scenario, "--out", out])
        #expect(result.status == 0)
        #expect(result.output.contains("report: \(out.replacingOccurrences(of: "\n", with: "\\n"))/report.html\n"))
        #expect(FileManager.default.fileExists(atPath: out + "/report.html"))
    }

    /// A warm-up leaves the run's start out of its figures, and the terminal says so under the
    /// run's length, as the summary and the page do.
    @Test func runSaysWhereItsFiguresStartAfterAWarmup() throws {
        let folder = temporaryFolder()
        let file = folder + "/warm.json"
        try #"{"name": "warm", "duration": "20s", "warmup": "5s", "workload": {"entry": "api", "arrivals": {"poisson": "50/s"}},"#
            .appending(#" "services": {"api": {"workers": 2, "work": {"exponential": "10ms"}}}, "architectures": {"sync": {"chain": ["api"]}}}"#)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = run(["run", file, "--out", folder + "/out"])
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(result.status == 0)
        #expect(lines.contains("figures from 5 s, after the warm-up"), "\(result.output)")
        let plain = run(["run", Self.scenario, "--out", temporaryFolder()])
        #expect(!plain.output.contains("after the warm-up"))
    }

    /// The run tells its story: the schedule, the figures with durations in one style, each
    /// verdict measured against its limit with its reason, and where to look next.
    @Test func runPrintsTheScheduleTheVerdictsWhyAndWhereToLook() throws {
        let out = temporaryFolder()
        let result = run(["run", Self.scenario, "--out", out])
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("payment-email-slowdown — limits: each run stops after 2 000 000 000 events, or once 2 143 844 wait"), "\(lines[0])")
        #expect(lines[0].hasSuffix(" wait in one line or backlog (a 2 GiB memory budget less the 3.47 MiB estimate, at 500 bytes each, shared by 2 architectures; --memory-budget raises it)"), "\(lines[0])")
        #expect(lines[2...4] == ["arrivals for 4 min, then a drain of 2 min", "faults:", "  slow email (work replaced) from 1 min to 2 min"])
        #expect(lines.contains { $0.hasPrefix("success latency p99 ") && $0.hasSuffix(" 59.5 s   81.5 ms") })
        #expect(lines.contains { $0.hasPrefix("success latency max ") && $0.contains(" 1.01 min ") })
        #expect(lines.contains { $0.hasPrefix("failure latency p99 ") }, "what a failed user waited shows beside it")
        // Users are served again at once with events, while email's backlog takes a minute to apply.
        #expect(lines.contains { $0.hasPrefix("recovery after last fault ") && $0.hasSuffix(" 1.32 min   at once") })
        #expect(lines.contains { $0.hasPrefix("effects fresh after last fault ") && $0.hasSuffix(" 3 s  1.03 min") })
        let table = lines.drop { !$0.hasPrefix("figure") }.prefix { !$0.isEmpty }
        for line in table {
            for word in line.split(separator: " ") where word.first?.isNumber == true {
                #expect(!word.hasSuffix("ms") && !word.hasSuffix("s") && !word.hasSuffix("m") && !word.hasSuffix("h"), "a number and its unit run together in '\(line)'")
            }
        }
        #expect(result.output.contains("""
          ✓ events latency.success.p99Ms ≤ 0.1 × sync: 81.5 ms (sync 59.5 s)
              measured 81.5 ms, limit 5.95 s
              why: with events, payment's users never wait on the email provider

        """))
        #expect(!result.output.contains("59458.454"))
        #expect(result.output.hasSuffix("""
        report: \(out)/report.html
        trace:  \(out)/trace.json (open it in https://ui.perfetto.dev)\n\n
        """))
    }

    @Test func badInputExitsTwoAndWritesNothing() throws {
        let out = temporaryFolder() + "/never"
        let bad = temporaryFolder() + "/bad.json"
        try Data("{\"name\": \"x\", \"duraton\": \"1s\"}".utf8).write(to: URL(fileURLWithPath: bad))
        let result = run(["run", Self.scenario, bad, "--out", out])
        #expect(result.status == 2)
        #expect(result.errors.contains("duraton: unknown field (did you mean \"duration\"?)"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(run(["validate", bad]).status == 2)
        #expect(run(["validate", Self.scenario]).status == 0)
        #expect(run(["run", Self.scenario, "--only", "sinc"]).errors.contains("did you mean 'sync'"))
        #expect(run(["run", Self.scenario, "--seed", "x"]).status == 2)
        #expect(run(["run"]).status == 2)
    }

    @Test func listShowsEveryScenario() {
        let result = run(["list", Self.root.appendingPathComponent("scenarios").path])
        #expect(result.status == 0)
        #expect(result.output.contains("payment-email-slowdown"))
    }

    /// The same scenario and seed, run by two separate `ripple` processes, write byte-identical
    /// reports; another seed writes a different one.
    @Test func sameSeedGivesByteIdenticalReportsAcrossProcesses() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ripple").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the ripple executable first: \(binary)")
        func report(seed: String) throws -> [String: Data] {
            let out = temporaryFolder()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["run", Self.scenario, "--out", out, "--seed", seed, "--quiet"]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            }
            return files
        }
        let first = try report(seed: "42"), second = try report(seed: "42"), other = try report(seed: "43")
        #expect(!first.isEmpty)
        #expect(first == second)
        #expect(first["metrics.json"] != other["metrics.json"])
    }
}
