/// A model the kernel can run: state plus a handler for each of its events.
public protocol EventHandling: ~Copyable {
    /// The model's events, ideally a small enum of plain values.
    associatedtype Event
    /// Handles one event at `scheduler.now`, scheduling what follows from it.
    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>)
    /// The instant the model's warm-up ends, while it has not ended yet; `nil` otherwise.
    var warmupEnd: Instant? { get }
    /// The warm-up is over at `instant`: the model drops what it measured before. Called once,
    /// before the first event at or after `instant`, or when the run stops after it or for good.
    mutating func endWarmup(at instant: Instant)
}

extension EventHandling where Self: ~Copyable {
    /// No warm-up: the model measures from time zero.
    public var warmupEnd: Instant? { nil }
    /// No warm-up, nothing to drop.
    public mutating func endWarmup(at instant: Instant) {}
}

/// Why a run stopped.
public enum StopReason: String, Sendable {
    /// The time limit was reached.
    case timeLimit
    /// Nothing was left to happen.
    case quiescent
    /// The event budget was spent: a limit on runaway models, reported with the seed.
    case eventBudget
    /// A service's waiting line, or the backlog a broker holds for a topic, passed its limit:
    /// the model stopped the run (`Scheduler.stop`) before the line could exhaust memory.
    case lineLimit

    /// Whether a limit ended the run before its end (the event budget or a line's limit).
    public var isEarly: Bool { self == .eventBudget || self == .lineLimit }
}

/// Limits on one run: whichever is reached first stops it.
public struct RunLimits: Sendable {
    /// The last instant at which events are handled.
    public var until: Instant
    /// The largest number of events handled.
    public var eventBudget: Int

    /// Limits stopping a run at `until` or after `eventBudget` events; with neither given, the
    /// run goes on until nothing is left to happen.
    public init(until: Instant = .distantFuture, eventBudget: Int = .max) {
        self.until = until
        self.eventBudget = eventBudget
    }
}

extension Scheduler {
    /// Runs `model` until the time limit, quiescence, the event budget or the model's call to
    /// `stop(_:)`, whichever comes first.
    ///
    /// On a time limit the clock ends at `limits.until`, so time averages cover the whole window.
    /// The model's warm-up ends before the first event at or after its end, or when the run
    /// reaches that instant or has nothing left to do.
    @inlinable public mutating func run<Model: EventHandling & ~Copyable>(_ model: inout Model, limits: RunLimits) -> StopReason
    where Model.Event == Event {
        var warmupEnd = model.warmupEnd
        while eventsHandled < limits.eventBudget {
            guard let event = next(notAfter: limits.until) else {
                let stop: StopReason = isIdle ? .quiescent : .timeLimit
                if stop == .timeLimit { advance(to: limits.until) }
                if let end = warmupEnd, stop == .quiescent || end <= limits.until { model.endWarmup(at: end) }
                return stop
            }
            if let end = warmupEnd, now >= end {
                model.endWarmup(at: end)
                warmupEnd = nil
            }
            model.handle(event, scheduler: &self)
            if let stopRequest { return stopRequest }
        }
        return .eventBudget
    }
}

extension Scheduler {
    /// How many events a run with progress reporting handles at most between two reports, so a
    /// run that spends its event budget within one interval of virtual time still reports.
    public static var progressEventStride: Int { 1 << 16 }

    /// Runs `model` like `run(_:limits:)`, stopping every `interval` of virtual time and every
    /// `eventStride` events, whichever comes first, to call `progress` with the clock and the
    /// events handled so far. The run is the same event for event as one without progress:
    /// only the caller learns more often how far it got.
    public mutating func run<Model: EventHandling & ~Copyable>(_ model: inout Model, limits: RunLimits, reportingEvery interval: TimeSpan,
                                                 eventStride: Int = progressEventStride,
                                                 progress: (Instant, Int) -> Void) -> StopReason where Model.Event == Event {
        precondition(interval > .zero && eventStride > 0, "progress needs a positive interval and stride")
        var checkpoint = now + interval
        while true {
            let until = Swift.min(checkpoint, limits.until)
            let budget = Swift.min(limits.eventBudget, eventsHandled + eventStride)
            let reason = run(&model, limits: RunLimits(until: until, eventBudget: budget))
            progress(now, eventsHandled)
            switch reason {
            case .eventBudget where eventsHandled < limits.eventBudget:
                continue  // a stride of events done, not the budget: go on to the same checkpoint
            case .timeLimit where until < limits.until:
                checkpoint = until + interval
            default:
                return reason
            }
        }
    }
}
