import SimKernel

/// One service's first-attempt work, drawn a batch of requests ahead while the requests reach
/// the service in the order of their ids, as every request reaches the entry.
///
/// A request's work comes from its own stream, so a value drawn early is the value drawn on
/// time: the batch changes no number, only when it is computed. Drawn together, the batch's
/// logarithms (an exponential's) overlap, where one at a time each waits on the event that
/// asked for it. A request that does not follow the one before (a service only some requests
/// reach, a request overtaken) is drawn on its own, so a sparse service draws nothing wasted.
struct WorkDrawnAhead {
    /// The requests of a batch.
    static let batch = 16
    /// The request whose work is `works[0]`; `.max` before the first batch.
    var first = UInt64.max
    /// The request asked for last; `.max` before the first, so that request 0 follows it.
    var lastAsked = UInt64.max
    var works = InlineArray<16, Int64>(repeating: 0)

    /// The work of attempt 0 of `request`, drawn from `work` with `draws`.
    @inline(__always) mutating func work(of request: UInt64, from work: Distribution, draws: RequestDraws) -> Int64 {
        defer { lastAsked = request }
        if request >= first && request - first < UInt64(Self.batch) { return works[Int(request - first)] }
        guard request == lastAsked &+ 1 else {
            var random = draws.stream(request: request)
            return work.sample(&random)
        }
        drawBatch(from: request, work, draws)
        return works[0]
    }

    /// Draws the work of requests `request ..< request + batch`.
    mutating func drawBatch(from request: UInt64, _ work: Distribution, _ draws: RequestDraws) {
        first = request
        for i in works.indices {
            var random = draws.stream(request: request &+ UInt64(i))
            works[i] = work.sample(&random)
        }
    }
}
