import SimKernel
import SimMetrics
import SimModels
import SimScenario

/// One architecture's run of a scenario.
public struct ArchitectureOutcome: Sendable {
    /// The architecture's name in the scenario.
    public var name: String
    /// `"sync"` or `"events"`.
    public var kind: String
    /// Everything measured.
    public var metrics: ArchitectureMetrics
    /// Why the run stopped (normally `quiescent` or `timeLimit`; `eventBudget` is a limit hit).
    public var stop: StopReason
    /// Every event the kernel handled, as a fingerprint (and the first few, when recorded).
    public var history: EventHistory
    /// Events the kernel handled.
    public var events: Int { history.count }
}

/// Runs each architecture of a scenario in the same world with the same seed.
public enum ScenarioRunner {
    /// Runs every architecture (or only `only`, by name), each from fresh state, on up to
    /// `threads` threads (one architecture per thread; 1 runs them one after the other); the
    /// outcomes are in the scenario's order and the same for any `threads`. `progress`, if given,
    /// hears each architecture's name with clock zero as it starts, then its clock and events
    /// handled as it goes; with several threads its calls come from each of them.
    public static func run(_ scenario: Scenario, only: [String] = [], threads: Int = 1,
                           progress: (@Sendable (String, Instant, Int) -> Void)? = nil) -> [ArchitectureOutcome] {
        let chosen = chosenArchitectures(of: scenario, only: only)
        return ParallelRuns.map(chosen.count, threads: threads) { i in
            let architecture = chosen[i]
            progress?(architecture.name, .zero, 0)
            return run(architecture, in: scenario.world, progress: progress.map { report in { report(architecture.name, $0, $1) } })
        }
    }

    /// The architectures of `scenario` named in `only` (every one when it is empty), in the scenario's order.
    public static func chosenArchitectures(of scenario: Scenario, only: [String]) -> [ArchitectureSpec] {
        scenario.architectures.filter { only.isEmpty || only.contains($0.name) }
    }

    /// Runs one architecture in `world`, a fresh model from nothing but the world and the
    /// design; the outcome's history keeps the first `recordingFirst` events one by one, and
    /// `progress`, if given, hears the clock and the events handled as it goes.
    public static func run(_ architecture: ArchitectureSpec, in world: WorldConfig, recordingFirst limit: Int = 0,
                           progress: ((Instant, Int) -> Void)? = nil) -> ArchitectureOutcome {
        switch architecture.design {
        case .sync(let config):
            var model = SyncModel(world: world, config: config)
            let (metrics, stop, events) = model.run(recordingFirst: limit, progress: progress)
            return ArchitectureOutcome(name: architecture.name, kind: "sync", metrics: metrics, stop: stop, history: events)
        case .events(let config):
            var model = EventDrivenModel(world: world, config: config)
            let (metrics, stop, events) = model.run(recordingFirst: limit, progress: progress)
            return ArchitectureOutcome(name: architecture.name, kind: "events", metrics: metrics, stop: stop, history: events)
        }
    }
}
