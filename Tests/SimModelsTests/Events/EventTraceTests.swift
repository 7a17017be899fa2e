import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// A traced request's path through the event-driven design: the entry's spans, its publish
/// and acknowledgement, one delivery to each consumer's instance, and that instance's
/// processing, each in causal order on the right track.
struct EventTraceTests {
    static let entry = 0, email = 1, notification = 2, broker = 3

    func world(_ networkFaults: [NetworkFault] = []) -> WorldConfig {
        var w = Worlds.payments(rate: 100, seconds: 10, emailWork: .exponential(mean: 20e6), drain: 10)
        w.network = NetworkConfig(latency: .constant(1_000_000))
        w.networkFaults = networkFaults
        return w
    }

    /// The sampled requests' messages of `kind`, by request.
    func messages(_ kind: TraceMessage.Kind, _ trace: TraceRecorder) -> [UInt64: [TraceMessage]] {
        Dictionary(grouping: trace.messages.filter { $0.kind == kind }, by: \.request)
    }

    /// Every traced request fans out: work at the entry, a publish to the broker and an
    /// acknowledgement back, then a delivery from the broker to an instance of each consumer
    /// and a processing span on that very instance, each after the one before.
    @Test(arguments: [PublishDiscipline.outbox, .dualWrite])
    func aTracedRequestFansOutToAnInstanceOfEachConsumer(discipline: PublishDiscipline) throws {
        let trace = Worlds.run(world(), Worlds.events(publish: discipline, instances: 3)).trace
        let requests = Set(trace.spans.map(\.request))
        #expect(requests.count == 100, "the default sample of 100 requests")
        let (publishes, acks, deliveries) = (messages(.publish, trace), messages(.ack, trace), messages(.delivery, trace))
        for id in requests.sorted() {
            let spans = trace.spans.filter { $0.request == id }
            let work = try #require(spans.first { $0.kind == .work })
            #expect(work.track == TraceTrack(node: Self.entry))
            let publish = try #require(publishes[id]?.first), ack = try #require(acks[id]?.first)
            #expect(publishes[id]!.count == 1 && acks[id]!.count == 1, "no fault: one of each")
            #expect(publish.from == TraceTrack(node: Self.entry) && publish.to == TraceTrack(node: Self.broker))
            #expect(ack.from == TraceTrack(node: Self.broker) && ack.to == TraceTrack(node: Self.entry))
            #expect(publish.sent >= work.end && ack.sent == publish.received)
            let fanOut = try #require(deliveries[id])
            #expect(fanOut.map(\.to.node).sorted() == [Self.email, Self.notification])
            for delivery in fanOut {
                #expect(delivery.from == TraceTrack(node: Self.broker) && delivery.sent >= publish.received)
                let process = try #require(spans.first { $0.kind == .process && $0.track == delivery.to }, "processed where delivered")
                #expect(process.start >= delivery.received && process.end > process.start)
            }
            if discipline == .dualWrite {
                let waiting = try #require(spans.first { $0.kind == .waiting }, "the user waits for the acknowledgement")
                #expect(waiting.start == work.end && waiting.end == ack.received)
            } else {
                #expect(!spans.contains { $0.kind == .waiting })
            }
        }
        #expect(Set(trace.spans.filter { $0.kind == .process }.map(\.track.instance)) == [0, 1, 2], "the instances' own tracks")
    }

    /// On a queue, the delivery goes to whichever instance received the message, which
    /// processes it.
    @Test func onAQueueTheReceivingInstanceProcesses() throws {
        let config = EventsConfig(broker: .queue(QueueSettings()), consumers: [
            ConsumerConfig(service: Self.email, instances: 3, concurrency: 2),
        ])
        let trace = Worlds.run(world(), config).trace
        let deliveries = trace.messages.filter { $0.kind == .delivery }
        #expect(deliveries.count == 100)
        for delivery in deliveries {
            let process = try #require(trace.spans.first { $0.request == delivery.request && $0.kind == .process })
            #expect(process.track == delivery.to && process.start >= delivery.received)
        }
        #expect(Set(deliveries.map(\.to.instance)).count == 3)
    }

    /// Only messages that arrive are drawn: a dropped publish leaves no arrow (its resend
    /// does), and a duplicated delivery leaves two, followed by two processing spans.
    @Test func droppedMessagesLeaveNoArrowAndDuplicatesTwo() {
        let always = NetworkFault(scope: .links(from: Self.broker, to: Self.email, bothWays: false), duplicate: .always,
                                  start: .zero, end: .distantFuture)
        let trace = Worlds.run(world([always]), Worlds.events()).trace
        for (id, deliveries) in messages(.delivery, trace) {
            #expect(deliveries.filter { $0.to.node == Self.email }.count == 2, "request \(id)")
            #expect(trace.spans.filter { $0.request == id && $0.kind == .process && $0.track.node == Self.email }.count == 2)
        }
        let lossy = NetworkFault(scope: .links(from: Self.entry, to: Self.broker, bothWays: false), drop: Probability(0.5),
                                 start: .zero, end: .distantFuture)
        var config = Worlds.events()
        config.publishTimeout = .seconds(1)
        config.producer.isIdempotent = false  // (an idempotent producer's broker also answers a copy after a gap, drawn as it arrives)
        let resent = Worlds.run(world([lossy]), config).trace
        for (id, publishes) in messages(.publish, resent) {
            #expect(publishes.count == 1, "request \(id): the dropped attempts are not drawn")
        }
    }
}
