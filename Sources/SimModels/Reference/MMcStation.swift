import SimKernel

/// A single queueing station with c identical servers and one FIFO line (G/G/c; M/M/c
/// with exponential arrivals and service), the textbook model Ripple is checked against.
///
/// It measures exactly what queueing theory predicts: the mean wait before service, the
/// mean time in the system, and the time-average number in the system (for Little's law).
public struct MMcStation: EventHandling {
    /// The station's two events.
    public enum Event {
        case arrival
        case departure
    }

    /// What one run measured.
    public struct Measurements: Sendable {
        /// Customers who have begun service; once the run drains, every arrival.
        public var customersServed = 0
        /// The customers' waits in line before service, summed, in nanoseconds.
        public var totalWait: Double = 0
        /// The customers' times from arrival to departure, summed, in nanoseconds.
        public var totalSojourn: Double = 0
        /// ∫ (number in system) dt, in customer-nanoseconds.
        public var customerTime: Double = 0
        /// Mean wait of each consecutive batch of customers, for batch-means error estimates.
        public var batchMeanWaits: [Double] = []
        /// Nanoseconds from the start to the last departure.
        public var elapsed: Double = 0

        /// Mean wait in line, in nanoseconds.
        public var meanWait: Double { totalWait / Double(customersServed) }
        /// Mean time from arrival to departure, in nanoseconds.
        public var meanSojourn: Double { totalSojourn / Double(customersServed) }
    }

    let servers: Int
    let interarrival: Distribution
    let service: Distribution
    let customerLimit: Int
    let batchSize: Int
    var arrivalsRandom: RandomStream
    var serviceRandom: RandomStream
    var waiting = RingBuffer<Instant>(capacity: 1024)
    var busy = 0
    var arrivals = 0
    var lastChange = Instant.zero
    var batchWait: Double = 0
    /// Customers still to start service before the current batch is complete.
    var batchLeft: Int
    /// What the station has measured so far; complete once `run()` returns.
    public private(set) var measurements = Measurements()

    /// A station with `servers` servers fed by `interarrival` gaps, serving for `service`
    /// time, that admits `customers` arrivals and then drains.
    public init(servers: Int, interarrival: Distribution, service: Distribution, customers: Int, seed: UInt64) {
        self.servers = servers
        self.interarrival = interarrival
        self.service = service
        self.customerLimit = customers
        self.batchSize = Swift.max(customers / 20, 1)
        batchLeft = batchSize
        arrivalsRandom = RandomStream(seed: seed, name: "station/arrivals")
        serviceRandom = RandomStream(seed: seed, name: "station/service")
    }

    /// Schedules the first arrival, runs to quiescence and returns the measurements.
    public mutating func run() -> (Measurements, eventsHandled: Int) {
        var scheduler = Scheduler<Event>()
        scheduler.scheduleStreamEvent(.arrival, at: .zero + .nanoseconds(interarrival.sample(&arrivalsRandom)))
        _ = scheduler.run(&self, limits: RunLimits())
        measurements.elapsed = Double(scheduler.now.nanoseconds)
        return (measurements, scheduler.eventsHandled)
    }

    /// Adds the time since the last event to `customerTime`, then handles an arrival (schedule
    /// the next, up to the limit; serve or queue this one) or a departure (the next in line is served).
    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        measurements.customerTime += Double(waiting.count + busy) * Double((now - lastChange).nanoseconds)
        lastChange = now
        switch event {
        case .arrival:
            arrivals += 1
            if arrivals < customerLimit {
                scheduler.scheduleStreamEvent(.arrival, at: now + .nanoseconds(interarrival.sample(&arrivalsRandom)))
            }
            if busy < servers { startService(arrivedAt: now, scheduler: &scheduler) } else { waiting.append(now) }
        case .departure:
            busy -= 1
            if let next = waiting.popFirst() { startService(arrivedAt: next, scheduler: &scheduler) }
        }
    }

    mutating func startService(arrivedAt: Instant, scheduler: inout Scheduler<Event>) {
        let wait = Double((scheduler.now - arrivedAt).nanoseconds)
        measurements.totalWait += wait
        measurements.customersServed += 1
        batchWait += wait
        batchLeft -= 1
        if batchLeft == 0 {
            measurements.batchMeanWaits.append(batchWait / Double(batchSize))
            batchWait = 0
            batchLeft = batchSize
        }
        busy += 1
        // The customer leaves `service` after starting: its sojourn is known now, its wait plus
        // its own service time, whichever of the servers' customers leaves first.
        let serviceTime = service.sample(&serviceRandom)
        measurements.totalSojourn += wait + Double(serviceTime)
        scheduler.schedule(.departure, after: .nanoseconds(serviceTime))
    }
}
