import SimKernel
import SimMetrics
import SimModels
import SimReports
import SimRuns
import SimScenario

/// `ripple bench`: how fast the kernel and the models run, in a release build.
struct BenchCommand: Command {
    static let name = "bench"
    static let summary = "Measure kernel and model speed (use a release build)"
    static let usage = "ripple bench [--quick] [--scenarios DIR]"
    static let options = [
        OptionSpec("quick", help: "a smaller run without scenarios, for smoke tests (figures are not comparable)"),
        OptionSpec("scenarios", value: "DIR", help: "benchmark scenarios to run through the whole pipeline (default scenarios/bench)"),
    ]

    let isQuick: Bool
    let scenarioFolder: String

    init(_ arguments: ParsedArguments) throws {
        guard arguments.positionals.isEmpty else { throw UsageError("bench takes no files") }
        isQuick = arguments.has("quick")
        scenarioFolder = arguments.value("scenarios") ?? "scenarios/bench"
    }

    func run(_ console: Console) throws -> ExitStatus {
        console.write("ripple bench — one core, wall-clock rates; peak RSS is the process's high-water mark so far\n\n")
        if !isQuick { try runScenarios(console) }
        runKernel(console)
        return .success
    }

    /// Whole-pipeline runs: every architecture of every benchmark scenario, all metrics on.
    func runScenarios(_ console: Console) throws {
        let files = try ScenarioFiles.expand([scenarioFolder], console: console).filter { $0.hasSuffix(".json") }
        guard !files.isEmpty else { throw UsageError("no benchmark scenarios in \(scenarioFolder)") }
        var rows: [[String]] = [["scenario", "architecture", "requests", "events", "seconds", "Mreq/s", "Mevents/s", "peak RSS"]]
        for scenario in try ScenarioFiles.loadAll(files) {
            for architecture in scenario.architectures {
                let (outcome, _, seconds) = measure { () -> (ArchitectureOutcome, Int) in
                    (ScenarioRunner.run(architecture, in: scenario.world), 0)
                }
                rows.append([scenario.name, architecture.name, String(outcome.metrics.requests), String(outcome.events),
                             Format.fixed(seconds, decimals: 2), millions(Double(outcome.metrics.requests) / seconds),
                             millions(Double(outcome.events) / seconds), peakMemory()])
            }
        }
        console.write(Table(rows: rows).rendered + "\n")
    }

    /// The kernel alone: an M/M/1 queue of plain events, and the hold model.
    func runKernel(_ console: Console) {
        let scale = isQuick ? 100 : 1
        let customers = 10_000_000 / scale
        let (mm1, mm1Events, mm1Seconds) = measure {
            var station = MMcStation(servers: 1, interarrival: .exponential(mean: 1_250_000),
                                     service: .exponential(mean: 1_000_000), customers: customers, seed: 1)
            return station.run()
        }
        _ = mm1
        var rows: [[String]] = [["benchmark", "work", "Mops/s", "peak RSS"]]
        rows.append(["M/M/1 ρ=0.8 events", "\(mm1Events) events", millions(Double(mm1Events) / mm1Seconds), peakMemory()])
        rows.append(["M/M/1 ρ=0.8 customers", "\(customers) customers", millions(Double(customers) / mm1Seconds), peakMemory()])
        for pending in [1_000, 100_000, 1_000_000] {
            let operations = 10_000_000 / scale
            let (_, handled, seconds) = measure { () -> (Int, Int) in
                var hold = HoldModel(seed: 1)
                let handled = hold.run(pending: pending, operations: operations)
                return (handled, handled)
            }
            rows.append(["hold, \(pending) pending", "\(handled) ops", millions(Double(handled) / seconds), peakMemory()])
        }
        console.write(Table(rows: rows).rendered)
    }

    func measure<T>(_ body: () -> (T, Int)) -> (T, Int, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let (value, count) = body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (value, count, seconds)
    }

    func millions(_ perSecond: Double) -> String { Format.fixed(perSecond / 1e6, decimals: 2) }

    func peakMemory() -> String { Format.fixed(Double(ProcessStatistics.peakResidentBytes) / 1_048_576, decimals: 1) + " MiB" }
}
