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

    /// Arrival times of `count` messages sent 1 ms apart on 0 → 1 with 0.2–3 ms latency.
    func arrivals(_ faults: [NetworkFault], count: Int = 10_000) -> [Instant] {
        var n = Network(NetworkConfig(latency: .uniform(min: 200_000, max: 3_000_000)), faults: faults, seed: 5, name: "test")
        var arrivals: [Instant] = []
        for i in 0..<count {
            let sent = Instant.zero + .milliseconds(Int64(i))
            n.transmit(from: 0, to: 1, at: sent).forEachDelay { arrivals.append(sent + $0) }
        }
        return arrivals
    }

    /// A link is one connection: however the latencies fall, its messages arrive in the order
    /// they were sent (without the rule about a third of these would overtake one another).
    @Test func aLinkDeliversInTheOrderItWasGiven() {
        let times = arrivals([])
        #expect(times.count == 10_000)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
    }

    /// Links are independent: a slow message on 0 → 1 does not hold up 1 → 0 or 0 → 2.
    @Test func linksDoNotWaitForEachOther() {
        var n = network([NetworkFault(scope: .links(from: 0, to: 1, bothWays: false), extraLatency: .seconds(1),
                                      start: .zero, end: .zero + .milliseconds(1))])
        #expect(n.transmit(from: 0, to: 1, at: .zero) == .delivered(.seconds(1) + .milliseconds(7)))
        #expect(n.transmit(from: 0, to: 1, at: .zero + .milliseconds(2)) == .delivered(.seconds(1) + .milliseconds(5)))
        #expect(n.transmit(from: 1, to: 0, at: .zero + .milliseconds(2)) == .delivered(.milliseconds(1)))
        #expect(n.transmit(from: 0, to: 2, at: .zero + .milliseconds(2)) == .delivered(.milliseconds(1)))
    }

    /// A link keeps its order when messages on higher-numbered nodes widen the table of
    /// links: the slow message on 0 → 1 still holds up the next one there, and the new
    /// links start free.
    @Test func aLinkKeepsItsOrderWhenNewNodesAppear() {
        var n = network([NetworkFault(scope: .links(from: 0, to: 1, bothWays: false), extraLatency: .seconds(1),
                                      start: .zero, end: .zero + .milliseconds(1))])
        #expect(n.transmit(from: 0, to: 1, at: .zero) == .delivered(.seconds(1) + .milliseconds(7)))
        #expect(n.transmit(from: 9, to: 3, at: .zero + .milliseconds(1)) == .delivered(.milliseconds(1)))
        #expect(n.transmit(from: 2, to: 12, at: .zero + .milliseconds(1)) == .delivered(.milliseconds(1)))
        #expect(n.transmit(from: 0, to: 1, at: .zero + .milliseconds(2)) == .delivered(.seconds(1) + .milliseconds(5)))
        #expect(n.transmit(from: 9, to: 3, at: .zero + .milliseconds(1)) == .delivered(.milliseconds(1)))
        #expect(n.transmit(from: 3, to: 9, at: .zero + .milliseconds(1)) == .delivered(.milliseconds(1)))
    }

    /// Only a reorder fault lets later messages overtake: about its probability of them are
    /// held back, and each held message is overtaken.
    @Test func aReorderFaultLetsLaterMessagesOvertake() {
        let fault = NetworkFault(scope: .links(from: 0, to: 1, bothWays: false), reorder: Probability(0.1),
                                 reorderDelay: .milliseconds(50), start: .zero, end: .distantFuture)
        let times = arrivals([fault])
        let overtaken = zip(times, times.dropFirst()).filter { $0 > $1 }.count
        #expect(abs(Double(overtaken) / 10_000 - 0.1 * 0.9) < 5 * (0.09 * 0.91 / 10_000).squareRoot())
    }
}

