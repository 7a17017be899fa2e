import Testing
import SimChecks
@testable import SimScenario

/// Expectations read into exactly the checks they state, and every mistake in one is reported
/// at its JSON path with what was expected and, where one is close, a suggestion.
struct ExpectationReaderTests {
    /// A sync chain a → b and an event-driven design where b consumes a's events.
    func scenario(expectations: String) -> String {
        """
        {"name": "e", "duration": "1s", "workload": {"entry": "a", "arrivals": {"poisson": "10/s"}},
         "services": {"a": {"work": "1ms"}, "b": {"work": "2ms"}},
         "architectures": {"sync": {"chain": ["a", "b"]}, "events": {"consumers": {"b": {}}}},
         "expectations": [\(expectations)]}
        """
    }

    func read(_ expectations: String) throws(ScenarioError) -> [Expectation] {
        try ScenarioLoader.parse(Array(scenario(expectations: expectations).utf8), file: "e.json").expectations
    }

    /// The messages of every issue, as `path: message`.
    func problems(_ expectations: String) -> [String] {
        do {
            _ = try read(expectations)
            return []
        } catch {
            return error.issues.map { "\($0.path): \($0.message)" }
        }
    }

    /// More than the limit is refused at `expectations`, and what is wrong in those read is
    /// reported beside the count rather than hidden behind it.
    @Test func refusesMoreThanTheLimitAndReportsEachExpectationToo() {
        let many = (0..<1_000).map { "{\"metric\": \"requests.failed\", \"architecture\": \"sync\", \"below\": \($0 + 1)}" }
        #expect(problems(many.joined(separator: ", ")) == [], "1 000 are read")
        let found = problems((["{\"metric\": \"requests.faild\", \"architecture\": \"sync\", \"below\": 1}"] + many).joined(separator: ", "))
        #expect(found.count == 2 && found[0] == "expectations: expected at most 1000 expectations, found 1001", "\(found)")
        #expect(found.last?.hasPrefix("expectations[0].metric: ") == true, "\(found)")
    }

