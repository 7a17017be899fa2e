import SimKernel

/// The classic "hold" benchmark of event-list speed: with n events pending, take the
/// earliest and schedule one at a random later time, over and over.
public struct HoldModel: EventHandling {
    /// A hold event carries nothing: the model measures the agenda, not the payload.
    public struct Event {}

    var random: RandomStream
    let meanHold: Double

    /// A model whose holds are exponential with mean `meanHold` nanoseconds.
    public init(seed: UInt64, meanHold: Double = 1_000_000) {
        random = RandomStream(seed: seed, name: "hold")
        self.meanHold = meanHold
    }

    /// Fills the agenda with `pending` events and performs `operations` hold steps.
    public mutating func run(pending: Int, operations: Int) -> Int {
        var scheduler = Scheduler<Event>()
        for _ in 0..<pending { scheduler.schedule(Event(), after: nextHold()) }
        _ = scheduler.run(&self, limits: RunLimits(eventBudget: operations))
        return scheduler.eventsHandled
    }

    /// One hold step: schedules the event again a fresh exponential hold from now, so the
    /// agenda keeps its size.
    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        scheduler.schedule(event, after: nextHold())
    }

    mutating func nextHold() -> TimeSpan {
        .nanoseconds(Int64(-meanHold * naturalLog(random.nextOpenUnit())))
    }
}
