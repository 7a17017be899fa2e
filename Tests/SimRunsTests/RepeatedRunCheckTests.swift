import SimChecks
import SimKernel
import SimMetrics
import Testing
@testable import SimRuns
@testable import SimScenario

/// The determinism self-check: two runs of one architecture from the same seed agree, and
/// when something leaks into a run from outside the seed, the first differing event is named.
struct RepeatedRunCheckTests {
    let scenario = try! ScenarioLoader.parse(Array("""
    {"name": "twice", "seed": 3, "duration": "1s", "drain": "500ms",
     "workload": {"entry": "a", "arrivals": {"poisson": "40/s"}},
     "services": {"a": {"workers": 2, "work": "5ms"}, "b": {"workers": 2, "work": {"exponential": "10ms"}}},
     "architectures": {"sync": {"chain": ["a", "b"]}, "events": {"consumers": {"b": {}}}}}
    """.utf8), file: "twice.json")

    @Test func bothArchitecturesRunAlikeTwice() {
        let (outcomes, repeats) = ScenarioRunner.runTwice(scenario)
        #expect(outcomes.map(\.name) == ["sync", "events"])
        #expect(repeats.map(\.isAlike) == [true, true])
        #expect(repeats[0].events[0] == outcomes[0].events && repeats[0].events[0] > 40)
        #expect(repeats[0].line == "✓ sync: the same \(outcomes[0].events) events in both runs (digest \(outcomes[0].history.fingerprint.hexDigest))")
    }

    /// A run that reads state from outside the seed (here: a counter of calls, standing in for
    /// hash order or the wall clock) gives the second run another seed.
    @Test func aLeakIsCaughtAndItsFirstEventNamed() {
        let sync = scenario.architectures[0]
        var calls = 0
        let leaky = { (recording: Int) -> ArchitectureOutcome in
            calls += 1
            var world = scenario.world
            world.seed = calls % 2 == 1 ? 3 : 4
            return ScenarioRunner.run(sync, in: world, recordingFirst: recording)
        }
        let (first, repeated) = RepeatedRun.check("sync", run: leaky) { _ in .group([]) }
        #expect(calls == 4)  // two runs, then two recording reruns
        #expect(!repeated.isAlike && first.events == repeated.events[0])
        // Work out the first difference independently from full recordings.
        let a = scenario.world
        var b = scenario.world
        b.seed = 4
        let x = ScenarioRunner.run(sync, in: a, recordingFirst: 1_000_000).history.firstEvents
        let y = ScenarioRunner.run(sync, in: b, recordingFirst: 1_000_000).history.firstEvents
        let i = try! #require((0..<min(x.count, y.count)).first { x[$0] != y[$0] })
        #expect(repeated.difference == "first difference at event #\(i + 1): run 1 handled sequence \(x[i].sequence) at \(x[i].time.sinceStart), run 2 sequence \(y[i].sequence) at \(y[i].time.sinceStart)")
        #expect(repeated.line.hasPrefix("✗ sync: the runs differ: \(x.count) events (digest "))
    }

    /// The same events, but a figure that differs: the leak is after the kernel, in the metrics.
    @Test func aLeakIntoTheMetricsIsCaughtToo() {
        let sync = scenario.architectures[0]
        var measured = 0
        let (_, repeated) = RepeatedRun.check("sync", run: { ScenarioRunner.run(sync, in: scenario.world, recordingFirst: $0) }) { _ in
            measured += 1
            return .group([("requests", .group([("failed", .integer(measured))]))])
        }
        #expect(repeated.events[0] == repeated.events[1] && repeated.digests[0] == repeated.digests[1])
        #expect(repeated.difference == "the same events, but the figures differ at requests.failed: 1 then 2")
    }

    @Test func theDifferenceIsNamedEvenWhenItCannotBeFound() {
        let early = [HandledEvent(time: Instant(nanoseconds: 5), sequence: 0), HandledEvent(time: Instant(nanoseconds: 9), sequence: 1)]
        let one = EventHistory(fingerprint: EventFingerprint(count: 1, digest: 1), firstEvents: Array(early.prefix(1)))
        let two = EventHistory(fingerprint: EventFingerprint(count: 2, digest: 2), firstEvents: early)
        #expect(RepeatedRun.firstDifference(one, two, limit: 10) == "first difference at event #2: run 1 had stopped, run 2 handled sequence 1 at 9ns")
        let cut = EventHistory(fingerprint: EventFingerprint(count: 50, digest: 3), firstEvents: early)
        #expect(RepeatedRun.firstDifference(two, cut, limit: 2) == "the first 2 events were alike (the most recorded); the runs part ways later")
        #expect(RepeatedRun.firstDifference(two, two, limit: 2) == "the reruns recording every event were alike: the difference did not repeat")
    }
}
