import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RippleCommands

/// `ripple sweep` aggregates exactly what the single runs measure: run by run, the values in
/// each `metrics.json`; over the seeds, their mean and Student's t interval. Its files are the
/// same whatever the number of threads, its plots well-formed with a line per architecture,
/// and a path, metric or value the scenario does not take is refused before anything runs.
struct SweepCommandTests {
    let ripple = TestScenarios.ripple

    /// The command tests' small scenario (a → b for two seconds at 50/s), without expectations.
    func scenario(in folder: String) throws -> String {
        try TestScenarios.write("sweepable", expectations: "", in: folder)
    }

    /// Reads a JSON file into Foundation values.
    func json(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// The hand calculation: for two values of b's work and two seeds, each run on its own with
    /// `ripple run --seed`, the mean of the two values in its `metrics.json` and the interval
    /// mean ± t(0.975, 1) · s/√2, where s = |x₁ − x₂|/√2 and t(0.975, 1) = 12.7062047, stopped
    /// at 0 (a latency is never negative).
    @Test func aSweepAggregatesWhatEachRunWritesInMetricsJSON() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try scenario(in: folder)
        let metrics = ["latency.success.p99Ms", "endToEnd.p99Ms"]
        let result = ripple(["sweep", file, "--vary", "services.b.work.exponential=10ms,30ms", "--seeds", "1..2",
                             "--metric", metrics[0], "--metric", metrics[1], "--out", folder + "/sweep"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty, "no progress unless stderr is a terminal")
        let rows = try #require(json(folder + "/sweep/sweep.json")["rows"] as? [[String: Any]])
        #expect(rows.count == 2 * 2 * 2)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        var checked = 0
        for work in ["10ms", "30ms"] {
            let variant = folder + "/variant-\(work).json"
            try original.replacingOccurrences(of: "{\"exponential\": \"10ms\"}", with: "{\"exponential\": \"\(work)\"}")
                .write(toFile: variant, atomically: true, encoding: .utf8)
            var runs: [[String: Any]] = []
            for seed in [1, 2] {
                let out = folder + "/run-\(work)-\(seed)"
                #expect(ripple(["run", variant, "--seed", "\(seed)", "--out", out, "--quiet"]).status == 0)
                runs.append(try #require(json(out + "/metrics.json")["architectures"] as? [String: Any]))
            }
            for architecture in ["sync", "events"] {
                for metric in metrics {
                    let x = try runs.map { run in
                        try #require(value(at: metric, in: run[architecture]) as? Double, "\(metric) of \(architecture)")
                    }
                    let mean = (x[0] + x[1]) / 2
                    let halfWidth = 12.706204736174694 * abs(x[0] - x[1]) / 2
                    let row = try #require(rows.first {
                        ($0["values"] as? [String: String])?["services.b.work.exponential"] == work
                            && $0["architecture"] as? String == architecture && $0["metric"] as? String == metric
                    })
                    #expect(row["n"] as? Int == 2)
                    #expect(row["bySeed"] as? [Double] == x)
                    #expect(abs((row["mean"] as? Double ?? .nan) - mean) < 1e-6, "\(work) \(architecture) \(metric)")
                    #expect(abs((row["ciLow"] as? Double ?? .nan) - max(0, mean - halfWidth)) < 1e-6)
                    #expect(abs((row["ciHigh"] as? Double ?? .nan) - (mean + halfWidth)) < 1e-6)
                    checked += 1
                }
            }
        }
        #expect(checked == 8)
        // The slower b shows: the chain's p99 grows with b's work.
        let syncP99 = rows.filter { $0["architecture"] as? String == "sync" && $0["metric"] as? String == metrics[0] }
        #expect((syncP99[1]["mean"] as? Double ?? 0) > (syncP99[0]["mean"] as? Double ?? 0) * 2)
    }

