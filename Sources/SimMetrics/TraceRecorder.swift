import SimKernel

/// Keeps what happened to a sample of requests, for traces and sequence diagrams: spans of
/// work on each node and the messages between nodes.
///
/// Requests are sampled by id (every `stride`-th, up to `limit` of them), so the same
/// requests are traced in every architecture and the cost for the rest is one comparison.
/// Each traced request keeps at most `recordsPerRequest` messages and as many spans, the
/// first recorded (and as many timeouts): a request redelivered without end (a queue whose
/// visibility timeout is 0, a message that always fails with no `maxReceiveCount`) would
/// otherwise grow the trace for as long as the run lasts. What is left out is counted in
/// `omissions`, so the trace can say so.
public struct TraceRecorder: Sendable {
    /// The most messages, the most spans and the most timeouts kept of one traced request.
    public static let recordsPerRequest = 1_000
    /// Every `stride`-th request is traced.
    public let stride: UInt64
    /// At most this many requests are traced.
    public let limit: UInt64
    /// The largest id that can be traced, `limit · stride − 1` (when `limit` is positive).
    @usableFromInline let lastSampled: UInt64
    /// `stride` is an odd number times 2^`strideShift`.
    @usableFromInline let strideShift: UInt64
    /// The inverse of `stride`'s odd part modulo 2^64.
    @usableFromInline let oddInverse: UInt64
    /// The largest quotient a multiple of `stride` can have: (2^64 − 1) / `stride`.
    @usableFromInline let largestQuotient: UInt64
    /// The traced requests' spans, in the order they were recorded.
    public private(set) var spans: [TraceSpan] = []
    /// The traced requests' messages, in the order they were recorded.
    public private(set) var messages: [TraceMessage] = []
    /// The traced requests' calls that timed out, in the order they timed out.
    public private(set) var timeouts: [TraceTimeout] = []
    /// Messages recorded of each traced request, kept or not, by its rank (`id / stride`).
    private var messageCounts: [Int] = []
    /// Spans recorded of each traced request, kept or not, by its rank (`id / stride`).
    private var spanCounts: [Int] = []
    /// Timeouts recorded of each traced request, kept or not, by its rank (`id / stride`).
    private var timeoutCounts: [Int] = []
    /// What was left out of each traced request that reached a limit, in the order each first did.
    public private(set) var omissions: [TraceOmission] = []
    /// Each traced request's place in `omissions`, by its rank; -1 while nothing of it is left out.
    private var omissionIndex: [Int] = []

    /// A recorder tracing `limit` requests spread over about `expectedRequests`; `limit` 0 traces none.
    public init(limit: Int, expectedRequests: Int) {
        self.limit = UInt64(Swift.max(0, limit))
        stride = UInt64(Swift.max(1, expectedRequests / Swift.max(1, limit)))
        let (end, overflowed) = self.limit.multipliedReportingOverflow(by: stride)
        lastSampled = overflowed ? .max : end &- 1
        strideShift = UInt64(stride.trailingZeroBitCount)
        let odd = stride >> strideShift
        var inverse = odd  // correct to 3 bits; each Newton step doubles the bits
        for _ in 0..<5 { inverse &*= 2 &- odd &* inverse }
        oddInverse = inverse
        largestQuotient = UInt64.max / stride
    }

    /// Whether request `id` is traced: a multiple of `stride` below `limit · stride`.
    ///
    /// Asked several times for every request, so it divides by nothing: ids past the last
    /// traced one fail one comparison, and a multiple of `stride = odd · 2^k` is recognised
    /// by multiplying by the inverse of `odd` modulo 2^64 (Hacker's Delight, 10–17).
    @inlinable public func isSampled(_ id: UInt64) -> Bool {
        id <= lastSampled && limit > 0 && Self.rotateRight(id &* oddInverse, by: strideShift) <= largestQuotient
    }

