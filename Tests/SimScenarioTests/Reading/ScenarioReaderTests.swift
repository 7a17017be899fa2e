import Testing
import SimKernel
import SimModels
@testable import SimScenario

/// A well-formed scenario reads into exactly the world it describes.
struct ScenarioReaderTests {
    func read(_ text: String) throws(ScenarioError) -> Scenario { try ScenarioLoader.parse(Array(text.utf8), file: "t.json") }

    func issues(_ text: String) -> [ScenarioIssue] {
        do { _ = try read(text); return [] } catch { return error.issues }
    }

    let minimal = """
    {"name": "m", "duration": "10s", "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}},
     "services": {"a": {"work": "1ms"}, "b": {"workers": 3, "queue": 7, "work": {"exponential": "5ms"}}},
     "architectures": {"sync": {"chain": ["a", "b"]}, "events-x": {"consumers": {"b": {"instances": 2}}}}}
    """

    @Test func readsTheWorldAndTheDefaults() throws {
        let s = try read(minimal)
        #expect(s.name == "m" && s.world.seed == 1 && s.world.duration == .seconds(10) && s.world.drain == .zero)
        #expect(s.world.services.map(\.name) == ["a", "b"])
        #expect(s.world.services[1].workers == 3 && s.world.services[1].queueCapacity == 7)
        #expect(s.world.services[1].work == .exponential(mean: 5e6))
        #expect(s.world.workload.arrivals == .poisson(Rate(parsing: "50/s")!))
        #expect(s.architectures.map(\.name) == ["sync", "events-x"])
        guard case .sync(let sync) = s.architectures[0].design, case .events(let events) = s.architectures[1].design else {
            Issue.record("wrong designs"); return
        }
        #expect(sync.graph == .chain([0, 1]) && sync.timeout == .seconds(2) && sync.retries.attempts == 1)
        #expect(events.partitions == 12 && events.publish == .outbox && events.consumers.map(\.instances) == [2])
    }

    @Test func readsEveryDistributionForm() throws {
        let forms: [(String, Distribution)] = [
            ("\"3ms\"", .constant(3_000_000)),
            ("{\"uniform\": {\"min\": \"1ms\", \"max\": \"2ms\"}}", .uniform(min: 1_000_000, max: 2_000_000)),
            ("{\"normal\": {\"mean\": \"10ms\", \"stddev\": \"2ms\"}}", .normal(mean: 1e7, standardDeviation: 2e6)),
            ("{\"pareto\": {\"scale\": \"1ms\", \"shape\": 1.5}}", .pareto(scale: 1e6, shape: 1.5)),
            ("{\"lognormal\": {\"median\": \"20ms\", \"p99\": \"80ms\"}}", .lognormal(median: 2e7, p99: 8e7)),
        ]
        for (json, expected) in forms {
            let s = try read(minimal.replacingOccurrences(of: "\"work\": \"1ms\"", with: "\"work\": \(json)"))
            #expect(s.world.services[0].work == expected, "\(json)")
        }
        let table = try read(minimal.replacingOccurrences(of: "\"work\": \"1ms\"", with: "\"work\": {\"empirical\": {\"p50\": \"20ms\", \"p99\": \"120ms\", \"max\": \"2s\"}}"))
        guard case .empirical(let t) = table.world.services[0].work else { Issue.record("not empirical"); return }
        #expect(t.probabilities == [0, 0.5, 0.99, 1] && t.values == [0, 2e7, 1.2e8, 2e9])
        let mixture = try read(minimal.replacingOccurrences(of: "\"work\": \"1ms\"", with: "\"work\": {\"mixture\": [{\"weight\": 99, \"constant\": \"10ms\"}, {\"weight\": 1, \"constant\": \"2s\"}]}"))
        #expect(mixture.world.services[0].work.mean == 0.99 * 1e7 + 0.01 * 2e9)
    }

    @Test func readsFaults() throws {
        let s = try read(minimal.dropLast() + ", \"faults\": [{\"slow\": \"b\", \"at\": \"2s\", \"for\": \"3s\", \"factor\": 40}, {\"crash\": \"a\", \"at\": \"1s\"}]}")
        #expect(s.world.faults.count == 2)
        #expect(s.world.faults[0].kind == .slowBy(factor: 40) && s.world.faults[0].end == .zero + .seconds(5))
        #expect(s.world.faults[1].end == .distantFuture)
        #expect(s.faultDescriptions == ["slow b ×40 from 2 s to 5 s", "crash a from 1 s to the end"])
    }

