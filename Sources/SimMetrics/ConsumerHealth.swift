import SimKernel

/// A consumer group's health, judged without thresholds from its offset commits, in the
/// manner of LinkedIn's Burrow. Worse statuses compare greater.
public enum ConsumerStatus: Int, Sendable, CaseIterable, Comparable {
    /// Keeping up, or catching up.
    case ok
    /// Committing, but its lag never shrinks over the window: it is falling behind.
    case warn
    /// Committing, but its committed offset does not move while events wait: stuck (an
    /// event retried in line, say).
    case stall
    /// Not committing at all while events wait (crashed, cut off, or stuck without commits).
    case stop

    /// The status as Burrow writes it: `OK`, `WARN`, `STALL` or `STOP`.
    public var name: String {
        switch self {
        case .ok: "OK"
        case .warn: "WARN"
        case .stall: "STALL"
        case .stop: "STOP"
        }
    }

    public static func < (a: ConsumerStatus, b: ConsumerStatus) -> Bool { a.rawValue < b.rawValue }
}

/// The sliding windows of offset commits that judge one consumer group, one window per
/// partition (a queue is one partition whose offset counts the messages deleted).
///
/// Each window holds the last `intervals` commits, each with its offset, the lag when it
/// arrived (the log's end minus the offset) and its time. As in Burrow's storage, a commit
/// less than `minDistance` after the newest entry replaces that entry's offset and lag but
/// keeps its time, so the window covers at least `intervals` × `minDistance` however often
/// the group commits. Fixed storage, and O(1) per commit.
public struct ConsumerHealthWindows: Sendable {
    /// Commits per window: Burrow's default `intervals`.
    public static let intervals = 10
    /// The least time between two entries: Burrow's `min-distance`, one second.
    public static let minDistance = TimeSpan.seconds(1)

    @usableFromInline struct Entry: Sendable {
        @usableFromInline var offset: Int64
        @usableFromInline var lag: Int64
        @usableFromInline var time: Instant

        @usableFromInline init(offset: Int64, lag: Int64, time: Instant) {
            self.offset = offset
            self.lag = lag
            self.time = time
        }
    }

    /// Per partition, a ring of `intervals` entries.
    @usableFromInline var entries: [Entry]
    /// Per partition: entries held (up to `intervals`).
    @usableFromInline var counts: [Int]
    /// Per partition: the ring index of the newest entry.
    @usableFromInline var newest: [Int]

    /// Empty windows for `partitions` partitions.
    public init(partitions: Int) {
        entries = [Entry](repeating: Entry(offset: 0, lag: 0, time: .zero), count: partitions * Self.intervals)
        counts = [Int](repeating: 0, count: partitions)
        newest = [Int](repeating: Self.intervals - 1, count: partitions)
    }

    /// Records a commit of `offset` for `partition` that reached the broker at `time`, when
    /// `lag` events were written after it.
    @inlinable public mutating func recordCommit(partition p: Int, offset: Int64, lag: Int64, at time: Instant) {
        let base = p * Self.intervals
        if counts[p] > 0, time - entries[base + newest[p]].time < Self.minDistance {
            entries[base + newest[p]].offset = offset
            entries[base + newest[p]].lag = lag
            return
        }
        newest[p] = (newest[p] + 1) % Self.intervals
        entries[base + newest[p]] = Entry(offset: offset, lag: lag, time: time)
        counts[p] = Swift.min(counts[p] + 1, Self.intervals)
    }

    /// The status of `partition` at `now`, with `lag` events waiting, the oldest of them
    /// written at `waitingSince`. In order:
    ///
    /// 1. No lag: `ok`.
    /// 2. `stop` if no commit has arrived for longer than the window spans (newest minus
    ///    oldest entry), and at least `intervals` × `minDistance`, counting only the time
    ///    since the oldest waiting event was written (a quiet partition that just received
    ///    an event is not stopped). Without any commit, the time counts from the start.
    /// 3. A window not yet full: `ok` (too early to judge).
    /// 4. Some entry with no lag: `ok`.
    /// 5. Every entry at the same offset: `stall`.
    /// 6. The lag never shrinks from one entry to the next: `warn`.
    /// 7. Otherwise `ok`.
    /// - Complexity: O(`intervals`).
    public func status(partition p: Int, lag: Int64, waitingSince: Instant, at now: Instant) -> ConsumerStatus {
        guard lag > 0 else { return .ok }
        let base = p * Self.intervals, count = counts[p]
        let newestTime = count > 0 ? entries[base + newest[p]].time : .zero
        let oldestTime = count > 0 ? entries[base + (newest[p] - count + 1 + Self.intervals) % Self.intervals].time : .zero
        let span = Swift.max(newestTime - oldestTime, TimeSpan(nanoseconds: Int64(Self.intervals) * Self.minDistance.nanoseconds))
        if now - Swift.max(newestTime, waitingSince) > span { return .stop }
        guard count == Self.intervals else { return .ok }
        var isStalled = true, isGrowing = true
        var previous = entries[base + (newest[p] + 1) % Self.intervals]
        if previous.lag == 0 { return .ok }
        for k in 1..<Self.intervals {
            let entry = entries[base + (newest[p] + 1 + k) % Self.intervals]
            if entry.lag == 0 { return .ok }
            if entry.offset != previous.offset { isStalled = false }
            if entry.lag < previous.lag { isGrowing = false }
            previous = entry
        }
        return isStalled ? .stall : (isGrowing ? .warn : .ok)
    }
}

/// How long one consumer group spent in each status over a run, its worst and its last.
public struct ConsumerStatusRecord: Sendable, Equatable {
    /// The consuming service's name.
    public var name: String
    /// Per status, in `ConsumerStatus` order: nanoseconds of the run judged so.
    public var nanoseconds: [Int64]
    /// The worst status judged at any sample.
    public var worst = ConsumerStatus.ok
    /// The status judged at the last sample.
    public var latest = ConsumerStatus.ok
    /// Events (or messages) handed to the group again: after a failed attempt, a fetch
    /// that timed out, or a visibility timeout.
    public var redeliveries = 0

    public init(name: String) {
        self.name = name
        nanoseconds = [Int64](repeating: 0, count: ConsumerStatus.allCases.count)
    }

    /// The group was judged `status` at the end of an interval of `length`.
    public mutating func record(_ status: ConsumerStatus, over length: TimeSpan) {
        nanoseconds[status.rawValue] += length.nanoseconds
        worst = Swift.max(worst, status)
        latest = status
    }

    /// Time spent judged `status`.
    public func time(in status: ConsumerStatus) -> TimeSpan { .nanoseconds(nanoseconds[status.rawValue]) }
}
