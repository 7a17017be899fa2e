import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// With a queue broker, each consumer service's instances compete for the messages of its
/// own queue; a received message is hidden, not removed, until it is deleted or its
/// visibility timeout runs out: at-least-once delivery, in no guaranteed order.
struct QueueBrokerTests {
    /// payment → (email, notification) at `rate` per second for 10 s.
    func world(rate: Int64 = 100, emailWork: Distribution = .exponential(mean: 20e6), faults: [FaultConfig] = []) -> WorldConfig {
        Worlds.payments(rate: rate, seconds: 10, emailWork: emailWork, faults: faults, drain: 10)
    }

    func queue(_ settings: QueueSettings = QueueSettings(), onFailure: FailureHandling = .retryInLine,
               idempotent: Bool = false) -> EventsConfig {
        EventsConfig(broker: .queue(settings), consumers: [
            ConsumerConfig(service: 1, instances: 2, concurrency: 6, isIdempotent: idempotent, onFailure: onFailure),
            ConsumerConfig(service: 2, instances: 2, concurrency: 6, isIdempotent: idempotent, onFailure: onFailure),
        ])
    }

    /// An errors fault of fraction 1 on email for the whole run.
    let alwaysFailing = FaultConfig(kind: .errors(.always), service: 1, start: .zero, end: .distantFuture)

    /// Without faults, and with a visibility timeout far above the processing time, every
    /// event is applied exactly once by each consumer and each queue drains.
    @Test func everyMessageIsAppliedOnceByEachConsumer() {
        let m = Worlds.run(world(), queue())
        for target in m.ledger.finalReport() {
            #expect(target.counts.applied == m.ledger.totalCommitted, "\(target.name)")
            #expect(target.counts.duplicated == 0 && target.counts.lost == 0 && target.missingAtEnd == 0, "\(target.name)")
        }
        #expect(m.redeliveries == 0)
        #expect(m.completed == m.ledger.totalCommitted)
        let lag = m.series.gaugeNames.firstIndex(of: "email lag")!
        #expect(m.series.rows.last!.gauges[lag] == 0, "the queue is empty after the drain")
    }

    /// Competing workers take one entity's messages at once and finish them in any order:
    /// a queue keeps no per-key order, unlike a keyed partition.
    @Test func competingConsumersReorderAnEntitysVersions() {
        var w = world()
        w.workload.keyCount = 5
        let m = Worlds.run(w, queue())
        for target in m.ledger.finalReport() {
            #expect(target.counts.outOfOrder > 0, "\(target.name)")
            #expect(target.counts.applied == m.ledger.totalCommitted, "\(target.name)")
        }
    }

