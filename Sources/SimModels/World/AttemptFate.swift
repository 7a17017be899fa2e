import SimKernel

/// What the service faults in force do to one attempt of one request at a service.
///
/// The decision is drawn from the request, the attempt and the service (`RequestDraws`), not
/// from the order in which a design happens to process requests, so every design meets the
/// same fate for the same attempt: a 30 % `errors` fault fails the same requests in a
/// synchronous chain and in an event consumer.
public enum AttemptFate: UInt8, Sendable {
    /// No fault strikes: the service does its work.
    case served
    /// An `errors` fault strikes: the attempt fails at once, without the service's work.
    case fails
    /// A `hang` fault strikes: the service never answers; whoever waits gives up on its own timeout.
    case hangs
}

extension FaultBook {
    /// The fate of request `request` reaching `service` at `time` on the visit `word` names
    /// (`RequestDraws.stream(request:word:)`), drawn from `draws` (the service's fault draws).
    @inline(__always) public func fate(of service: Int, at time: Instant, draws: RequestDraws, request: UInt64, word: UInt64) -> AttemptFate {
        isClear(service) ? .served : fateUnderFaults(of: service, at: time, draws: draws, request: request, word: word)
    }

    /// `fate(of:at:draws:request:word:)` for a service with faults.
    func fateUnderFaults(of service: Int, at time: Instant, draws: RequestDraws, request: UInt64, word: UInt64) -> AttemptFate {
        let error = errorProbability(of: service, at: time), hang = hangProbability(of: service, at: time)
        guard error != .never || hang != .never else { return .served }
        var random = draws.stream(request: request, word: word)
        if random.chance(error) { return .fails }
        return random.chance(hang) ? .hangs : .served
    }

    /// Per service, the draws that decide which attempts its faults strike, in the run seeded `seed`.
    public static func faultDraws(serviceNames: [String], seed: UInt64) -> [RequestDraws] {
        serviceNames.map { RequestDraws(seed: seed, name: $0 + "/faults") }
    }
}