    @Test func readsEachComparisonAndLimit() throws {
        let read = try read("""
        {"metric": "latency.success.p99Ms", "architecture": "events", "below": "1.5s", "why": "fast"},
        {"metric": "requests.failed", "architecture": "sync", "equals": 0},
        {"metric": "latency.success.p99Ms", "architecture": "events", "atMost": {"ratioOf": "sync", "times": 0.1}},
        {"metric": "services.a.utilisation", "architecture": "sync", "between": [0.25, {"ratioOf": "events", "times": 2}]}
        """)
        #expect(read == [
            Expectation(metric: "latency.success.p99Ms", architecture: "events", comparison: .below, bounds: [.value(1500, written: "1.5s")], why: "fast"),
            Expectation(metric: "requests.failed", architecture: "sync", comparison: .equals, bounds: [.value(0, written: "0")]),
            Expectation(metric: "latency.success.p99Ms", architecture: "events", comparison: .atMost, bounds: [.ratio(of: "sync", times: 0.1, written: "0.1")]),
            Expectation(metric: "services.a.utilisation", architecture: "sync",
                        comparison: .between, bounds: [.value(0.25, written: "0.25"), .ratio(of: "events", times: 2, written: "2")]),
        ])
        #expect(read.map(\.text) == [
            "events latency.success.p99Ms < 1.5s",
            "sync requests.failed = 0",
            "events latency.success.p99Ms ≤ 0.1 × sync",
            "sync services.a.utilisation between 0.25 and 2 × events",
        ])
    }

    /// A statement made twice (whatever its `why`, or once through "all") would be two JUnit
    /// test cases of one name, which reporters take for one test.
    @Test func aStatementMadeTwiceIsRefused() {
        #expect(problems("""
        {"metric": "requests.failed", "architecture": "sync", "equals": 0, "why": "none fail"},
        {"metric": "requests.failed", "architecture": "sync", "equals": 0, "why": "still none"},
        {"metric": "requests.failed", "atMost": 3},
        {"metric": "requests.failed", "architecture": "events", "atMost": 3}
        """) == [
            "expectations[1]: states \"sync requests.failed = 0\" again, as expectations[0] does; drop one of them",
            "expectations[3]: states \"events requests.failed ≤ 3\" again, as expectations[2] does; drop one of them",
        ])
        #expect(problems("""
        {"metric": "requests.failed", "architecture": "sync", "equals": 0},
        {"metric": "requests.failed", "architecture": "events", "equals": 0}
        """).isEmpty)
    }

    @Test func allMeansEveryArchitectureButTheOneComparedWith() throws {
        #expect(try read("{\"metric\": \"consistency.total.lost\", \"atLeast\": 0}").map(\.architecture) == ["sync", "events"])
        let ratio = try read("{\"metric\": \"requests.failed\", \"architecture\": \"all\", \"atMost\": {\"ratioOf\": \"sync\", \"times\": 1}}")
        #expect(ratio.map(\.architecture) == ["events"])
        #expect(ratio.map(\.text) == ["events requests.failed ≤ sync"])
    }

    @Test func namesServicesConsumersAndGaugesInPaths() throws {
        #expect(try read("""
        {"metric": "services.b.utilisation", "below": 1},
        {"metric": "consistency.b.duplicated", "equals": 0},
        {"metric": "gauges.b lag.peak", "architecture": "events", "below": 100}
        """).count == 5)
    }

    /// Each caller → callee edge's counts are numbers an expectation can name, for the
    /// designs that make that call; the event-driven design here makes none.
    @Test func namesEachEdgesCounts() throws {
        #expect(try read("""
        {"metric": "edges.a → b.attempts", "architecture": "sync", "atMost": 10},
        {"metric": "edges.a → b.retries", "architecture": "sync", "equals": 0},
        {"metric": "edges.a → b.openMs", "architecture": "sync", "equals": 0}
        """).count == 3)
        #expect(problems("{\"metric\": \"edges.a → b.timeouts\", \"equals\": 0}") == [
            "expectations[0].metric: \"edges.a → b.timeouts\" is not measured for architecture \"events\", only for \"sync\"; name the architecture instead of \"all\"",
        ])
    }

    /// A consumer's health and lag in seconds are numbers an expectation can name, for the
    /// event-driven design only; its status names (`OK`, `STOP`) are text, not metrics.
    @Test func namesConsumerHealthAndLagInSeconds() throws {
        #expect(try read("""
        {"metric": "consumers.b.status.stopMs", "architecture": "events", "equals": 0},
        {"metric": "consumers.b.status.worstLevel", "architecture": "events", "atMost": 1},
        {"metric": "gauges.b lag seconds.peak", "architecture": "events", "below": 30}
        """).count == 3)
        #expect(problems("{\"metric\": \"consumers.b.status.stopMs\", \"equals\": 0}") == [
            "expectations[0].metric: \"consumers.b.status.stopMs\" is not measured for architecture \"sync\", only for \"events\"; name the architecture instead of \"all\"",
        ])
        #expect(problems("{\"metric\": \"consumers.b.status.worst\", \"architecture\": \"events\", \"equals\": 0}").count == 1)
    }

    @Test func anUnknownMetricSuggestsTheClosestPath() {
        #expect(problems("{\"metric\": \"latency.sucess.p99Ms\", \"architecture\": \"events\", \"below\": \"1s\"}") == [
            "expectations[0].metric: unknown metric \"latency.sucess.p99Ms\" for architecture \"events\" (did you mean \"latency.success.p99Ms\"?)",
        ])
        #expect(problems("{\"metric\": \"services.c.utilisation\", \"below\": 1}") == [
            "expectations[0].metric: unknown metric \"services.c.utilisation\" (did you mean \"services.a.utilisation\"?)",
        ])
    }

    @Test func anUnknownMetricWithoutANearPathListsWhatCouldComeNext() {
        #expect(problems("{\"metric\": \"latency.slowest\", \"below\": 1}") == [
            "expectations[0].metric: unknown metric \"latency.slowest\"; \"latency\" has \"failure\" or \"success\"",
        ])
        #expect(problems("{\"metric\": \"latency.success\", \"below\": 1}") == [
            "expectations[0].metric: \"latency.success\" is a group, not a number; it has \"count\", \"maxMs\", \"meanMs\", \"p50Ms\", \"p90Ms\", \"p999Ms\", \"p99Ms\" or \"stddevMs\"",
        ])
        #expect(problems("{\"metric\": \"gauges.b lag.peak\", \"below\": 1}") == [
            "expectations[0].metric: \"gauges.b lag.peak\" is not measured for architecture \"sync\", only for \"events\"; name the architecture instead of \"all\"",
        ])
    }

    @Test func aDurationNeedsAMetricInMilliseconds() {
        #expect(problems("{\"metric\": \"requests.failed\", \"below\": \"5ms\"}") == [
            "expectations[0].below: \"5ms\" is a duration, but \"requests.failed\" is not (its key does not end in \"Ms\"); expected a number",
        ])
        #expect(problems("{\"metric\": \"endToEnd.p99Ms\", \"below\": \"5 parsecs\"}") == [
            "expectations[0].below: expected a duration with a unit, such as \"250ms\" (units: ns, us, ms, s, m, h), found \"5 parsecs\"",
        ])
    }

    @Test func exactlyOneComparison() {
        #expect(problems("{\"metric\": \"requests.failed\"}") == [
            "expectations[0]: expected one comparison: \"below\", \"above\", \"atMost\", \"atLeast\", \"equals\" or \"between\"",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"below\": 3, \"above\": 1}") == [
            "expectations[0]: expected one comparison, found \"below\" and \"above\"",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"bellow\": 3}").last
            == "expectations[0].bellow: unknown field (did you mean \"below\"?); expected one of \"metric\", \"architecture\", \"why\", \"below\", \"above\", \"atMost\", \"atLeast\", \"equals\", \"between\", \"mean\", \"confidence\" or \"tolerance\"")
        #expect(problems("{\"metric\": \"requests.failed\", \"between\": [5, 1]}") == [
            "expectations[0].between: expected the lower limit first, found 5 then 1",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"between\": [5]}") == [
            "expectations[0].between: expected an array of two limits, the lower first, found 1 limit",
        ])
    }

    @Test func readsStatementsAboutTheMeanAndTolerances() throws {
        let read = try read("""
        {"metric": "latency.success.p99Ms", "architecture": "sync", "mean": {"atLeast": {"ratioOf": "events", "times": 10}}, "confidence": 0.99},
        {"metric": "latency.success.p99Ms", "architecture": "events", "mean": {"below": "50ms"}, "tolerance": "15%"},
        {"metric": "requests.failed", "architecture": "sync", "atMost": 3, "tolerance": 0.2}
        """)
        #expect(read == [
            Expectation(metric: "latency.success.p99Ms", architecture: "sync", comparison: .atLeast, bounds: [.ratio(of: "events", times: 10, written: "10")], confidence: 0.99),
            Expectation(metric: "latency.success.p99Ms", architecture: "events", comparison: .below, bounds: [.value(50, written: "50ms")], confidence: 0.95, tolerance: 0.15),
            Expectation(metric: "requests.failed", architecture: "sync", comparison: .atMost, bounds: [.value(3, written: "3")], tolerance: 0.2),
        ])
        #expect(read[0].text == "sync mean latency.success.p99Ms ≥ 10 × events (99% confidence)")
        #expect(read[0].statement.comparison == .atLeast && read[0].isAboutTheMean && !read[2].isAboutTheMean)
    }

    @Test func meansConfidencesAndTolerancesAreCheckedStrictly() {
        #expect(problems("{\"metric\": \"requests.failed\", \"atMost\": 1, \"confidence\": 0.95}") == [
            "expectations[0].confidence: a confidence belongs to a statement about the mean over seeds; put the comparison inside \"mean\": {…}",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"mean\": {\"equals\": 0}}") == [
            "expectations[0].mean.equals: a mean over seeds is known only within its confidence interval, so it cannot equal a limit; use \"between\"",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"mean\": {\"below\": 1}, \"above\": 0}") == [
            "expectations[0].above: a comparison beside \"mean\"; put it inside \"mean\" (the mean over seeds is compared), or drop \"mean\" to compare every run",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"mean\": {\"atLeats\": 1}}") == [
            "expectations[0].mean: expected one comparison: \"below\", \"above\", \"atMost\", \"atLeast\", \"equals\" or \"between\"",
            "expectations[0].mean.atLeats: unknown field (did you mean \"atLeast\"?); expected one of \"below\", \"above\", \"atMost\", \"atLeast\", \"equals\" or \"between\"",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"mean\": {\"below\": 1}, \"confidence\": 1.5}") == [
            "expectations[0].confidence: expected a confidence such as 0.95 from 0.5 to 0.999, found 1.5",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"mean\": {\"below\": 1}, \"confidance\": 0.9}").last?
            .hasPrefix("expectations[0].confidance: unknown field (did you mean \"confidence\"?)") == true)
        #expect(problems("{\"metric\": \"requests.failed\", \"equals\": 0, \"tolerance\": 0.1}") == [
            "expectations[0].tolerance: a tolerance needs a worse side to compare a baseline on; \"equals\" has none (only \"below\", \"above\", \"atMost\" or \"atLeast\" do)",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"below\": 1, \"tolerance\": \"ten\"}") == [
            "expectations[0].tolerance: expected a tolerance: a fraction such as 0.1 or a percentage such as \"10%\", from 0 to 1000%, found \"ten\"",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"below\": 1, \"tolerance\": 20}") == [
            "expectations[0].tolerance: expected a tolerance as a fraction (0.1 for 10%) from 0 to 10, found 20",
        ])
    }

    @Test func unknownArchitecturesSuggestTheClosestName() {
        #expect(problems("{\"metric\": \"requests.failed\", \"architecture\": \"event\", \"below\": 1}") == [
            "expectations[0].architecture: unknown architecture \"event\" (did you mean \"events\"?); expected \"all\", \"sync\" or \"events\"",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"below\": {\"ratioOf\": \"snc\", \"times\": 1}}") == [
            "expectations[0].below.ratioOf: unknown architecture \"snc\" (did you mean \"sync\"?); expected \"sync\" or \"events\"",
        ])
        #expect(problems("{\"metric\": \"requests.failed\", \"architecture\": \"sync\", \"below\": {\"ratioOf\": \"sync\", \"times\": 1}}") == [
            "expectations[0].architecture: \"sync\" is compared with itself; expected a ratio of another architecture",
        ])
    }

    @Test func aRatioNeedsTheMetricInTheOtherArchitectureToo() {
        #expect(problems("{\"metric\": \"gauges.b lag.peak\", \"architecture\": \"events\", \"below\": {\"ratioOf\": \"sync\", \"times\": 1}}") == [
            "expectations[0].metric: \"gauges.b lag.peak\" is not measured for architecture \"sync\", only for \"events\"",
        ])
    }
}
