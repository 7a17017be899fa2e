import SimChecks
import SimKernel
import SimMetrics
import SimScenario

extension RepeatedRun {
    /// A limit on the events recorded one by one to find where two runs part ways (16 bytes each).
    public static let recordingLimit = 1_000_000

    /// Runs one architecture twice with `run` (each call from fresh state; its argument is how
    /// many events to record one by one) and compares the event fingerprints, then the
    /// `figures` of each outcome (as `metrics.json` publishes them). When the events differ,
    /// reruns both recording up to `recordingLimit` events and names the first that differs.
    public static func check(_ architecture: String, recordingLimit: Int = RepeatedRun.recordingLimit,
                             run: (Int) -> ArchitectureOutcome, figures: (ArchitectureOutcome) -> Figure) -> (ArchitectureOutcome, RepeatedRun) {
        check(architecture, first: run(0), second: run(0), recordingLimit: recordingLimit, rerun: run, figures: figures)
    }

    /// Compares two runs of one architecture already made from fresh state, `first` and `second`,
    /// as `check(_:recordingLimit:run:figures:)` does; `rerun` is called only when their events differ.
    public static func check(_ architecture: String, first: ArchitectureOutcome, second: ArchitectureOutcome,
                             recordingLimit: Int = RepeatedRun.recordingLimit, rerun run: (Int) -> ArchitectureOutcome,
                             figures: (ArchitectureOutcome) -> Figure) -> (ArchitectureOutcome, RepeatedRun) {
        let events = [first.events, second.events]
        let digests = [first.history.fingerprint.hexDigest, second.history.fingerprint.hexDigest]
        var difference: String?
        if first.history.fingerprint != second.history.fingerprint {
            let a = run(recordingLimit).history, b = run(recordingLimit).history
            difference = firstDifference(a, b, limit: recordingLimit)
        } else {
            difference = figures(first).firstDifference(from: figures(second)).map { "the same events, but the figures differ at " + $0 }
        }
        return (first, RepeatedRun(architecture: architecture, events: events, digests: digests, difference: difference))
    }

    /// Where two recorded histories part ways: the index (from 1), time and sequence of the
    /// first event that differs, or why it cannot be named.
    static func firstDifference(_ a: EventHistory, _ b: EventHistory, limit: Int) -> String {
        let (x, y) = (a.firstEvents, b.firstEvents)
        func describe(_ event: HandledEvent) -> String {
            event.isObservation ? "observation \(event.sequence & ~ScheduledEvent<Never>.observationBit) at \(event.time.sinceStart)"
                : "sequence \(event.sequence) at \(event.time.sinceStart)"
        }
        if let i = (0..<min(x.count, y.count)).first(where: { x[$0] != y[$0] }) {
            return "first difference at event #\(i + 1): run 1 handled \(describe(x[i])), run 2 \(describe(y[i]))"
        }
        if x.count != y.count {
            let (shorter, longer, event) = x.count < y.count ? (1, 2, y[x.count]) : (2, 1, x[y.count])
            return "first difference at event #\(min(x.count, y.count) + 1): run \(shorter) had stopped, run \(longer) handled \(describe(event))"
        }
        if a.fingerprint == b.fingerprint {
            return "the reruns recording every event were alike: the difference did not repeat"
        }
        return "the first \(x.count) events were alike (the most recorded); the runs part ways later"
    }
}

extension ScenarioRunner {
    /// Runs every architecture of `scenario` (or only `only`) twice, each from fresh state, and
    /// checks that both runs handled the same events and measured the same figures; returns the
    /// first runs' outcomes. The runs share up to `threads` threads (each run on one thread); the
    /// result is the same for any `threads`.
    public static func runTwice(_ scenario: Scenario, only: [String] = [], threads: Int = 1) -> (outcomes: [ArchitectureOutcome], repeats: [RepeatedRun]) {
        let chosen = chosenArchitectures(of: scenario, only: only)
        // Runs 2i and 2i + 1 are architecture i's first and second.
        let runs = ParallelRuns.map(2 * chosen.count, threads: threads) { run(chosen[$0 / 2], in: scenario.world) }
        var outcomes: [ArchitectureOutcome] = [], repeats: [RepeatedRun] = []
        for (i, architecture) in chosen.enumerated() {
            let (outcome, repeated) = RepeatedRun.check(architecture.name, first: runs[2 * i], second: runs[2 * i + 1],
                                                        rerun: { run(architecture, in: scenario.world, recordingFirst: $0) }) {
                Measurements(scenario: scenario, outcomes: [$0]).architectures[0].figures
            }
            outcomes.append(outcome)
            repeats.append(repeated)
        }
        return (outcomes, repeats)
    }
}
