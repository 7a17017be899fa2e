import SimKernel
import SimModels
import Testing
@testable import SimScenario

/// Swarm testing: each seed draws its own mix of the candidate faults and its own arrival
/// rate, always within the stated bounds, the same way every time, and only when asked.
struct SwarmTests {
    func scenario(swarm: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.parse(Array("""
        {"name": "s", "seed": 1, "duration": "2s", "drain": "1s",
         "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}},
         "services": {"a": {"work": "5ms"}, "b": {"work": "10ms"}},
         "architectures": {"sync": {"chain": ["a", "b"]}},
         "faults": [{"crash": "b", "at": "1900ms", "for": "10ms"}],
         "swarm": \(swarm)}
        """.utf8), file: "s.json")
    }

    let swarm = """
    {"faults": [{"errors": "b", "at": ["100ms", "1s"], "for": ["50ms", "500ms"], "fraction": 0.5},
                {"crash": "b", "at": ["1800ms", "1950ms"], "for": "100ms"},
                {"network": "a->b", "at": "0s", "delay": "5ms"}],
     "rate": ["20/s", "80/s"]}
    """

    @Test func eachSeedDrawsItsOwnMixWithinTheBounds() throws {
        var scenario = try scenario(swarm: swarm)
        #expect(scenario.world.faults.count == 1 && scenario.swarmDraw == nil)  // not swarming: as written
        scenario.isSwarming = true
        var seen = [0, 0, 0]
        for seed in UInt64(1)...200 {
            scenario.setSeed(seed)
            let draw = try #require(scenario.swarmDraw)
            let rate = try #require(draw.rate)
            #expect((20...80).contains(rate.eventsPerSecond))
            if case .poisson(let drawn) = scenario.world.workload.arrivals { #expect(drawn == rate) } else { Issue.record("kind changed") }
            #expect(scenario.world.faults.first?.start == Instant.zero + .milliseconds(1900))  // the written fault stays
            for fault in draw.faults {
                if case .errors = fault.kind {
                    seen[0] += 1
                    #expect(fault.start.sinceStart >= .milliseconds(100) && fault.start.sinceStart <= .seconds(1))
                    #expect(fault.end - fault.start >= .milliseconds(50) && fault.end - fault.start <= .milliseconds(500))
                } else {
                    seen[1] += 1
                    #expect(fault.end - fault.start == .milliseconds(100))
                }
            }
            seen[2] += draw.networkFaults.count
            if draw.descriptions.count != draw.faults.count + draw.networkFaults.count { Issue.record("one line per drawn fault") }
            #expect(scenario.world.faults.count == 1 + draw.faults.count && scenario.faultDescriptions.count == scenario.world.faults.count + scenario.world.networkFaults.count)
        }
        // Each candidate is drawn about half the time; the crash only when it misses the written one.
        #expect((70...130).contains(seen[0]) && (70...130).contains(seen[2]), "\(seen)")
        #expect(seen[1] > 0 && seen[1] < seen[0])
        // The same seed draws the same again.
        scenario.setSeed(17)
        let first = scenario.swarmDraw?.summary
        scenario.setSeed(18)
        scenario.setSeed(17)
        #expect(scenario.swarmDraw?.summary == first)
        scenario.isSwarming = false
        #expect(scenario.world.faults.count == 1 && scenario.world.networkFaults.isEmpty)
        if case .poisson(let rate) = scenario.world.workload.arrivals { #expect(rate.description == "50/s") }
    }

    /// What a seed may draw is estimated at the largest draw: the highest rate and every
    /// candidate fault from its earliest start for its longest length.
    @Test func theLargestDrawHasTheHighestRateAndEveryFaultAtItsLongest() throws {
        let largest = try #require(scenario(swarm: swarm).swarm?.largestDraw)
        #expect(largest.rate?.description == "80/s")
        #expect(largest.faults.map { $0.start.sinceStart } == [.milliseconds(100), .milliseconds(1800)])
        #expect(largest.faults.map { $0.end - $0.start } == [.milliseconds(500), .milliseconds(100)])
        #expect(largest.networkFaults.count == 1)
    }

    /// A scenario at 1 request a second whose network takes `latency`, with a swarm drawing
    /// rates from 1/s to `highest`; its `swarm` is on line 6.
    static func rateSwarm(latency: String, highest: String) -> String {
        """
        {"name": "s", "duration": "60s",
         "workload": {"entry": "a", "arrivals": {"poisson": "1/s"}},
         "services": {"a": {"work": "5ms"}, "b": {"work": "10ms"}},
         "network": {"latency": {"constant": "\(latency)"}},
         "architectures": {"sync": {"chain": ["a", "b"]}},
         "swarm": {"rate": ["1/s", "\(highest)"]}}
        """
    }

    /// A swarm whose highest rate puts 20 s of a million requests a second on the network is
    /// refused under `--swarm`, at `swarm`, though the file's own rate fits; without `--swarm`
    /// it has no effect. Before, the runs went ahead with the line limit of the file's rate.
    @Test func aSwarmWhoseLargestDrawPassesTheBudgetIsRefusedUnderSwarm() throws {
        let text = Self.rateSwarm(latency: "20s", highest: "1000000/s")
        let plain = try ScenarioLoader.parse(Array(text.utf8), file: "s.json")
        #expect(plain.world.lineLimit > 4_000_000)
        do {
            _ = try ScenarioLoader.parse(Array(text.utf8), file: "s.json", swarming: true)
            Issue.record("a draw of 20 s of a million requests a second on the network was accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["swarm"])
            #expect(error.issues.first?.position?.line == 6)
            #expect(error.issues.first?.message.hasPrefix("with --swarm, at its largest draw (the highest rate, every fault for its longest), "
                                                          + "the run would hold about ") == true, "\(error.issues)")
            #expect(error.issues.first?.message.hasSuffix("; or narrow the swarm's rate and fault lengths") == true, "\(error.issues)")
        }
    }

    /// Under `--swarm` the line limit is what the budget leaves after the largest draw, the
    /// same for every seed.
    @Test func theLineLimitOfASwarmIsSetAtItsLargestDraw() throws {
        let text = Self.rateSwarm(latency: "1s", highest: "100000/s")
        let plain = try ScenarioLoader.parse(Array(text.utf8), file: "s.json")
        var swarming = try ScenarioLoader.parse(Array(text.utf8), file: "s.json", swarming: true)
        let limit = swarming.world.lineLimit
        #expect(limit < plain.world.lineLimit, "a hundred thousand requests a second for 1 s on the network take room")
        #expect(limit == swarming.memoryEstimate.lineLimit(budget: MemoryEstimate.defaultBudget))
        swarming.setSeed(2)
        #expect(swarming.world.lineLimit == limit)
    }

    @Test func theSwarmIsReadStrictly() {
        func problems(_ swarm: String) -> [String] {
            do { _ = try scenario(swarm: swarm); return [] } catch { return error.issues.map { "\($0.path): \($0.message)" } }
        }
        #expect(problems("{\"fualts\": []}") == [
            "swarm.fualts: unknown field (did you mean \"faults\"?); expected one of \"faults\" or \"rate\"",
        ])
        #expect(problems("{\"faults\": [{\"slow\": \"a\", \"at\": [\"2s\", \"1s\"], \"factor\": 2}]}") == [
            "swarm.faults[0].at: expected the lower end first, found 2s then 1s",
        ])
        #expect(problems("{\"faults\": [{\"pause\": \"a\", \"at\": [\"1s\", \"3s\"]}]}") == [
            "swarm.faults[0].at: a start as late as 3s is after the run ends at 3s",
        ])
        #expect(problems("{\"faults\": [{\"slow\": \"c\", \"at\": \"1s\", \"factor\": 2}]}") == [
            "swarm.faults[0].slow: unknown service \"c\" (did you mean \"a\"?); expected one of \"a\" or \"b\"",
        ])
        #expect(problems("{\"rate\": [\"80/s\", \"20/s\"]}") == ["swarm.rate: expected the lower rate first, found 80/s then 20/s"])
        #expect(problems("{\"rate\": \"80/s\"}") == ["swarm.rate: expected a range of two rates, such as [\"100/s\", \"400/s\"], found \"80/s\""])
        #expect(problems("{}") == ["swarm: expected \"faults\", \"rate\" or both"])
    }

    /// A candidate must pass the checks a fault of `faults` passes against the workload and the
    /// architectures: drawn, a crash of an instance no architecture has would hit nothing, and a
    /// hang on the entry would keep its users waiting for ever.
    @Test func aCandidateIsCheckedAgainstTheWorkloadAndTheArchitectures() throws {
        func problems(_ candidate: String) -> [String] {
            do {
                _ = try ScenarioLoader.parse(Array("""
                {"name": "s", "duration": "2s", "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}},
                 "services": {"a": {"work": "5ms"}, "b": {"work": "10ms"}},
                 "architectures": {"events": {"consumers": {"b": {"instances": 2}}}},
                 "swarm": {"faults": [\(candidate)]}}
                """.utf8), file: "s.json")
                return []
            } catch { return error.issues.map { "\($0.path): \($0.message)" } }
        }
        #expect(problems("{\"crash\": \"b#7\", \"at\": [\"0s\", \"1s\"]}") == [
            "swarm.faults[0].crash: \"b\" has 2 instances in architecture \"events\", numbered from 0: there is no instance 7",
        ])
        #expect(problems("{\"errors\": \"a\", \"hang\": true, \"fraction\": 0.5, \"at\": \"1s\"}") == [
            "swarm.faults[0].errors: a hang needs a caller that gives up, and the users of the entry \"a\" wait for ever; "
                + "give them a timeout (workload.client.timeout), or use \"errors\" or \"crash\" on the entry",
        ])
        #expect(problems("{\"crash\": \"b#1\", \"at\": [\"0s\", \"1s\"]}").isEmpty)
    }
}
