import Testing
import SimKernel
@testable import SimModels

/// The station part on its own: an attempt's work and fate come from the request and the
/// attempt, whatever else was drawn before, and the faults in force change them only inside
/// their windows.
struct StationsTests {
    let world = WorldConfig(
        seed: 9, duration: .seconds(10), drain: .zero,
        workload: WorkloadConfig(entry: 0, arrivals: .poisson(.perSecond(10))),
        services: [ServiceConfig(name: "api", workers: 1, work: .exponential(mean: 10e6)),
                   ServiceConfig(name: "db", workers: 1, work: .exponential(mean: 2e6))])

    /// The same request and attempt get the same work and fate in either order, and a retry
    /// (the next attempt) draws anew.
    @Test func drawsDependOnTheRequestAndAttemptOnly() {
        let stations = Stations(world: world), faults = FaultBook([], serviceCount: 2)
        let forward = (1...50 as ClosedRange<UInt64>).map { stations.workTime(of: 0, request: $0, visit: .root(attempt: 0, first: 0), at: .zero, faults: faults) }
        let backward = (1...50 as ClosedRange<UInt64>).reversed().map { stations.workTime(of: 0, request: $0, visit: .root(attempt: 0, first: 0), at: .zero, faults: faults) }
        #expect(forward == backward.reversed())
        #expect(stations.workTime(of: 0, request: 1, visit: .root(attempt: 1, first: 0), at: .zero, faults: faults) != forward[0])
        #expect(stations.workTime(of: 1, request: 1, visit: .root(attempt: 0, first: 0), at: .zero, faults: faults) != forward[0], "each service has its own stream")
    }

    /// A slow fault replaces the work inside its window only; an errors fault strikes the
    /// share of attempts it names (half, within 5 standard errors of 2 000 draws).
    @Test func faultsActInsideTheirWindows() {
        let slow = FaultConfig(kind: .slow(.constant(1_000_000_000)), service: 0, start: .zero + .seconds(2), end: .zero + .seconds(4))
        let errors = FaultConfig(kind: .errors(Probability(0.5)), service: 1, start: .zero, end: .zero + .seconds(10))
        let stations = Stations(world: world), faults = FaultBook([slow, errors], serviceCount: 2)
        #expect(stations.workTime(of: 0, request: 7, visit: .root(attempt: 0, first: 0), at: .zero + .seconds(3), faults: faults) == 1_000_000_000)
        #expect(stations.workTime(of: 0, request: 7, visit: .root(attempt: 0, first: 0), at: .zero + .seconds(5), faults: faults)
                == stations.workTime(of: 0, request: 7, visit: .root(attempt: 0, first: 0), at: .zero, faults: FaultBook([], serviceCount: 2)))
        let failed = (1...2_000 as ClosedRange<UInt64>).filter { stations.fate(of: 1, request: $0, visit: .root(attempt: 0, first: 0), at: .zero + .seconds(1), faults: faults) == .fails }
        #expect(abs(Double(failed.count) - 1_000) <= 5 * (2_000 * 0.25).squareRoot())
        #expect(stations.fate(of: 0, request: 1, visit: .root(attempt: 0, first: 0), at: .zero + .seconds(1), faults: faults) == .served)
    }
}
