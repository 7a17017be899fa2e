import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A consumer whose processing fails retries the event a bounded number of times, then
/// dead-letters it and moves on; retrying in line holds up the events behind it, parking
/// does not.
struct ConsumerFailureTests {
    /// payment → email only at 100/s for 10 s: the time series' applied and dead-lettered
    /// columns are then email's own.
    func world(faults: [FaultConfig]) -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 10, emailWork: .exponential(mean: 20e6), faults: faults, drain: 10)
        w.services.removeLast()
        return w
    }

    func events(_ onFailure: FailureHandling, maxAttempts: Int = 10, backoff: TimeSpan = .zero) -> EventsConfig {
        EventsConfig(partitions: 12, consumers: [
            ConsumerConfig(service: 1, instances: 2, concurrency: 6, maxAttempts: maxAttempts, retryBackoff: backoff, onFailure: onFailure),
        ])
    }

    /// An errors fault of fraction 1 on email for the whole run.
    let alwaysFailing = FaultConfig(kind: .errors(.always), service: 1, start: .zero, end: .distantFuture)

    /// Every attempt fails: each event is attempted exactly `maxAttempts` times in line (or
    /// once when parked), then dead-lettered; none is applied, none is lost, none is stuck.
    @Test(arguments: [(FailureHandling.retryInLine, 3), (.retryInLine, 1), (.park, 5)])
    func everyEventIsDeadLetteredAfterItsAttempts(onFailure: FailureHandling, maxAttempts: Int) {
        let m = Worlds.run(world(faults: [alwaysFailing]), events(onFailure, maxAttempts: maxAttempts))
        let email = m.ledger.finalReport()[0]
        let attempts = onFailure == .park ? 1 : maxAttempts
        let events = m.ledger.totalCommitted
        #expect(events > 900)
        #expect(email.counts.deadLettered == events)
        #expect(email.counts.applied == 0 && email.counts.lost == 0 && email.counts.duplicated == 0)
        #expect(m.services[1].started == attempts * events, "each event attempted exactly \(attempts) times")
        #expect(m.redeliveries == (attempts - 1) * events)
        #expect(m.series.rows.map(\.deadLettered).reduce(0, +) == events, "the time series counts each one")
        #expect(gauge("email lag", in: m).last == 0, "dead-lettered events are committed: nothing left behind")
    }

    /// Errors of fraction 1 from 3 s to 5 s: exactly the events whose processing starts in that
    /// window are dead-lettered, when parked; and only there. Outside it, everything is
    /// applied. (An error strikes when processing starts and fails it at once, so only events
    /// already under way at 3 s are applied in the window.)
    @Test func parkingDeadLettersExactlyTheEventsProcessedDuringTheWindow() {
        let m = Worlds.run(world(faults: [Worlds.fault(.errors(.always), on: 1, at: 3, for: 2)]), events(.park))
        let email = m.ledger.finalReport()[0]
        let inWindow = m.series.rows.filter { $0.end > .zero + .seconds(3) && $0.end <= .zero + .seconds(5) }
        let outside = m.series.rows.filter { $0.end <= .zero + .seconds(3) || $0.end > .zero + .seconds(5) }
        #expect(inWindow.allSatisfy { $0.applied < 10 && $0.deadLettered > 70 }, "about 100 a second, all failing: \(inWindow.map { ($0.applied, $0.deadLettered) })")
        #expect(inWindow.dropFirst().allSatisfy { $0.applied == 0 })
        #expect(outside.allSatisfy { $0.deadLettered == 0 })
        #expect(email.counts.deadLettered == inWindow.map(\.deadLettered).reduce(0, +))
        #expect(email.counts.deadLettered + email.counts.applied == m.ledger.totalCommitted)
        #expect(email.missingAtEnd == email.counts.deadLettered && email.counts.lost == 0)
        #expect(m.services[1].started == m.ledger.totalCommitted, "parked events are never retried")
    }

    /// The same window retried in line, 4 attempts: an event is dead-lettered exactly when
    /// all 4 attempts fall in the window. The only other failed attempts are those of the
    /// event at the head of each partition when the window closes (at most 3 each), which
    /// then succeeds.
    @Test func retryingInLineDeadLettersEventsThatFailedEveryAttempt() {
        let m = Worlds.run(world(faults: [Worlds.fault(.errors(.always), on: 1, at: 3, for: 2)]), events(.retryInLine, maxAttempts: 4))
        let email = m.ledger.finalReport()[0]
        #expect(email.counts.deadLettered > 150)
        #expect(email.counts.deadLettered + email.counts.applied == m.ledger.totalCommitted)
        #expect(email.missingAtEnd == email.counts.deadLettered && email.counts.lost == 0 && email.counts.duplicated == 0)
        let extra = m.services[1].started - email.counts.applied - 4 * email.counts.deadLettered
        #expect(extra >= 0 && extra <= 12 * 3, "failed attempts of events that then succeeded: \(extra)")
        #expect(m.series.rows.filter { $0.end <= .zero + .seconds(3) || $0.end > .zero + .seconds(5) }.allSatisfy { $0.deadLettered == 0 })
    }

    /// Half the attempts fail from 2 s to 8 s with a 200 ms back-off. Retrying in line, each
    /// partition waits for its failing head: lag and staleness climb, though almost nothing
    /// is dead-lettered (one event in 2^10). Parking keeps the partitions moving at the cost
    /// of dead-lettering about half the events of the window.
    @Test func retryingInLineBlocksThePartitionParkingDoesNot() {
        let w = world(faults: [Worlds.fault(.errors(Probability(0.5)), on: 1, at: 2, for: 6)])
        let inLine = Worlds.run(w, events(.retryInLine, backoff: .milliseconds(200)))
        let parked = Worlds.run(w, events(.park, backoff: .milliseconds(200)))
        let (i, p) = (inLine.ledger.finalReport()[0], parked.ledger.finalReport()[0])
        let (inLineStaleness, parkedStaleness) = (inLine.staleness[0].mean, parked.staleness[0].mean)
        #expect(inLineStaleness > 10 * parkedStaleness, "in line \(inLineStaleness / 1e6) ms, parked \(parkedStaleness / 1e6) ms")
        let peakInLine = gauge("email lag", in: inLine).max()!, peakParked = gauge("email lag", in: parked).max()!
        #expect(peakInLine > 100 && peakParked < 20, "lag peaks: in line \(peakInLine), parked \(peakParked)")
        #expect(i.counts.deadLettered <= 5 && p.counts.deadLettered > 200)
        #expect(i.counts.applied + i.counts.deadLettered == inLine.ledger.totalCommitted)
        #expect(p.counts.applied + p.counts.deadLettered == parked.ledger.totalCommitted)
    }

    func gauge(_ name: String, in m: ArchitectureMetrics) -> [Double] {
        let column = m.series.gaugeNames.firstIndex(of: name)!
        return m.series.rows.map { $0.gauges[column] }
    }
}
