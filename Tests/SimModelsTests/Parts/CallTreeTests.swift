import Testing
import SimKernel
@testable import SimModels

/// The call tree's work draws are the stations' draws, whether or not they come from a batch
/// drawn ahead: the same for first attempts and retries, in or out of a fault's window.
struct CallTreeTests {
    @Test func workIsTheStationsDrawForEveryAttemptInAndOutOfFaults() {
        var world = Worlds.payments(rate: 10, seconds: 10, emailWork: .exponential(mean: 5e6))
        world.faults = [FaultConfig(kind: .slow(.exponential(mean: 50e6)), service: 1, start: .zero + .seconds(2), end: .zero + .seconds(4))]
        let faults = FaultBook(world.faults, serviceCount: world.services.count)
        let stations = Stations(world: world)
        var tree = CallTree(graph: CallGraph(nodes: [CallNode(service: 0, steps: [[1]]), CallNode(service: 1)]), defaultPolicy: CallPolicy(timeout: .seconds(1)),
                            targets: [-1, 0], world: world, backoffStream: "sync/backoff")
        for (request, attempt, second) in [(0, 0, 1), (1, 1, 1), (2, 1, 3), (3, 1, 5), (4, 2, 5), (5, 1, 5), (9, 1, 5), (6, 0, 1)] as [(UInt64, Int, Int64)] {
            for service in 0..<2 {
                let now = Instant.zero + .seconds(second)
                let visit = attempt == 0 ? Visit.root(attempt: 0, first: 0) : Visit.root(attempt: 0, first: 0).call(node: 1, attempt: UInt16(attempt), isPrimary: true)
                let drawn = tree.workTime(of: service, request: request, visit: visit, at: now, faults: faults)
                #expect(drawn == stations.workTime(of: service, request: request, visit: visit, at: now, faults: faults),
                        "request \(request) attempt \(attempt) at \(second) s")
            }
        }
    }
}
