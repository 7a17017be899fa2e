import SimKernel

extension ArchitectureMetrics {
    /// The warm-up ends at `instant`: the latencies (user-facing and end-to-end), every
    /// service's waits, holds and worker time, and the staleness recorded so far are dropped,
    /// so these figures cover only what is recorded from `instant` on. Counts of requests,
    /// failures and effects, the consistency ledger and the time series keep the whole run.
    public mutating func endWarmup(at instant: Instant) {
        warmupEnded = instant
        warmupRequests = requests
        closedLatencySuccess = Histogram()
        closedLatencyFailure = Histogram()
        series.current.setAsideLatencies()
        endToEnd = Histogram()
        for s in services.indices {
            services[s].holding = Histogram()
            services[s].queueing = Histogram()
            services[s].busyNanoseconds = 0
        }
        for t in staleness.indices { staleness[t] = Histogram() }
    }
}
