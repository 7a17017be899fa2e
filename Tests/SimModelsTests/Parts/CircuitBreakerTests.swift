import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A breaker accounts for every opening and the time it refused calls, and shows its state as
/// a gauge.
struct CircuitBreakerTests {
    let policy = BreakerPolicy(failureRateThreshold: 0.5, windowSize: 4, minimumCalls: 4, openDuration: .seconds(2), halfOpenCalls: 1)

    func at(_ milliseconds: Int64) -> Instant { .zero + .milliseconds(milliseconds) }

    @Test func timeOpenCountsEachOpeningUpToNow() {
        var breaker = CircuitBreaker(policy: policy)
        #expect(breaker.timeOpen(through: at(5_000)) == .zero && breaker.level(at: at(0)) == 0)
        for _ in 0..<4 { breaker.record(failure: true, at: at(1_000)) }  // opens at 1 s, until 3 s
        #expect(breaker.openings == 1 && breaker.level(at: at(1_500)) == 1)
        #expect(breaker.timeOpen(through: at(1_500)) == .milliseconds(500))
        #expect(breaker.level(at: at(3_000)) == 0.5, "due to let a trial through")
        let trial = breaker.allowsCall(at: at(4_000))
        #expect(trial && breaker.level(at: at(4_000)) == 0.5)
        breaker.record(failure: true, at: at(4_100))  // the trial fails: open again until 6.1 s
        #expect(breaker.openings == 2 && breaker.level(at: at(5_000)) == 1)
        #expect(breaker.timeOpen(through: at(5_100)) == .seconds(3))
        #expect(breaker.timeOpen(through: at(9_000)) == .seconds(4))
        let second = breaker.allowsCall(at: at(7_000))
        #expect(second)
        breaker.record(failure: false, at: at(7_100))  // the trial succeeds: closed
        #expect(breaker.level(at: at(8_000)) == 0 && breaker.timeOpen(through: at(9_000)) == .seconds(4))
    }

    /// A trial call its bulkhead then refuses is never made: its permission goes back to the
    /// next call, so the trials the breaker waits for can all still be made. Closed, nothing changes.
    @Test func aTrialNeverMadeGoesToTheNextCall() {
        var breaker = CircuitBreaker(policy: policy)
        breaker.releaseTrial()
        #expect(breaker.state == .closed)
        for _ in 0..<4 { breaker.record(failure: true, at: at(1_000)) }  // open until 3 s
        let trial = breaker.allowsCall(at: at(3_000))
        let refused = breaker.allowsCall(at: at(3_000))
        #expect(trial && !refused, "one trial at a time")
        breaker.releaseTrial()
        let again = breaker.allowsCall(at: at(3_100))
        #expect(again, "the refused trial's permission came back")
        breaker.record(failure: false, at: at(3_200))
        #expect(breaker.state == .closed)
    }