    @Test func byDefaultTwentySeedsAndTheTwoHeadlineMetrics() throws {
        let folder = TestScenarios.temporaryFolder()
        let result = ripple(["sweep", try scenario(in: folder), "--vary", "services.b.workers=2,4", "--out", folder + "/sweep"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        // Before the runs, their limits; the workers of b change no estimate.
        #expect(lines[0].hasPrefix("sweepable — limits: each run stops after 2 000 000 000 events, or once "), "\(lines[0])")
        #expect(lines[0].contains(" memory budget less each combination's ") && !lines[0].contains(" to "), "\(lines[0])")
        #expect(lines.dropFirst().joined(separator: "\n").hasPrefix("sweepable: 2 combinations × 20 seeds (1..20) = 40 runs of sync, events\n\n"
                                        + "latency.success.p99Ms: mean over the seeds [95 % confidence interval]\n"))
        #expect(result.output.contains("\nconsistency.total.missingAtEnd: mean over the seeds [95 % confidence interval]\n"))
        #expect(result.output.hasSuffix("\nfiles: \(folder)/sweep/ (sweep.csv, sweep.json, sweep.html, "
                                        + "latency.success.p99Ms.svg, consistency.total.missingAtEnd.svg)\n"))
        let csv = try String(contentsOfFile: folder + "/sweep/sweep.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "services.b.workers,architecture,metric,n,mean,ci_low,ci_high")
        #expect(csv.count == 1 + 2 * 2 * 2 && csv.dropFirst().allSatisfy { $0.split(separator: ",")[3] == "20" })
    }

    /// Ranges are exact, and a rate stays a rate in the file and in the CSV.
    @Test func aRangeGivesExactlyEvenlySpacedValues() throws {
        let folder = TestScenarios.temporaryFolder()
        let result = ripple(["sweep", try scenario(in: folder), "--vary", "workload.arrivals.poisson=25/s..100/s:4",
                             "--seeds", "3", "--metric", "requests.arrived", "--out", folder + "/sweep"])
        #expect(result.status == 0, "\(result.errors)")
        // More arrivals a second put more requests on the network at once: each combination has its own estimate and line limit.
        let limits = try #require(result.output.split(separator: "\n").first)
        #expect(limits.contains(" wait in one line or backlog (a 2 GiB memory budget less each combination's estimate ("), "\(limits)")
        #expect(limits.components(separatedBy: " to ").count == 3, "both the line limit and the estimate are ranges: \(limits)")
        let csv = try String(contentsOfFile: folder + "/sweep/sweep.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.dropFirst().map { $0.split(separator: ",")[0] } == ["25/s", "25/s", "50/s", "50/s", "75/s", "75/s", "100/s", "100/s"])
        // With a single seed there is a mean but no interval.
        #expect(csv.dropFirst().allSatisfy { $0.hasSuffix(",,") && $0.split(separator: ",", omittingEmptySubsequences: false)[3] == "1" })
    }

    @Test func theFilesAreTheSameWhateverTheJobs() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try scenario(in: folder)
        let arguments = ["sweep", file, "--vary", "services.b.work.exponential=5ms,20ms", "--vary", "services.a.workers=2,4",
                         "--seeds", "1..4"]
        let one = ripple(arguments + ["--jobs", "1", "--out", folder + "/one"])
        let three = ripple(arguments + ["--jobs", "3", "--out", folder + "/three"])
        #expect(one.status == 0 && three.status == 0)
        #expect(one.output.replacingOccurrences(of: "/one/", with: "/three/") == three.output)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/one").sorted()
        #expect(names == ["consistency.total.missingAtEnd.svg", "latency.success.p99Ms.svg", "sweep.csv", "sweep.html", "sweep.json"])
        for name in names {
            #expect(FileManager.default.contents(atPath: folder + "/one/" + name) == FileManager.default.contents(atPath: folder + "/three/" + name), "\(name)")
        }
    }

    /// Each plot parses as XML and has one line per architecture (and, with a second field,
    /// per architecture and value of it).
    @Test func plotsAreWellFormedWithALinePerArchitecture() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try scenario(in: folder)
        #expect(ripple(["sweep", file, "--vary", "services.b.work.exponential=5ms,20ms", "--seeds", "1..2", "--out", folder + "/one"]).status == 0)
        let plot = try SVGSeries(contentsOf: folder + "/one/latency.success.p99Ms.svg")
        #expect(plot.lines == ["sync", "events"])
        #expect(plot.bands == ["sync", "events"])
        #expect(ripple(["sweep", file, "--vary", "services.b.work.exponential=5ms,20ms", "--vary", "services.a.workers=2,4",
                        "--seeds", "1..2", "--out", folder + "/two"]).status == 0)
        let two = try SVGSeries(contentsOf: folder + "/two/latency.success.p99Ms.svg")
        #expect(two.lines == ["sync · services.a.workers=2", "sync · services.a.workers=4",
                              "events · services.a.workers=2", "events · services.a.workers=4"])
        let page = try String(contentsOfFile: folder + "/two/sweep.html", encoding: .utf8)
        #expect(page.components(separatedBy: "<figure>").count == 3 && !page.contains("<script"))
    }

    /// A truth value such as `recovery.recovered` is a metric too: each run's `true` or `false`
    /// counts as 1 or 0, and its mean, the share of seeds where it held, gets Wilson's interval.
    @Test func aTruthValueIsSweptAsOneOrZeroARun() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try scenario(in: folder)
        let result = ripple(["sweep", file, "--vary", "services.b.workers=4", "--seeds", "1..2",
                             "--metric", "recovery.recovered", "--out", folder + "/sweep"])
        #expect(result.status == 0, "\(result.errors)")
        let page = try String(contentsOfFile: folder + "/sweep/sweep.html", encoding: .utf8)
        #expect(page.contains("Wilson score interval"))
        let rows = try #require(json(folder + "/sweep/sweep.json")["rows"] as? [[String: Any]])
        for architecture in ["sync", "events"] {
            let expected = try [1, 2].map { seed -> Double in
                let out = folder + "/run-\(architecture)-\(seed)"
                #expect(ripple(["run", file, "--seed", "\(seed)", "--out", out, "--quiet"]).status == 0)
                let run = try #require(json(out + "/metrics.json")["architectures"] as? [String: Any])
                return try #require(value(at: "recovery.recovered", in: run[architecture]) as? Bool) ? 1 : 0
            }
            let row = try #require(rows.first { $0["architecture"] as? String == architecture })
            #expect(row["n"] as? Int == 2)
            #expect(row["bySeed"] as? [Double] == expected, "\(architecture)")
        }
    }

    @Test func aPathNotInTheScenarioExitsTwoNamingIt() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try scenario(in: folder)
        let result = ripple(["sweep", file, "--vary", "services.b.wrok.exponential=5ms,20ms", "--out", folder + "/sweep"])
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("ripple: --vary services.b.wrok.exponential: no field \"wrok\" in services.b (did you mean \"work\"?)"))
        #expect(result.output.isEmpty && !FileManager.default.fileExists(atPath: folder + "/sweep"))
    }

    @Test func badMetricsValuesAndOptionsExitTwo() throws {
        let folder = TestScenarios.temporaryFolder()
        let file = try scenario(in: folder)
        let metric = ripple(["sweep", file, "--vary", "services.b.workers=2,4", "--metric", "latency.succes.p99Ms"])
        #expect(metric.status == 2)
        #expect(metric.errors.contains("--metric latency.succes.p99Ms: unknown metric \"latency.succes.p99Ms\" (did you mean \"latency.success.p99Ms\"?)"))
        let invalid = ripple(["sweep", file, "--vary", "services.b.workers=0,2"])
        #expect(invalid.status == 2)
        #expect(invalid.errors.contains("1 of 2 combinations do not validate; nothing was run\nwith services.b.workers=0:\n\(file):"))
        #expect(invalid.errors.contains(": error: services.b.workers: expected a whole number from 1 to 100000, found 0\n"))
        #expect(ripple(["sweep", file]).errors.contains("sweep needs at least one --vary PATH=VALUES"))
        #expect(ripple(["sweep", file, "--vary", "services.b.workers=2", "--jobs", "0"]).status == 2)
        #expect(ripple(["sweep", "--vary", "services.b.workers=2"]).status == 2)
    }

    /// Every element's `data-series` and `data-band`, read with Foundation's XML parser (so the
    /// file must be well formed).
    final class SVGSeries: NSObject, XMLParserDelegate {
        private(set) var lines: [String] = []
        private(set) var bands: [String] = []

        init(contentsOf path: String) throws {
            super.init()
            let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
            parser.delegate = self
            guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        }

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            if element == "polyline", let name = attributes["data-series"] { lines.append(name) }
            if element == "polygon", let name = attributes["data-band"] { bands.append(name) }
        }
    }

    /// The value at a dotted path in Foundation's JSON values.
    func value(at path: String, in object: Any?) -> Any? {
        path.split(separator: ".").reduce(object) { ($0 as? [String: Any])?[String($1)] }
    }
}
