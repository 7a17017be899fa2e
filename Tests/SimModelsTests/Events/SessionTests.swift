import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A consumer that stops heartbeating without crashing (paused, or cut off from the broker)
/// keeps its partitions only for the session timeout: then the coordinator evicts it and the
/// group rebalances; when it is heard from again it joins, another rebalance.
struct SessionTests {
    /// payment → email only, 100 events a second for 90 s; email's 3 instances share 12
    /// partitions and commit every 5 s; `faults` on email, `cuts` on the network.
    func world(_ faults: [FaultConfig] = [], cuts: [NetworkFault] = []) -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 90, emailWork: .exponential(mean: 20e6), drain: 20)
        w.services.removeLast()
        w.faults = faults
        w.networkFaults = cuts
        return w
    }

    let events = EventsConfig(partitions: 12, consumers: [ConsumerConfig(service: 1, instances: 3, concurrency: 4, commit: .periodic(.seconds(5)))])

    func pause(from start: Int64, for length: Int64) -> FaultConfig {
        FaultConfig(kind: .pause, service: 1, start: .zero + .seconds(start), end: .zero + .seconds(start + length))
    }

    /// Paused from 12 s to 72 s: evicted at 57 s (45 s of silence), the group empty until the
    /// pause ends; then every instance joins again and a rebalance hands the partitions back.
    /// What they processed in the 2 s before the pause was never committed: it is replayed.
    @Test func aConsumerPausedPastTheSessionTimeoutIsEvictedAndRejoins() {
        var run = RebalanceTests.Stepper(world([pause(from: 12, for: 60)]), events)
        run.run(until: 56.9)
        #expect(run.model.groups[0].isMember == [true, true, true] && run.model.metrics.rebalances == 0)
        run.run(until: 57.1)
        #expect(run.model.groups[0].isMember == [false, false, false], "evicted after 45 s of silence")
        #expect(run.model.metrics.evictions == 1 && run.model.metrics.rebalances == 1)
        run.run(until: 72.1)
        #expect(run.model.groups[0].isMember == [true, true, true], "heard from again: they join")
        #expect(run.model.metrics.rebalances == 2)
        run.run(until: 75.1)
        #expect(run.model.groups[0].cursors.map(\.owner) == Array(repeating: [0, 1, 2], count: 4).flatMap { $0 })
        run.run(until: 110)
        let email = run.model.metrics.ledger.finalReport()[0]
        #expect(email.counts.duplicated > 100 && email.counts.duplicated < 300, "about 2 s of uncommitted work: \(email.counts.duplicated)")
        #expect(email.missingAtEnd == 0 && email.counts.lost == 0)
    }

    /// A pause shorter than the session timeout costs no rebalance and replays nothing.
    @Test func aShorterPauseKeepsThePartitions() {
        let m = Worlds.run(world([pause(from: 12, for: 44)]), events)
        #expect(m.evictions == 0 && m.rebalances == 0)
        #expect(m.ledger.finalReport()[0].counts.duplicated == 0 && m.ledger.finalReport()[0].missingAtEnd == 0)
    }

    /// A partition cutting email off from the broker for 60 s is the same silence: eviction at
    /// 45 s, rejoin when it heals. A cut shorter than the session timeout is not.
    @Test func aConsumerCutOffFromTheBrokerIsEvicted() {
        func cut(for length: Int64) -> NetworkFault {
            NetworkFault(scope: .partition(side: [1], oneWay: false), start: .zero + .seconds(12), end: .zero + .seconds(12 + length))
        }
        let long = Worlds.run(world(cuts: [cut(for: 60)]), events)
        #expect(long.evictions == 1 && long.rebalances == 2)
        #expect(long.ledger.finalReport()[0].missingAtEnd == 0)
        let short = Worlds.run(world(cuts: [cut(for: 30)]), events)
        #expect(short.evictions == 0 && short.rebalances == 0)
    }

    /// Overlapping silences count as one: a pause from 12 s for 30 s and a cut from 40 s for
    /// 30 s leave email silent from 12 s to 70 s, evicted at 57 s.
    @Test func overlappingSilencesAddUp() {
        let cut = NetworkFault(scope: .partition(side: [1], oneWay: false), start: .zero + .seconds(40), end: .zero + .seconds(70))
        var run = RebalanceTests.Stepper(world([pause(from: 12, for: 30)], cuts: [cut]), events)
        run.run(until: 56.9)
        #expect(run.model.metrics.evictions == 0)
        run.run(until: 57.1)
        #expect(run.model.metrics.evictions == 1)
    }
}
