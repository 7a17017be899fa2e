import SimKernel

/// What acts on one attempt at a service's own work, the same in every design and every part
/// that does work (a called service, the entry, a log or queue consumer): how long the work
/// takes (the service's distribution, or a `slow` fault's) and whether an `errors` or `hang`
/// fault strikes the attempt. Both are drawn from the request's and attempt's own streams,
/// never from the order in which work happens, so two designs facing one request face the
/// same draws.
///
/// The workers and line of one service are its `ServicePool`; what an attempt that hangs
/// means is the waiting side's (a caller's timeout, a consumer's fetch or visibility timeout).
struct Stations: Sendable {
    /// Per service: its work when no fault slows it.
    let normalWork: [Distribution]
    /// Per service: the draws of its work, per request and attempt.
    let workDraws: [RequestDraws]
    /// Per service: which attempts its `errors` and `hang` faults strike.
    let faultDraws: [RequestDraws]

    /// The services of `world`, their draws seeded by its seed.
    init(world: WorldConfig) {
        normalWork = world.services.map(\.work)
        workDraws = world.services.map { RequestDraws(seed: world.seed, name: $0.name + "/work") }
        faultDraws = FaultBook.faultDraws(serviceNames: world.services.map(\.name), seed: world.seed)
    }

    /// Nanoseconds of work for `request` at `service` on the visit `visit`, starting at `now`
    /// under `faults`.
    /// A service without faults (the common case) draws straight from its own distribution.
    @inline(__always) func workTime(of service: Int, request: UInt64, visit: Visit, at now: Instant, faults: FaultBook) -> Int64 {
        var random = workDraws[service].stream(request: request, word: visit.word)
        guard faults.isClear(service) else {
            return faults.workUnderFaults(of: service, normally: normalWork[service], at: now).sample(&random)
        }
        return normalWork[service].sample(&random)
    }

    /// Whether `request` at `service` on the visit `visit` is served, fails or hangs at `now` under `faults`.
    @inline(__always) func fate(of service: Int, request: UInt64, visit: Visit, at now: Instant, faults: FaultBook) -> AttemptFate {
        faults.fate(of: service, at: now, draws: faultDraws[service], request: request, word: visit.word)
    }
}