    /// Half-open, the breaker decides on all its trial calls, as resilience4j does: with ten
    /// trials at 50 %, a first failed trial does not reopen it, four failures of ten close it
    /// and five reopen it; calls past the ten are refused while the outcomes come in.
    @Test(arguments: [(4, false), (5, true), (10, true), (0, false)])
    func halfOpenDecidesOnTheFailureRateOfAllItsTrials(failures: Int, reopens: Bool) {
        var breaker = CircuitBreaker(policy: BreakerPolicy(failureRateThreshold: 0.5, windowSize: 4, minimumCalls: 4,
                                                           openDuration: .seconds(2), halfOpenCalls: 10))
        for _ in 0..<4 { breaker.record(failure: true, at: at(1_000)) }  // open from 1 s until 3 s
        let trials = (0..<10).map { _ in breaker.allowsCall(at: at(3_000)) }
        #expect(trials.allSatisfy { $0 } && !breaker.allowsCall(at: at(3_000)), "ten trials through, the eleventh refused")
        for trial in 0..<10 {
            breaker.record(failure: trial < failures, at: at(3_100))
            if trial < 9 { #expect(breaker.level(at: at(3_100)) == 0.5, "still half-open after \(trial + 1) outcomes") }
        }
        #expect(breaker.openings == (reopens ? 2 : 1))
        #expect(breaker.level(at: at(3_200)) == (reopens ? 1 : 0))
        #expect(breaker.allowsCall(at: at(3_200)) == !reopens)
    }

    /// An outcome is recorded by the state the breaker is in when it arrives, as resilience4j's
    /// state machine hands every outcome to its current state: a late answer to a call let
    /// through while closed counts as a trial outcome when it arrives half-open (so the trials
    /// are decided sooner), and one arriving while open is dropped (resilience4j records it in
    /// the closed state's window, which half-open replaces).
    @Test func anOutcomeCountsInTheStateItArrivesIn() {
        var breaker = CircuitBreaker(policy: BreakerPolicy(failureRateThreshold: 0.5, windowSize: 4, minimumCalls: 4,
                                                           openDuration: .seconds(2), halfOpenCalls: 2))
        let early = (0..<2).map { _ in breaker.allowsCall(at: at(500)) }  // two calls let through while closed
        for _ in 0..<4 { breaker.record(failure: true, at: at(1_000)) }  // open from 1 s until 3 s
        breaker.record(failure: false, at: at(2_000))  // the first early call answers while open: dropped
        #expect(early.allSatisfy { $0 } && breaker.openings == 1 && breaker.level(at: at(2_000)) == 1)
        let trial = breaker.allowsCall(at: at(3_000))
        breaker.record(failure: false, at: at(3_050))  // the second early call answers half-open: a trial outcome
        #expect(trial && breaker.level(at: at(3_050)) == 0.5, "one trial outcome of two")
        breaker.record(failure: true, at: at(3_100))  // the trial fails: 1 failure of 2 trial outcomes reaches 50 %
        #expect(breaker.openings == 2 && breaker.level(at: at(3_100)) == 1)
    }

    /// A crash of the caller ends an opening at the crash and restarts the breaker closed with
    /// an empty window, as a restarted process's resilience4j breaker starts.
    @Test func aRestartedCallerHasAClosedBreakerAndItsOpeningEndsAtTheCrash() {
        var breaker = CircuitBreaker(policy: policy)
        for _ in 0..<4 { breaker.record(failure: true, at: at(1_000)) }  // open from 1 s until 3 s
        breaker.restart(at: at(1_400))
        #expect(breaker.level(at: at(1_500)) == 0 && breaker.allowsCall(at: at(1_500)))
        #expect(breaker.openings == 1 && breaker.timeOpen(through: at(9_000)) == .milliseconds(400))
        for _ in 0..<3 { breaker.record(failure: true, at: at(2_000)) }
        #expect(breaker.level(at: at(2_000)) == 0, "the window restarted empty: three failures are under minimumCalls")
        breaker.record(failure: true, at: at(2_000))  // open again from 2 s until 4 s
        #expect(breaker.openings == 2 && breaker.timeOpen(through: at(3_000)) == .milliseconds(1_400))
        #expect(breaker.timeOpen(through: at(9_000)) == .milliseconds(2_400))
        let trial = breaker.allowsCall(at: at(4_000))
        breaker.restart(at: at(4_100))  // the trial is lost with its caller: nothing holds the breaker half-open
        #expect(trial && breaker.level(at: at(4_200)) == 0 && breaker.allowsCall(at: at(4_200)))
        #expect(breaker.timeOpen(through: at(9_000)) == .milliseconds(2_400), "half-open is not open")
    }
}

/// The synchronous design reports each edge's breaker in its metrics and its state over time.
struct SyncBreakerReportingTests {
    /// Email fails every call from 2 s to 7 s: the breaker on payment → email opens, and the
    /// one on email → notification, whose calls succeed, never does.
    @Test func eachEdgeReportsItsOpeningsTimeOpenAndState() {
        let world = Worlds.payments(rate: 100, seconds: 15, faults: [Worlds.fault(.errors(.always), on: 1, at: 2, for: 5)])
        var config = Worlds.paymentChain
        config.breaker = BreakerPolicy(failureRateThreshold: 0.5, windowSize: 20, minimumCalls: 20, openDuration: .seconds(2), halfOpenCalls: 5)
        var model = SyncModel(world: world, config: config)
        let m = model.run().metrics
        #expect(m.breakers.map(\.edge) == ["payment → email", "email → notification"])
        let email = m.breakers[0]
        #expect(email.openings >= 2 && email.timeOpen == .seconds(2) * Int64(email.openings))
        #expect(m.breakers[1] == BreakerRecord(edge: "email → notification"))
        let column = m.series.gaugeNames.firstIndex(of: "payment → email breaker")!
        let levels = m.series.rows.map { $0.gauges[column] }
        #expect(levels.contains(1) && levels.allSatisfy { [0, 0.5, 1].contains($0) } && levels.last == 0)
        #expect(m.series.workGaugeCount == 6, "the breakers' states are not work")
    }

