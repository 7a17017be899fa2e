import SimKernel

/// One service's work for one attempt number, drawn a batch of requests ahead while the
/// requests reach the service in the order of their ids, as every request reaches the entry
/// and, mostly, the services it calls.
///
/// A request's work comes from its own stream, so a value drawn early is the value drawn on
/// time: the batch changes no number, only when it is computed. Drawn together, the batch's
/// logarithms (an exponential's) overlap, where one at a time each waits on the event that
/// asked for it. A request that does not follow the one before (a service only some requests
/// reach, a request overtaken) is drawn on its own, so a sparse service draws nothing wasted.
struct WorkDrawnAhead {
    /// The attempt number the batch is for.
    var attempt = 0
    /// The request whose work is `works[0]`.
    var first: UInt64 = 0
    /// How many of `works` hold a draw: none before the first batch, then all.
    var drawn: UInt64 = 0
    /// The request asked for last; `.max` before the first, so that request 0 follows it.
    var lastAsked = UInt64.max
    var works = InlineArray<16, Int64>(repeating: 0)

    /// The work of attempt `attempt` of `request`, drawn from `work` with `draws`.
    @inline(__always) mutating func work(of request: UInt64, attempt: Int, from work: Distribution, draws: RequestDraws) -> Int64 {
        defer { lastAsked = request }
        // Wrapping: a request before `first` is far past the batch.
        if attempt == self.attempt, request &- first < drawn { return works[Int(request &- first)] }
        guard request == lastAsked &+ 1 else {
            var random = draws.stream(request: request, attempt: attempt)
            return work.sample(&random)
        }
        drawBatch(from: request, attempt: attempt, work, draws)
        return works[0]
    }

    /// Draws the work of attempt `attempt` of the requests from `request` on, a batch's worth.
    mutating func drawBatch(from request: UInt64, attempt: Int, _ work: Distribution, _ draws: RequestDraws) {
        (self.attempt, first, drawn) = (attempt, request, UInt64(works.count))
        for i in works.indices {
            var random = draws.stream(request: request &+ UInt64(i), attempt: attempt)
            works[i] = work.sample(&random)
        }
    }
}
