import Testing
import SimKernel
import SimMetrics
@testable import SimModels

/// Each caller → callee edge counts its calls, attempts and their outcomes where the call's
/// lifecycle decides them, and the edges add up to the architecture's totals.
struct CallingEdgeCountsTests {
    func run(_ world: WorldConfig, _ config: SyncConfig) -> ArchitectureMetrics {
        var model = SyncModel(world: world, config: config)
        return model.run().metrics
    }

    func edge(_ name: String, in m: ArchitectureMetrics) -> EdgeRecord { m.edges.first { $0.edge == name }! }

    /// Email never answers: every call into it makes its 3 attempts, each timing out, and
    /// email, doing no work, never calls notification.
    @Test func aCalleeThatAlwaysTimesOutCostsEveryAttempt() {
        let world = Worlds.payments(rate: 50, seconds: 10, faults: [Worlds.fault(.hang(.always), on: 1, at: 0, for: 100)])
        let config = SyncConfig(chain: [0, 1, 2], timeout: .milliseconds(100),
                                retries: RetryPolicy(attempts: 3, backoff: .constant, base: .milliseconds(10), jitter: .none))
        let m = run(world, config)
        let email = edge("payment → email", in: m)
        #expect(email.calls == m.requests && email.calls > 0)
        #expect(email.attempts == 3 * email.calls && email.retries == 2 * email.calls)
        #expect(email.timeouts == email.attempts)
        #expect(email.failed == 0 && email.rejected == 0 && email.shortCircuited == 0)
        #expect(edge("email → notification", in: m) == EdgeRecord(edge: "email → notification"))
    }

    /// A request every 100 ms calls email, whose work takes 950 ms, through a bulkhead of 2:
    /// a call holds its place for 951 ms (work and two 0.5 ms hops), so of every ten calls
    /// the first two get in and the eight that follow are refused at once.
    @Test func aBulkheadRefusesWhatItsLimitLeavesNoRoomFor() {
        var world = Worlds.payments(seconds: 10, emailWork: .constant(950_000_000))
        world.workload.arrivals = .constant(.perSecond(10))
        world.services[0].work = .constant(10_000_000)
        var config = Worlds.paymentChain
        config.bulkhead = 2
        let m = run(world, config)
        let email = edge("payment → email", in: m)
        let admitted = (0..<email.calls).filter { $0 % 10 < 2 }.count
        #expect(email.calls == m.requests && email.calls >= 90)
        #expect(email.rejected == email.calls - admitted)
        #expect(email.attempts == admitted && m.callsByAttempts[0] == email.rejected)
        #expect(m.services[1].started == admitted)
    }

    /// Under errors, retries and a breaker, every attempt and retry is some edge's, each callee
    /// receives what its edges sent, and an edge's first attempts are its calls that passed
    /// the breaker.
    @Test func edgesAddUpToTheArchitectureTotals() {
        let world = Worlds.payments(rate: 100, seconds: 15, faults: [
            Worlds.fault(.errors(Probability(0.3)), on: 1, at: 0, for: 15), Worlds.fault(.errors(.always), on: 2, at: 4, for: 4),
        ])
        var config = SyncConfig(chain: [0, 1, 2], timeout: .seconds(1),
                                retries: RetryPolicy(attempts: 3, backoff: .constant, base: .milliseconds(20), jitter: .none))
        config.breaker = BreakerPolicy(failureRateThreshold: 0.5, windowSize: 20, minimumCalls: 20, openDuration: .seconds(1), halfOpenCalls: 2)
        let m = run(world, config)
        #expect(m.edges.map(\.edge) == ["payment → email", "email → notification"])
        #expect(m.edges.map(\.attempts).reduce(0, +) == m.attempts)
        #expect(m.edges.map(\.retries).reduce(0, +) == m.retries && m.retries > 0)
        #expect(m.edges.map(\.calls).reduce(0, +) == m.callsByAttempts.reduce(0, +))
        #expect(m.edges[0].attempts == m.services[1].callAttempts && m.edges[1].attempts == m.services[2].callAttempts)
        for e in m.edges { #expect(e.attempts - e.retries == e.calls - e.shortCircuited, "\(e.edge)") }
        #expect(m.edges[0].failed > 0 && m.edges[1].shortCircuited > 0)
        #expect(m.edges.map(\.openings) == m.breakers.map(\.openings) && m.edges.map(\.timeOpen) == m.breakers.map(\.timeOpen))
    }

    /// Payment calls email twice, one step after the other: both nodes are the one edge
    /// `payment → email`, which counts both calls of every request.
    @Test func twoNodesAlongOneEdgeShareItsRecord() {
        let world = Worlds.payments(rate: 50, seconds: 5)
        let config = SyncConfig(graph: CallGraph(nodes: [CallNode(service: 0, steps: [[1], [2]]), CallNode(service: 1), CallNode(service: 1)]),
                                timeout: .seconds(2))
        let layout = SyncModel.metricsLayout(serviceNames: ["payment", "email", "notification"], config: config)
        #expect(layout.callEdges == ["payment → email"])
        let m = run(world, config)
        #expect(m.edges.count == 1 && m.edges[0].calls == 2 * m.requests && m.edges[0].attempts == m.edges[0].calls)
    }
}
