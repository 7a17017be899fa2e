import Testing
import SimKernel
@testable import SimModels

/// The bare loop simulates the very queue the kernel's station does: same events, same instants.
struct BareMM1LoopTests {
    @Test(arguments: [(0.8, UInt64(1)), (0.5, UInt64(7)), (0.95, UInt64(42))])
    func handlesTheStationsEventsAtTheStationsInstants(rho: Double, seed: UInt64) {
        let meanService = 1_000_000.0, customers = 50_000
        let interarrival = Distribution.exponential(mean: meanService / rho), service = Distribution.exponential(mean: meanService)
        var station = MMcStation(servers: 1, interarrival: interarrival, service: service, customers: customers, seed: seed)
        let (measured, stationEvents) = station.run()
        var loop = BareMM1Loop(interarrival: interarrival, service: service, customers: customers, seed: seed)
        let counts = loop.run()
        #expect(counts.events == stationEvents)
        #expect(counts.events == 2 * customers)
        #expect(Double(counts.elapsed) == measured.elapsed)
    }
}