    /// notification fails every call until 2 s, so the breaker on email → notification opens;
    /// at 2.2 s its half-open trial (notification now takes 300 ms) is lost when email crashes.
    /// email restarts at 2.7 s with a closed breaker, and its calls succeed again.
    @Test func aTrialCallLostWithItsCrashedCallerDoesNotHoldTheBreakerHalfOpen() {
        var world = Worlds.payments(rate: 100, seconds: 10, emailWork: .constant(1_000_000), faults: [
            Worlds.fault(.errors(.always), on: 2, at: 0, for: 2),
            FaultConfig(kind: .crash, service: 1, start: .zero + .milliseconds(2_200), end: .zero + .milliseconds(2_700)),
        ], entryWorkers: 100, drain: 1)
        world.services[0].work = .constant(1_000_000)
        world.services[2].work = .constant(300_000_000)
        world.services[2].workers = 100
        var config = SyncConfig(chain: [0, 1, 2], timeout: .seconds(1))
        config.breaker = BreakerPolicy(failureRateThreshold: 0.5, windowSize: 5, minimumCalls: 5, openDuration: .seconds(1), halfOpenCalls: 1)
        var model = SyncModel(world: world, config: config)
        let m = model.run().metrics
        let notification = m.breakers[1]
        #expect(notification.edge == "email → notification" && notification.openings >= 1)
        let column = m.series.gaugeNames.firstIndex(of: "email → notification breaker")!
        #expect(m.series.rows.last?.gauges[column] == 0)
        #expect(m.succeeded > 500, "requests after the restart succeed: \(m.succeeded)")
    }

    /// email fails every call from 5 s to 7 s, and payment → email has a bulkhead of one call
    /// as well as a breaker. Half-open, calls that overlap a trial are refused by the bulkhead:
    /// were each to use up a trial, the breaker would wait for ever for outcomes that never
    /// come and refuse every call to the end. It closes once email has recovered.
    @Test func trialsTheBulkheadRefusesDoNotHoldTheBreakerHalfOpen() {
        let world = Worlds.payments(rate: 100, seconds: 30, emailWork: .exponential(mean: 5e6),
                                    faults: [Worlds.fault(.errors(.always), on: 1, at: 5, for: 2)], drain: 1)
        var config = SyncConfig(chain: [0, 1], timeout: .seconds(1))
        config.breaker = BreakerPolicy(failureRateThreshold: 0.5, windowSize: 10, minimumCalls: 10, openDuration: .seconds(1), halfOpenCalls: 10)
        config.bulkhead = 1
        var model = SyncModel(world: world, config: config)
        let m = model.run().metrics
        #expect(m.breakerOpenings >= 1 && m.edges[0].rejected > 0, "the breaker opened and the bulkhead refused calls")
        let column = m.series.gaugeNames.firstIndex(of: "payment → email breaker")!
        #expect(m.series.rows.last?.gauges[column] == 0, "closed at the end")
        let late = m.series.rows.filter { $0.end > .zero + .seconds(15) && $0.end <= .zero + .seconds(30) }
        #expect(late.allSatisfy { $0.failed < $0.succeeded }, "after the recovery most calls succeed")
    }

    @Test func withoutBreakersThereIsNothingToReport() {
        let layout = SyncModel.metricsLayout(serviceNames: ["a", "b", "c"], config: Worlds.paymentChain)
        #expect(layout.breakerEdges.isEmpty && layout.gaugeNames.count == layout.workGaugeCount)
    }
}
