import SimKernel

extension WorldConfig {
    /// The delays many events of a run share, so that each gets a lane of its own in the
    /// scheduler (`Scheduler.openLane(for:)`): the network's constant latencies (by default
    /// and per link) and the services' constant work times, each once, in that order.
    public var sharedDelays: [TimeSpan] {
        var delays: [TimeSpan] = []
        let constants = ([network.latency] + network.links.map(\.latency) + services.map(\.work)).compactMap { distribution -> TimeSpan? in
            guard case .constant(let nanoseconds) = distribution else { return nil }
            return TimeSpan(nanoseconds: nanoseconds)
        }
        for delay in constants where !delays.contains(delay) { delays.append(delay) }
        return delays
    }
}

extension Scheduler {
    /// Opens a lane for each of `world`'s shared delays (see `WorldConfig.sharedDelays`).
    mutating func openLanes(for world: WorldConfig) {
        for delay in world.sharedDelays { openLane(for: delay) }
    }
}