    /// Processing that outlasts the visibility timeout: the message reappears and another
    /// worker takes it while the first is still at it, so both apply it. With a visibility
    /// timeout of 60 ms and processing of 50 ms on average, about e^(−1.2) ≈ 30 % of receives
    /// run late. Every duplicate needs a redelivery; nothing is lost. The same run with
    /// SQS's default 30 s timeout redelivers nothing.
    @Test func aVisibilityTimeoutShorterThanProcessingDuplicates() {
        let w = world(rate: 50, emailWork: .exponential(mean: 50e6))
        let short = Worlds.run(w, queue(QueueSettings(visibilityTimeout: .milliseconds(60))))
        let email = short.ledger.finalReport()[0]
        #expect(short.redeliveries > 100, "\(short.redeliveries)")
        #expect(email.counts.duplicated > 100 && email.counts.duplicated <= short.redeliveries, "\(email.counts.duplicated)")
        #expect(email.counts.applied == short.ledger.totalCommitted && email.counts.lost == 0 && email.missingAtEnd == 0)
        let notificationDuplicates = short.ledger.finalReport()[1].counts.duplicated
        #expect(notificationDuplicates * 20 < email.counts.duplicated, "notification's 10 ms work runs late e^(−6) ≈ 0.25 % of the time")
        let standard = Worlds.run(w, queue())
        #expect(standard.redeliveries == 0 && standard.ledger.finalReport()[0].counts.duplicated == 0)
        let idempotent = Worlds.run(w, queue(QueueSettings(visibilityTimeout: .milliseconds(60)), idempotent: true))
        #expect(idempotent.redeliveries > 100 && idempotent.ledger.finalReport()[0].counts.duplicated == 0,
                "an idempotent consumer absorbs the redeliveries")
    }

    /// Every attempt fails: with a redrive policy of 3 receives each message is received
    /// exactly 3 times, then moved to the dead-letter queue; parked, it is received once.
    @Test(arguments: [(FailureHandling.retryInLine, 3), (.park, 1)])
    func theMaxReceiveCountDeadLettersEveryFailingMessage(onFailure: FailureHandling, receives: Int) {
        let m = Worlds.run(world(faults: [alwaysFailing]), queue(QueueSettings(maxReceiveCount: 3), onFailure: onFailure))
        let email = m.ledger.finalReport()[0]
        let events = m.ledger.totalCommitted
        #expect(events > 900)
        #expect(email.counts.deadLettered == events && email.counts.applied == 0 && email.counts.lost == 0)
        #expect(m.services[1].started == receives * events, "each message received exactly \(receives) times")
        #expect(m.redeliveries == (receives - 1) * events)
        #expect(m.series.rows.map(\.deadLettered).reduce(0, +) == events)
    }

    /// Without a redrive policy (SQS's default) a failing message keeps coming back: errors
    /// for two seconds delay messages but dead-letter none, and every one is applied.
    @Test func withoutARedrivePolicyFailedMessagesComeBackUntilTheySucceed() {
        let m = Worlds.run(world(faults: [Worlds.fault(.errors(.always), on: 1, at: 2, for: 2)]), queue())
        let email = m.ledger.finalReport()[0]
        #expect(m.redeliveries > 200)
        #expect(email.counts.deadLettered == 0 && email.counts.lost == 0)
        #expect(email.counts.applied == m.ledger.totalCommitted && email.missingAtEnd == 0)
    }

    /// A dual-writing producer that crashes loses what it had buffered: the same events are
    /// missing from every consumer's queue.
    @Test func dualWriteLosesBufferedEventsForEveryQueue() {
        var config = queue()
        config.publish = .dualWrite
        config.linger = .milliseconds(50)
        let m = Worlds.run(world(faults: [Worlds.fault(.crash, on: 0, at: 3, for: 1)]), config)
        let reports = m.ledger.finalReport()
        #expect(reports[0].counts.lost > 0)
        for target in reports {
            #expect(target.counts.lost == reports[0].counts.lost && target.missingAtEnd == target.counts.lost, "\(target.name)")
            #expect(target.counts.applied + target.counts.lost == m.ledger.totalCommitted, "\(target.name)")
        }
    }

    /// email crashes from 4 s to 7 s: the messages its instances held stay hidden until
    /// their visibility timeout (2 s here) runs out, then come back; nothing is lost and,
    /// as nothing held had been applied, nothing is duplicated.
    @Test func messagesHeldByACrashedConsumerReappearAfterTheVisibilityTimeout() {
        let m = Worlds.run(world(faults: [Worlds.fault(.crash, on: 1, at: 4, for: 3)]),
                           queue(QueueSettings(visibilityTimeout: .seconds(2))))
        let email = m.ledger.finalReport()[0]
        #expect(m.redeliveries > 0)
        #expect(email.counts.lost == 0 && email.counts.duplicated == 0 && email.missingAtEnd == 0)
        #expect(email.counts.applied == m.ledger.totalCommitted)
    }

    /// email is down from 1 s to 16 s and the queue keeps messages 5 s: everything sent
    /// while it was down expires unread and is lost (give or take the few on their way
    /// at the crash), and nothing else is.
    @Test func retentionDeletesMessagesNobodyReceived() {
        let m = Worlds.run(world(faults: [Worlds.fault(.crash, on: 1, at: 1, for: 15)]),
                           queue(QueueSettings(visibilityTimeout: .seconds(1), retention: .seconds(5))))
        let email = m.ledger.finalReport()[0]
        let sentWhileDown = m.series.rows.filter { $0.end > .zero + .seconds(1) }.map(\.arrivals).reduce(0, +)
        #expect(abs(email.counts.lost - sentWhileDown) <= 10, "\(email.counts.lost) lost, \(sentWhileDown) sent while down")
        #expect(email.counts.lost + email.counts.applied == m.ledger.totalCommitted)
        #expect(email.missingAtEnd == email.counts.lost && email.counts.duplicated == 0)
    }

    /// c competing workers on one queue, Poisson arrivals, exponential processing, no
    /// network delay and a negligible entry: an M/M/c queue, so the mean staleness (commit →
    /// applied) is the Erlang C sojourn time. Two instances of two workers each, prefetch 2:
    /// c = 4 at ρ = 0.75. Tolerance: five standard errors over ten independent seeds.
    @Test func competingConsumersFormAnMMcQueue() {
        let meanWork = 10_000_000.0, rate: Int64 = 300, servers = 4
        var means: [Double] = []
        for seed in 1...10 as ClosedRange<UInt64> {
            var w = world(rate: rate)
            w.duration = .seconds(60)
            w.seed = seed
            w.network = NetworkConfig(latency: .constant(0))
            w.services = [
                ServiceConfig(name: "payment", workers: 1_000, work: .constant(1_000)),
                ServiceConfig(name: "email", workers: 1, work: .exponential(mean: meanWork)),
            ]
            let config = EventsConfig(broker: .queue(QueueSettings(prefetch: 2)), publish: .dualWrite, linger: .zero, waitsForAck: false,
                                      consumers: [ConsumerConfig(service: 1, instances: 2, concurrency: 2)])
            let m = Worlds.run(w, config)
            #expect(m.redeliveries == 0)
            means.append(m.staleness[0].mean)
        }
        let mean = means.reduce(0, +) / 10
        let sd = (means.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 9).squareRoot()
        let theory = QueueingTheory.meanWait(servers: servers, arrivalRate: Double(rate) / 1e9, meanService: meanWork) + meanWork
        let tolerance = 5 * sd / 10.0.squareRoot()
        #expect(abs(mean - theory) <= tolerance, "staleness \(mean) vs M/M/\(servers) sojourn \(theory) ± \(tolerance)")
        #expect(tolerance < 0.2 * theory, "the tolerance must be tight enough to catch a wrong model")
        let oneServer = QueueingTheory.meanWait(servers: 1, arrivalRate: Double(rate) / 4e9, meanService: meanWork) + meanWork
        #expect(abs(oneServer - theory) > 2 * tolerance, "four separate M/M/1 queues would be told apart")
    }
}
