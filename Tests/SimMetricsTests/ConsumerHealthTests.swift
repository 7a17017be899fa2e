import Testing
import SimKernel
@testable import SimMetrics

/// Each of the Burrow-style rules, on hand-made commit histories: a rule fires exactly in
/// its situation and not in its neighbours'.
struct ConsumerHealthTests {
    func at(_ seconds: Double) -> Instant { Instant(nanoseconds: Int64(seconds * 1e9)) }

    /// Windows for one partition with a commit each second at 0…9 s, of `offsets` and `lags`.
    func windows(offsets: [Int64], lags: [Int64]) -> ConsumerHealthWindows {
        var w = ConsumerHealthWindows(partitions: 1)
        for (i, (offset, lag)) in zip(offsets, lags).enumerated() { w.recordCommit(partition: 0, offset: offset, lag: lag, at: at(Double(i))) }
        return w
    }

    let moving: [Int64] = Array(stride(from: 10, through: 100, by: 10))

    @Test func noLagIsAlwaysOK() {
        let w = windows(offsets: Array(repeating: 5, count: 10), lags: Array(repeating: 3, count: 10))
        #expect(w.status(partition: 0, lag: 0, waitingSince: .zero, at: at(1_000)) == .ok)
    }

    /// Lag that only grows while the offsets move: the consumer falls behind. One shrink in
    /// the window, or one entry without lag, and it is not.
    @Test func lagThatNeverShrinksIsAWarning() {
        let growing: [Int64] = [1, 2, 2, 3, 5, 8, 8, 9, 12, 15]
        #expect(windows(offsets: moving, lags: growing).status(partition: 0, lag: 15, waitingSince: at(9), at: at(9.5)) == .warn)
        var shrinking = growing
        shrinking[5] = 4
        #expect(windows(offsets: moving, lags: shrinking).status(partition: 0, lag: 15, waitingSince: at(9), at: at(9.5)) == .ok)
        var caughtUp = growing
        caughtUp[0] = 0
        #expect(windows(offsets: moving, lags: caughtUp).status(partition: 0, lag: 15, waitingSince: at(9), at: at(9.5)) == .ok)
    }

    /// Commits that keep arriving with the same offset while events wait: stalled, even if
    /// the lag does not grow.
    @Test func commitsThatDoNotMoveAreAStall() {
        let w = windows(offsets: Array(repeating: 42, count: 10), lags: Array(repeating: 7, count: 10))
        #expect(w.status(partition: 0, lag: 7, waitingSince: at(0), at: at(9.5)) == .stall)
        var moved = Array(repeating: Int64(42), count: 10)
        moved[9] = 43
        #expect(windows(offsets: moved, lags: Array(repeating: 7, count: 10)).status(partition: 0, lag: 7, waitingSince: at(0), at: at(9.5)) == .warn)
    }

    /// No commit for longer than the window spans (9 s here, so at least 10 s) while an event
    /// waits: stopped, whatever the window held, zero lag included. An event that only
    /// arrived lately does not make a quiet partition stopped.
    @Test func noCommitForLongerThanTheWindowIsAStop() {
        var lags: [Int64] = Array(repeating: 0, count: 10)
        lags[9] = 1
        let w = windows(offsets: moving, lags: lags)
        #expect(w.status(partition: 0, lag: 3, waitingSince: at(9), at: at(18.9)) == .ok, "9.9 s without a commit: not yet")
        #expect(w.status(partition: 0, lag: 3, waitingSince: at(9), at: at(19.1)) == .stop)
        #expect(w.status(partition: 0, lag: 3, waitingSince: at(15), at: at(19.1)) == .ok, "the waiting event is only 4 s old")
        #expect(ConsumerHealthWindows(partitions: 1).status(partition: 0, lag: 1, waitingSince: .zero, at: at(10.5)) == .stop,
                "never committed, events waiting since the start")
        #expect(ConsumerHealthWindows(partitions: 1).status(partition: 0, lag: 1, waitingSince: .zero, at: at(9.5)) == .ok)
    }

    /// Until the window holds ten commits, only a stop can be judged.
    @Test func aWindowNotYetFullIsOK() {
        let w = windows(offsets: Array(repeating: 42, count: 9), lags: Array(repeating: 7, count: 9))
        #expect(w.status(partition: 0, lag: 7, waitingSince: at(0), at: at(8.5)) == .ok)
    }

    /// Commits closer than a second replace the newest entry but keep its time, as Burrow's
    /// min-distance does: ten commits a second for 5 s make five entries, and the window
    /// covers ten seconds before it can judge.
    @Test func commitsWithinASecondShareAnEntry() {
        var w = ConsumerHealthWindows(partitions: 2)
        for tenth in 0..<50 { w.recordCommit(partition: 1, offset: Int64(tenth), lag: 5, at: at(Double(tenth) / 10)) }
        #expect(w.counts == [0, 5])
        #expect(w.status(partition: 1, lag: 5, waitingSince: .zero, at: at(5)) == .ok)
        for tenth in 50..<100 { w.recordCommit(partition: 1, offset: 50, lag: 5, at: at(Double(tenth) / 10)) }
        #expect(w.counts[1] == 10)
        #expect(w.status(partition: 1, lag: 5, waitingSince: .zero, at: at(10)) == .warn, "the oldest entry still moved")
        #expect(w.status(partition: 0, lag: 0, waitingSince: .zero, at: at(10)) == .ok, "the other partition is untouched")
    }

    @Test func aRecordTalliesTimeWorstAndLatest() {
        var record = ConsumerStatusRecord(name: "email")
        record.record(.ok, over: .seconds(3))
        record.record(.stop, over: .seconds(2))
        record.record(.warn, over: .seconds(1))
        #expect(record.time(in: .ok) == .seconds(3) && record.time(in: .stop) == .seconds(2) && record.time(in: .stall) == .zero)
        #expect(record.worst == .stop && record.latest == .warn)
        #expect(ConsumerStatus.allCases.map(\.name) == ["OK", "WARN", "STALL", "STOP"])
    }
}
