import Testing
import SimKernel
@testable import SimModels

/// The broker appends an idempotent producer's events of one partition once each and in
/// sequence; the producer's lane sends in order and, after a failure, probes with its oldest.
struct ProducerLaneTests {
    /// Every number once, in order: resends and network copies of an appended number are
    /// acknowledged, not appended; a number after a gap waits for the gap to fill.
    @Test func theBrokerAppendsEachSequenceNumberOnceAndInOrder() {
        var broker = AppendedSequence()
        #expect(broker.judge(epoch: 0, sequence: 0) == .append)
        #expect(broker.judge(epoch: 0, sequence: 0) == .duplicate)
        #expect(broker.judge(epoch: 0, sequence: 2) == .refuse, "1 is missing")
        #expect(broker.judge(epoch: 0, sequence: 1) == .append)
        #expect(broker.judge(epoch: 0, sequence: 2) == .append)
        #expect(broker.next == 3)
    }

    /// A new epoch restarts the numbering; copies of an older epoch are fenced.
    @Test func aNewEpochRestartsTheSequenceAndFencesTheOldOne() {
        var broker = AppendedSequence()
        for n in 0..<5 { #expect(broker.judge(epoch: 0, sequence: UInt32(n)) == .append) }
        #expect(broker.judge(epoch: 1, sequence: 0) == .append)
        #expect(broker.judge(epoch: 0, sequence: 5) == .refuse)
        #expect(broker.judge(epoch: 1, sequence: 1) == .append)
    }

    /// A lane sends up to its window, but only its oldest event while probing or nothing while
    /// backing off; a new epoch numbers on from the next number given out.
    @Test func aLaneSendsItsWindowOrAProbe() {
        var lane = ProducerLane()
        for message in 0..<3 { lane.events.append(Int32(message)) }
        lane.nextNumber = 3
        #expect(lane.maySend)
        lane.sent = 3
        #expect(!lane.maySend, "everything is in flight")
        (lane.sent, lane.isProbing) = (0, true)
        #expect(lane.maySend)
        lane.sent = 1
        #expect(!lane.maySend, "a probe is one event")
        (lane.sent, lane.isBackingOff) = (0, true)
        #expect(!lane.maySend)
        lane.startEpoch()
        #expect(lane.epoch == 1 && lane.epochBase == 3, "sequence 0 is the next number given out")
        lane.nextNumber = 5
        lane.startEpoch()
        #expect(lane.epoch == 2 && lane.epochBase == 5)
    }
}
