import SimKernel

/// The faults in force for each service at a given time, read by the models when work
/// starts or a message arrives. The same book drives every architecture of a run.
public struct FaultBook: Sendable {
    let faults: [FaultConfig]
    /// Per service, the indices of its faults on the whole service (not on one instance).
    let byService: [[Int]]

    public init(_ faults: [FaultConfig], serviceCount: Int) {
        self.faults = faults
        var byService = [[Int]](repeating: [], count: serviceCount)
        for (i, fault) in faults.enumerated() where fault.instance == nil { byService[fault.service].append(i) }
        self.byService = byService
        hasPauses = faults.contains { $0.kind == .pause }
    }

    /// Whether `service` has no fault on the whole service at any time: the models ask on
    /// every piece of work, and most services have none, so this answer is inlined.
    @inline(__always) func isClear(_ service: Int) -> Bool { byService[service].isEmpty }

    /// The distribution a service's own work follows at `time`.
    @inline(__always) public func work(of service: Int, normally: Distribution, at time: Instant) -> Distribution {
        isClear(service) ? normally : workUnderFaults(of: service, normally: normally, at: time)
    }

    /// `work(of:normally:at:)` for a service with faults.
    func workUnderFaults(of service: Int, normally: Distribution, at time: Instant) -> Distribution {
        var work = normally
        for i in byService[service] where faults[i].isActive(at: time) {
            switch faults[i].kind {
            case .slow(let replacement): work = replacement
            case .slowBy(let factor): work = work.scaled(by: factor)
            default: break
            }
        }
        return work
    }

    /// The probability that `service` fails a request at `time` (0 when no error fault is in force).
    public func errorProbability(of service: Int, at time: Instant) -> Probability {
        for i in byService[service] where faults[i].isActive(at: time) {
            if case .errors(let p) = faults[i].kind { return p }
        }
        return .never
    }

    /// Whether `service` is down at `time`.
    @inline(__always) public func isDown(_ service: Int, at time: Instant) -> Bool {
        !isClear(service) && isCrashed(service, at: time)
    }

    /// `isDown(_:at:)` for a service with faults.
    func isCrashed(_ service: Int, at time: Instant) -> Bool {
        byService[service].contains { faults[$0].kind == .crash && faults[$0].isActive(at: time) }
    }

    /// The probability that `service` never answers a request it receives at `time`.
    public func hangProbability(of service: Int, at time: Instant) -> Probability {
        for i in byService[service] where faults[i].isActive(at: time) {
            if case .hang(let p) = faults[i].kind { return p }
        }
        return .never
    }

    /// When `service` resumes if it is paused at `time`; `nil` when it is not paused.
    public func pausedUntil(_ service: Int, at time: Instant) -> Instant? {
        var until: Instant?
        for i in byService[service] where faults[i].kind == .pause && faults[i].isActive(at: time) {
            until = Swift.max(until ?? faults[i].end, faults[i].end)
        }
        return until
    }

    /// Whether any pause fault exists (so models skip the check when none does).
    public let hasPauses: Bool

    /// The instants at which a pause of `service` ends, in time order (pauses that never end
    /// have none).
    /// - Complexity: O(faults of the service).
    public func pauseEnds(of service: Int) -> [Instant] {
        byService[service].filter { faults[$0].kind == .pause && faults[$0].end != .distantFuture }.map { faults[$0].end }.sorted()
    }

    /// The instants at which some whole service crashes or recovers, in time order with the
    /// fault index.
    public var crashEdges: [(time: Instant, fault: Int, isStart: Bool)] { edges { $0.instance == nil } }

    /// The instants at which some single consumer instance crashes or recovers, in time
    /// order with the fault index.
    public var instanceCrashEdges: [(time: Instant, fault: Int, isStart: Bool)] { edges { $0.instance != nil } }

    func edges(where included: (FaultConfig) -> Bool) -> [(time: Instant, fault: Int, isStart: Bool)] {
        var edges: [(time: Instant, fault: Int, isStart: Bool)] = []
        for (i, fault) in faults.enumerated() where fault.kind == .crash && included(fault) {
            edges.append((fault.start, i, true))
            if fault.end != .distantFuture { edges.append((fault.end, i, false)) }
        }
        return edges.sorted { ($0.time, $0.fault) < ($1.time, $1.fault) }
    }

    /// The service a fault applies to.
    public func service(ofFault index: Int) -> Int { faults[index].service }

    /// The instance a fault applies to, or `nil` when it applies to the whole service.
    public func instance(ofFault index: Int) -> Int? { faults[index].instance }
}