    /// `slowFactor` and `errorFraction` shape drawn faults of their kind only: chaos that draws
    /// no such fault refuses them at their key, instead of accepting a setting that changes nothing.
    @Test func chaosRefusesSettingsOfAKindItDoesNotDraw() throws {
        func chaos(_ fields: String) -> String {
            minimal.dropLast() + ", \"chaos\": {\"targets\": [\"b\"], \"every\": \"2s\", \"lasting\": \"1s\", \(fields)}}"
        }
        let found = issues(chaos("\"kinds\": [\"crash\"], \"slowFactor\": 50, \"errorFraction\": 0.9"))
        #expect(found.map { "\($0.path): \($0.message)" } == [
            "chaos.slowFactor: applies only when \"kinds\" holds \"slow\"; no slow fault is drawn",
            "chaos.errorFraction: applies only when \"kinds\" holds \"errors\"; no errors fault is drawn",
        ])
        #expect(found.allSatisfy { $0.position != nil })
        let drawn = try read(chaos("\"kinds\": [\"slow\", \"errors\"], \"slowFactor\": 50, \"errorFraction\": 0.9")).chaos
        #expect(drawn?.slowFactor == 50 && drawn?.errorFraction == Probability(partsPerBillion: 900_000_000))
        #expect(issues(chaos("\"kinds\": [\"slwo\"], \"slowFactor\": 50")).map(\.path) == ["chaos.kinds[0]"])
    }

    /// The broker takes crash and pause faults only: chaos draws a slowdown or errors among
    /// the services of its targets, and with the broker its only target, refuses those kinds
    /// where they are named rather than drawing faults that change nothing.
    @Test func chaosOnlyOnTheBrokerRefusesSlowAndErrors() throws {
        func chaos(_ targets: String, _ kinds: String) -> String {
            minimal.dropLast() + ", \"chaos\": {\"targets\": [\(targets)], \"kinds\": [\(kinds)], \"every\": \"2s\", \"lasting\": \"1s\"}}"
        }
        let found = issues(chaos("\"broker\"", "\"crash\", \"slow\", \"pause\", \"errors\""))
        #expect(found.map { "\($0.path): \($0.message)" } == [
            "chaos.kinds[1]: slow faults have no target: the broker, the only one in \"targets\", takes only crash and pause faults",
            "chaos.kinds[3]: errors faults have no target: the broker, the only one in \"targets\", takes only crash and pause faults",
        ])
        #expect(found.allSatisfy { $0.position != nil })
        #expect(try read(chaos("\"broker\"", "\"crash\", \"pause\"")).chaos?.broker == 2)
        #expect(try read(chaos("\"broker\", \"b\"", "\"slow\"")).chaos?.targets == [2, 1])
    }

    /// Each kind and each target of chaos is drawn equally likely, so one named twice is
    /// refused where it repeats rather than drawn twice as often.
    @Test func chaosRefusesAKindOrTargetNamedTwice() {
        let found = issues(minimal.dropLast() + """
            , "chaos": {"targets": ["b", "a", "b"], "kinds": ["crash", "slow", "crash"], "every": "2s", "lasting": "1s"}}
            """)
        #expect(found.map { "\($0.path): \($0.message)" } == [
            "chaos.targets[2]: \"b\" is named twice; each target is drawn equally likely, so name it once",
            "chaos.kinds[2]: \"crash\" is named twice; each kind is drawn equally likely, so name it once",
        ])
        #expect(found.allSatisfy { $0.position != nil })
    }

    @Test func reportsEveryProblemAtOnceInFileOrder() {
        let found = issues("""
        {"name": "m", "duration": "10s", "workload": {"entry": "c", "arrivals": {"poisson": "0/s"}},
         "services": {"a": {"workers": 0, "work": "1ms"}},
         "architectures": {"sync": {"chain": ["a"], "timeout": "fast"}}}
        """)
        #expect(found.map(\.path) == ["workload.entry", "workload.arrivals.poisson", "services.a.workers", "architectures.sync.timeout"])
        #expect(found.allSatisfy { $0.position != nil })
    }

    @Test func namesMustBeUsableAsFolders() {
        #expect(issues(minimal.replacingOccurrences(of: "\"name\": \"m\"", with: "\"name\": \"../evil\"")).map(\.path) == ["name"])
    }

    /// `broker` names the broker node in faults and `all` every architecture in expectations:
    /// neither can name a service or an architecture, or one name would mean two things.
    @Test func refusesTheReservedNames() {
        let service = issues(minimal.replacingOccurrences(of: "\"b\"", with: "\"broker\""))
        #expect(service.map(\.path) == ["services.broker"])
        #expect(service.first?.message.contains("\"broker\" is reserved for the broker node in faults") == true, "\(service.map(\.message))")
        let architecture = issues(minimal.replacingOccurrences(of: "\"sync\": {", with: "\"all\": {\"kind\": \"sync\", "))
        #expect(architecture.map(\.path) == ["architectures.all"])
        #expect(architecture.first?.message.contains("\"all\" is reserved") == true, "\(architecture.map(\.message))")
        #expect(issues(minimal.replacingOccurrences(of: "\"b\"", with: "\"brokers\"")).isEmpty)
    }

    /// A bad scenario name is reported where its value is, not at the file's first character.
    @Test func aBadNameIsReportedAtItsValue() {
        let found = issues(minimal.replacingOccurrences(of: "{\"name\": \"m\"", with: "{\n  \"name\": \"a/b\""))
        #expect(found.map(\.path) == ["name"])
        #expect(found.first?.position == TextPosition(line: 2, column: 11))
    }

    /// The users of `client`, read into the minimal scenario's workload.
    func client(_ client: String) throws(ScenarioError) -> ClientPolicy? {
        try read(minimal.replacingOccurrences(of: "\"arrivals\": {\"poisson\": \"50/s\"}", with: "\"arrivals\": {\"poisson\": \"50/s\"}, \"client\": \(client)"))
            .world.workload.client
    }

    /// `client.timeout` may be left out, as documented: users then wait for ever and retry only
    /// after a failure. The reader refused it as missing and then called `retries` an unknown
    /// field, the one problem hiding the other.
    @Test func usersWithoutATimeoutWaitForEverAndStillRetry() throws {
        let patient = try client(#"{"retries": {"attempts": 3}}"#)
        #expect(patient?.timeout == nil && patient?.retries.attempts == 3)
        #expect(try client(#"{"timeout": "3s"}"#)?.timeout == .seconds(3))
    }

    /// A bad timeout does not hide a problem in `retries`: both are reported, at their paths,
    /// and `retries` is never called an unknown field.
    @Test func aBadClientTimeoutAndBadRetriesAreBothReported() {
        let found = issues(minimal.replacingOccurrences(of: "\"arrivals\": {\"poisson\": \"50/s\"}",
                                                        with: #""arrivals": {"poisson": "50/s"}, "client": {"timeout": "2h", "retries": {"attempts": 0}}"#))
        #expect(found.map(\.path) == ["workload.client.timeout", "workload.client.retries.attempts"], "\(found)")
    }
}

/// Call trees: who calls whom, in which order, in parallel or not, required or best effort.
struct CallGraphReadingTests {
    let services = """
    "services": {"signup": {"work": "5ms"}, "email": {"work": "5ms"}, "profile": {"work": "5ms"},
                 "analytics": {"work": "5ms"}, "notification": {"work": "5ms"}}
    """

    func read(_ sync: String) throws(ScenarioError) -> SyncConfig? {
        let text = """
        {"name": "g", "duration": "1s", "workload": {"entry": "signup", "arrivals": {"poisson": "10/s"}}, \(services),
         "architectures": {"sync": \(sync)}}
        """
        guard case .sync(let config) = try ScenarioLoader.parse(Array(text.utf8), file: "g.json").architectures[0].design else { return nil }
        return config
    }

    @Test func readsStepsParallelSetsAndNestedCallers() throws {
        let config = try #require(try read("""
        {"calls": {"signup": ["email", {"parallel": ["profile", "analytics"]}], "profile": ["notification"]}, "bestEffort": ["analytics"]}
        """))
        let nodes = config.graph.nodes
        #expect(nodes.map(\.service) == [0, 1, 2, 4, 3])
        #expect(nodes[0].steps == [[1], [2, 4]])
        #expect(nodes[2].steps == [[3]])
        #expect(nodes[4].isRequired == false && nodes[1].isRequired)
    }

    @Test func rejectsCyclesAndOrphans() {
        #expect(throws: ScenarioError.self) { try read("{\"calls\": {\"signup\": [\"email\"], \"email\": [\"signup\"]}}") }
        #expect(throws: ScenarioError.self) { try read("{\"calls\": {\"signup\": [\"email\"], \"profile\": [\"analytics\"]}}") }
        #expect(throws: ScenarioError.self) { try read("{\"chain\": [\"signup\"], \"calls\": {\"signup\": [\"email\"]}}") }
        #expect(throws: ScenarioError.self) { try read("{\"calls\": {\"signup\": []}}") }
    }

    /// A cycle is refused with its path, however deep it closes.
    @Test func namesTheCycle() {
        #expect {
            try read("{\"calls\": {\"signup\": [\"email\"], \"email\": [\"profile\"], \"profile\": [\"email\"]}}")
        } throws: { error in
            "\(error)".contains("a cycle: email → profile → email")
        }
    }

    /// A service called from two callers is two nodes sharing the service; each call may
    /// set its own timeout and retries, the rest coming from the architecture.
    @Test func readsSharedServicesAndPerCallPolicies() throws {
        let config = try #require(try read("""
        {"calls": {"signup": ["email", {"call": "profile", "timeout": "300ms"}], "email": ["analytics"], "profile": ["analytics"]},
         "timeout": "1s", "retries": {"attempts": 2}}
        """))
        let nodes = config.graph.nodes
        #expect(nodes.map(\.service) == [0, 1, 3, 2, 3])
        #expect(nodes[3].policy?.timeout == .milliseconds(300) && nodes[3].policy?.retries.attempts == 2)
        #expect(nodes[1].policy == nil && config.timeout == .seconds(1))
        #expect(config.graph.downstreamNames(serviceNames: ["signup", "email", "profile", "analytics", "notification"])
            == ["email", "email → analytics", "profile", "profile → analytics"])
    }

    @Test func readsBreakerBulkheadAndBudget() throws {
        let config = try #require(try read("{\"chain\": [\"signup\", \"email\"], \"breaker\": {\"openFor\": \"5s\"}, \"bulkhead\": 8, \"retryBudget\": 0.2}"))
        #expect(config.breaker == BreakerPolicy(openDuration: .seconds(5)))
        #expect(config.bulkhead == 8 && config.retryBudget == 0.2)
        #expect(try read("{\"chain\": [\"signup\"], \"breaker\": true}")?.breaker == BreakerPolicy())
    }
}

/// Every arrival process reads from its documented form.
struct ArrivalReadingTests {
    func arrivals(_ json: String) throws(ScenarioError) -> ArrivalProcess {
        let text = """
        {"name": "a", "duration": "10s", "workload": {"entry": "x", "arrivals": \(json)},
         "services": {"x": {"work": "1ms"}}, "architectures": {"sync": {"chain": ["x"]}}}
        """
        return try ScenarioLoader.parse(Array(text.utf8), file: "a.json").world.workload.arrivals
    }

    @Test func readsRampsBurstsAndDailyWaves() throws {
        #expect(try arrivals("{\"ramp\": {\"from\": \"50/s\", \"to\": \"400/s\", \"over\": \"2m\"}}")
                == .ramp(from: .perSecond(50), to: .perSecond(400), over: .minutes(2)))
        #expect(try arrivals("{\"bursts\": {\"base\": \"100/s\", \"peak\": \"1000/s\", \"every\": \"30s\", \"lasting\": \"2s\"}}")
                == .bursts(base: .perSecond(100), peak: .perSecond(1_000), every: .seconds(30), lasting: .seconds(2)))
        #expect(try arrivals("{\"daily\": {\"mean\": \"200/s\", \"amplitude\": 0.5}}")
                == .daily(mean: .perSecond(200), amplitude: 0.5, period: .hours(24), peakAt: .hours(14)))
    }

    /// Two processes at once say so, as two distributions do, rather than "found an object".
    @Test func twoProcessesAreNamedAsTwoKeys() {
        do {
            _ = try arrivals("{\"poisson\": \"50/s\", \"constant\": \"10/s\"}")
            Issue.record("read two arrival processes")
        } catch {
            #expect(error.issues.map { "\($0.path): \($0.message)" } == ["workload.arrivals: expected one arrival process, found 2 keys: poisson, constant"])
        }
    }

    @Test func rejectsBurstsLongerThanTheirPeriodAndMissingFields() {
        #expect(throws: ScenarioError.self) { try arrivals("{\"bursts\": {\"base\": \"100/s\", \"peak\": \"1000/s\", \"every\": \"2s\", \"lasting\": \"5s\"}}") }
        #expect(throws: ScenarioError.self) { try arrivals("{\"ramp\": {\"from\": \"50/s\", \"over\": \"2m\"}}") }
        #expect(throws: ScenarioError.self) { try arrivals("{\"daily\": {\"mean\": \"200/s\", \"amplitude\": 2}}") }
    }
}

