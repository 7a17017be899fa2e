import Testing
import SimKernel
@testable import SimModels

/// Messages meet exactly the network faults in force on their link.
struct NetworkTests {
    func network(_ faults: [NetworkFault]) -> Network {
        Network(NetworkConfig(latency: .constant(1_000_000), links: [LinkLatency(from: 0, to: 1, latency: .constant(7_000_000))]),
                faults: faults, seed: 1, name: "test")
    }

    @Test func linkOverridesWinOverTheDefault() {
        var n = network([])
        #expect(n.transmit(from: 0, to: 1, at: .zero) == .delivered(.milliseconds(7)))
        #expect(n.transmit(from: 1, to: 0, at: .zero) == .delivered(.milliseconds(1)))
    }

    @Test func dropsMatchTheirProbabilityOnlyInTheirWindowAndDirection() {
        let fault = NetworkFault(scope: .links(from: 0, to: 1, bothWays: false), drop: Probability(0.3),
                                 start: .zero + .seconds(1), end: .zero + .seconds(2))
        var n = network([fault])
        let inside = (0..<10_000).filter { _ in n.transmit(from: 0, to: 1, at: .zero + .milliseconds(1_500)) == .dropped }.count
        #expect(abs(Double(inside) / 10_000 - 0.3) < 5 * (0.21 / 10_000).squareRoot())
        #expect((0..<1_000).allSatisfy { _ in n.transmit(from: 1, to: 0, at: .zero + .milliseconds(1_500)) != .dropped })
        #expect((0..<1_000).allSatisfy { _ in n.transmit(from: 0, to: 1, at: .zero + .seconds(2)) != .dropped })
    }

    @Test func duplicatesAndReordersAddCopiesAndDelay() {
        let fault = NetworkFault(scope: .links(from: nil, to: nil, bothWays: false), duplicate: .always, reorder: .always,
                                 reorderDelay: .milliseconds(50), start: .zero, end: .distantFuture)
        var n = network([fault])
        #expect(n.transmit(from: 1, to: 0, at: .zero) == .duplicated(first: .milliseconds(51), second: .milliseconds(102)))
    }

    @Test func partitionsDropOrHoldAcrossTheCutOnly() {
        let cut = NetworkFault(scope: .partition(side: [0], oneWay: false), start: .zero, end: .zero + .seconds(10))
        var n = network([cut])
        #expect(n.transmit(from: 0, to: 1, at: .zero) == .dropped)
        #expect(n.transmit(from: 1, to: 0, at: .zero) == .dropped)
        #expect(n.transmit(from: 1, to: 2, at: .zero) == .delivered(.milliseconds(1)))
        var held = network([NetworkFault(scope: .partition(side: [0], oneWay: true), holdsUntilHeal: true, start: .zero, end: .zero + .seconds(10))])
        #expect(held.transmit(from: 0, to: 2, at: .zero + .seconds(4)) == .delivered(.seconds(6) + .milliseconds(1)))
        #expect(held.transmit(from: 2, to: 0, at: .zero + .seconds(4)) == .delivered(.milliseconds(1)))
    }
}