    /// `x` rotated right by `k` bits, `k` below 64.
    @inlinable @inline(__always) static func rotateRight(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x &>> k) | (x &<< ((64 &- k) & 63))
    }

    /// Records a span of `kind` on `track` for request `id`, which must be traced (`isSampled`).
    /// Beyond `recordsPerRequest` spans of the request it is only counted.
    public mutating func span(_ kind: TraceSpan.Kind, request id: UInt64, track: TraceTrack, from start: Instant, to end: Instant) {
        precondition(isSampled(id), "only a traced request's spans are recorded")
        guard Self.count(request: id, stride: stride, in: &spanCounts) <= Self.recordsPerRequest else {
            return omit(request: id, at: start) { $0.spans += 1 }
        }
        spans.append(TraceSpan(kind: kind, request: id, track: track, start: start, end: end))
    }

    /// Records a message of `kind` from one track to another for request `id`: for a call or
    /// its reply, which `attempt` of the call it belongs to (1 for the first), and for a reply
    /// the `failure` it answers with (`nil`: success). `id` must be traced (`isSampled`); beyond
    /// `recordsPerRequest` messages of the request it is only counted.
    public mutating func message(_ kind: TraceMessage.Kind, request id: UInt64, from: TraceTrack, to: TraceTrack, sent: Instant, received: Instant,
                                 attempt: Int = 1, failure: FailureKind? = nil) {
        precondition(isSampled(id), "only a traced request's messages are recorded")
        guard Self.count(request: id, stride: stride, in: &messageCounts) <= Self.recordsPerRequest else {
            return omit(request: id, at: sent) { $0.messages += 1 }
        }
        messages.append(TraceMessage(kind: kind, request: id, from: from, to: to, sent: sent, received: received, attempt: attempt, failure: failure))
    }

    /// How many messages of traced request `id` were recorded, those not kept included.
    public func messageCount(request id: UInt64) -> Int {
        let rank = Int(id / stride)
        return rank < messageCounts.count ? messageCounts[rank] : 0
    }

    /// Counts one more record of request `id` in `counts`, by its rank, and returns its count.
    private static func count(request id: UInt64, stride: UInt64, in counts: inout [Int]) -> Int {
        let rank = Int(id / stride)
        if rank >= counts.count { counts.append(contentsOf: repeatElement(0, count: rank + 1 - counts.count)) }
        counts[rank] += 1
        return counts[rank]
    }

    /// Counts a record of request `id` beginning at `start` that the trace leaves out.
    private mutating func omit(request id: UInt64, at start: Instant, _ count: (inout TraceOmission) -> Void) {
        let rank = Int(id / stride)
        if rank >= omissionIndex.count { omissionIndex.append(contentsOf: repeatElement(-1, count: rank + 1 - omissionIndex.count)) }
        if omissionIndex[rank] < 0 {
            omissionIndex[rank] = omissions.count
            omissions.append(TraceOmission(request: id, first: start))
        }
        let index = omissionIndex[rank]
        count(&omissions[index])
        omissions[index].first = Swift.min(omissions[index].first, start)
    }

    /// Records that `caller` stopped waiting at `time` for attempt `attempt` of its call to
    /// `callee` for request `id`, which must be traced, after waiting `limit`. Beyond
    /// `recordsPerRequest` timeouts of the request it is only counted.
    public mutating func timeout(request id: UInt64, caller: TraceTrack, callee: TraceTrack, attempt: Int, at time: Instant, after limit: TimeSpan) {
        precondition(isSampled(id), "only a traced request's timeouts are recorded")
        guard Self.count(request: id, stride: stride, in: &timeoutCounts) <= Self.recordsPerRequest else {
            return omit(request: id, at: time) { $0.timeouts += 1 }
        }
        timeouts.append(TraceTimeout(request: id, caller: caller, callee: callee, attempt: attempt, time: time, limit: limit))
    }
}

/// What a trace left out of one traced request past `TraceRecorder.recordsPerRequest`.
public struct TraceOmission: Sendable, Equatable {
    /// The traced request's id.
    public var request: UInt64
    /// Messages of the request not kept.
    public var messages = 0
    /// Spans of the request not kept.
    public var spans = 0
    /// Timeouts of the request not kept.
    public var timeouts = 0
    /// When the earliest record not kept begins (a span's start, a message's sending).
    public var first: Instant
}

/// Where a span happens: a node (service or broker) and, for consumers, an instance.
public struct TraceTrack: Sendable, Hashable, Comparable {
    /// The node: a service index, or the broker (services count).
    public var node: Int
    /// The instance within the node (0 when there is one).
    public var instance: Int

    /// Instance `instance` of node `node`.
    public init(node: Int, instance: Int = 0) {
        self.node = node
        self.instance = instance
    }

    /// Orders tracks by node, then by instance, as traces list them.
    public static func < (a: TraceTrack, b: TraceTrack) -> Bool { (a.node, a.instance) < (b.node, b.instance) }
}

/// A stretch of time a traced request spent on one track.
public struct TraceSpan: Sendable {
    /// What the time was spent on.
    public enum Kind: String, Sendable {
        case queued, work, waiting, process
    }

    /// What the request spent the time on.
    public var kind: Kind
    /// The traced request's id, its correlation id in `trace.json`.
    public var request: UInt64
    /// The node (and instance) the time was spent on.
    public var track: TraceTrack
    /// When the span began.
    public var start: Instant
    /// When the span ended.
    public var end: Instant
}

/// A message of a traced request from one track to another.
public struct TraceMessage: Sendable {
    /// What the message is.
    public enum Kind: String, Sendable {
        case call, reply, publish, ack, delivery
    }

    /// What the message carries.
    public var kind: Kind
    /// The traced request's id, its correlation id in `trace.json`.
    public var request: UInt64
    /// The track that sent the message.
    public var from: TraceTrack
    /// The track that received it.
    public var to: TraceTrack
    /// When it left the sender.
    public var sent: Instant
    /// When it reached the receiver: `sent` plus the network's delay.
    public var received: Instant
    /// For a call or a reply, the call's attempt: 1 for the first, 2 for the first retry.
    public var attempt: Int = 1
    /// For a reply, what it answers: `nil` for success.
    public var failure: FailureKind?
}

/// A traced request's call whose caller stopped waiting for an answer.
public struct TraceTimeout: Sendable {
    /// The traced request's id.
    public var request: UInt64
    /// The track that gave up waiting.
    public var caller: TraceTrack
    /// The track it had called.
    public var callee: TraceTrack
    /// The attempt that timed out: 1 for the first.
    public var attempt: Int
    /// When the caller gave up.
    public var time: Instant
    /// How long the caller waits for an answer before giving up (the call's timeout).
    public var limit: TimeSpan
}
