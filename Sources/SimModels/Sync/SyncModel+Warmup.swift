import SimKernel

/// The warm-up of a run in the synchronous design: the kernel ends it at the world's
/// `warmupEnd`, and the metrics drop what they recorded before.
extension SyncModel {
    /// When the world's warm-up ends, until it has ended.
    public var warmupEnd: Instant? { metrics.warmupEnded == nil ? world.warmupEnd : nil }

    /// The warm-up is over: the figures start at `instant`, and a worker held across it counts
    /// only its time after.
    @inline(never) public mutating func endWarmup(at instant: Instant) {  // once a run: kept out of the event loop
        metrics.endWarmup(at: instant)
        discountOpenHoldsBeforeWarmup(openCallHolds)
    }
}
