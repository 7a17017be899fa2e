import SimKernel
import SimReports
import SimRuns
import SimScenario

/// One scenario through the whole pipeline as `ripple run` makes it, timed part by part:
/// reading and validating the file (parse), running each architecture one after the other on
/// one core (run), and checking the expectations and rendering every report file into a
/// temporary folder, removed afterwards (write).
struct PipelineBenchmark {
    /// One architecture's run.
    struct Run {
        var architecture: String
        var requests: Int
        var events: Int
        var seconds: Double
    }

    /// The scenario's name.
    var name: String
    var parseSeconds: Double
    var runs: [Run]
    var writeSeconds: Double
    /// The process's high-water mark of resident memory after the scenario, in bytes.
    var peakResidentBytes: Int

    var runSeconds: Double { runs.reduce(0) { $0 + $1.seconds } }
    var requests: Int { runs.reduce(0) { $0 + $1.requests } }
    var events: Int { runs.reduce(0) { $0 + $1.events } }
    var totalSeconds: Double { parseSeconds + runSeconds + writeSeconds }
    /// The share of the whole that went to writing the reports.
    var writeShare: Double { writeSeconds / totalSeconds }

    /// Measures the scenario in `file`, changed by `adjust` after it is read (part of the parse time).
    static func measure(_ file: String, adjust: (inout Scenario) -> Void = { _ in }) throws -> PipelineBenchmark {
        var (scenario, parseSeconds) = try Stopwatch.time { () throws -> Scenario in
            var scenario = try ScenarioFiles.loadAll([file])[0]
            adjust(&scenario)
            return scenario
        }
        var runs: [Run] = [], outcomes: [ArchitectureOutcome] = []
        for architecture in scenario.architectures {
            let (outcome, seconds) = Stopwatch.time { ScenarioRunner.run(architecture, in: scenario.world) }
            outcomes.append(outcome)
            runs.append(Run(architecture: architecture.name, requests: outcome.metrics.requests, events: outcome.events, seconds: seconds))
        }
        let temporary = try ProcessEnvironment.temporaryFolder(prefix: "ripple-bench-")
        defer { FileTree.remove(temporary) }
        let folder = temporary + "/report"
        let (_, writeSeconds) = try Stopwatch.time {
            scenario.expectations.removeAll(where: \.isAboutTheMean)  // as ripple run does: one run has no mean
            var report = RunReport(scenario: scenario, outcomes: outcomes, version: Ripple.version)
            let measurements = report.measurements
            report.verdicts = scenario.verdicts(for: measurements)
            try ReportFolder.write(report, measurements: measurements, to: ReportFolder.prepare(folder, sparing: InputFiles([])))
        }
        return PipelineBenchmark(name: scenario.name, parseSeconds: parseSeconds, runs: runs, writeSeconds: writeSeconds,
                                 peakResidentBytes: ProcessStatistics.peakResidentBytes)
    }

    /// Records the figures under `prefix.` (each run's rates under `prefix.<architecture>.`).
    func record(into figures: inout BenchFigures, prefix: String) {
        figures.record(prefix + ".requests", Double(requests))
        figures.record(prefix + ".events", Double(events))
        figures.record(prefix + ".parseSeconds", parseSeconds)
        figures.record(prefix + ".runSeconds", runSeconds)
        figures.record(prefix + ".writeSeconds", writeSeconds)
        figures.record(prefix + ".writeShare", writeShare)
        figures.record(prefix + ".requestsPerSecond", Double(requests) / runSeconds)
        figures.record(prefix + ".eventsPerSecond", Double(events) / runSeconds)
        figures.record(prefix + ".wholeRequestsPerSecond", Double(requests) / totalSeconds)
        figures.record(prefix + ".peakResidentBytes", Double(peakResidentBytes))
        for run in runs {
            figures.record(prefix + "." + run.architecture + ".requestsPerSecond", Double(run.requests) / run.seconds)
            figures.record(prefix + "." + run.architecture + ".eventsPerSecond", Double(run.events) / run.seconds)
        }
    }
}
