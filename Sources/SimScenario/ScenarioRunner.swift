import SimKernel
import SimMetrics
import SimModels

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
    /// Runs every architecture (or only `only`, by name), one after the other.
    public static func run(_ scenario: Scenario, only: [String] = []) -> [ArchitectureOutcome] {
        scenario.architectures.filter { only.isEmpty || only.contains($0.name) }.map { run($0, in: scenario.world) }
    }

    /// Runs one architecture in `world`, a fresh model from nothing but the world and the
    /// design; the outcome's history keeps the first `recordingFirst` events one by one.
    public static func run(_ architecture: ArchitectureSpec, in world: WorldConfig, recordingFirst limit: Int = 0) -> ArchitectureOutcome {
        switch architecture.design {
        case .sync(let config):
            var model = SyncModel(world: world, config: config)
            let (metrics, stop, events) = model.run(recordingFirst: limit)
            return ArchitectureOutcome(name: architecture.name, kind: "sync", metrics: metrics, stop: stop, history: events)
        case .events(let config):
            var model = EventDrivenModel(world: world, config: config)
            let (metrics, stop, events) = model.run(recordingFirst: limit)
            return ArchitectureOutcome(name: architecture.name, kind: "events", metrics: metrics, stop: stop, history: events)
        }
    }
}
