import Testing
@testable import SimChecks
@testable import SimMetrics

/// Expectations are judged against the figures exactly as `metrics.json` writes them.
struct ExpectationEvaluationTests {
    let measurements = Measurements(seed: 1, architectures: [
        ("sync", .group([("latency", .group([("success", .group([("p99Ms", .decimal(400.4996, places: 3))]))])), ("requests", .group([("failed", .integer(3))]))])),
        ("events", .group([("latency", .group([("success", .group([("p99Ms", .decimal(40, places: 3))]))])), ("requests", .group([("failed", .integer(0))]))])),
    ])

    func verdict(_ architecture: String, _ metric: String, _ comparison: Comparison, _ bounds: Bound...) -> Verdict {
        Expectation(metric: metric, architecture: architecture, comparison: comparison, bounds: bounds).evaluate(in: measurements)
    }

    /// The value judged is the one `metrics.json` shows, rounded to its places.
    @Test func readsTheFigureAsPublished() {
        #expect(verdict("sync", "latency.success.p99Ms", .equals, .value(400.5, written: "400.5ms")).holds)
        #expect(verdict("sync", "latency.success.p99Ms", .above, .value(400.4996, written: "400.4996ms")).holds)
    }

    @Test func eachComparisonHoldsExactlyWhereItShould() {
        let at = Bound.value(3, written: "3")
        #expect(!verdict("sync", "requests.failed", .below, at).holds)
        #expect(!verdict("sync", "requests.failed", .above, at).holds)
        #expect(verdict("sync", "requests.failed", .atMost, at).holds)
        #expect(verdict("sync", "requests.failed", .atLeast, at).holds)
        #expect(verdict("sync", "requests.failed", .equals, at).holds)
        #expect(verdict("sync", "requests.failed", .between, .value(3, written: "3"), .value(3, written: "3")).holds)
        #expect(!verdict("events", "requests.failed", .between, .value(1, written: "1"), .value(3, written: "3")).holds)
    }

    @Test func aRatioComparesWithTheOtherArchitecturesValue() {
        let tenth = verdict("events", "latency.success.p99Ms", .atMost, .ratio(of: "sync", times: 0.1, written: "0.1"))
        #expect(tenth.holds)
        #expect(tenth.line == "✓ events latency.success.p99Ms ≤ 0.1 × sync: 40 ms (sync 401 ms)")
        #expect(tenth.judgement == "measured 40 ms, limit 40.1 ms")
        let close = Verdict(text: "t", architecture: "a", metric: "latency.success.p99Ms", why: nil, measured: 200.04, unit: "ms",
                            references: [], holds: false, limits: [200])
        #expect(close.judgement == "measured 200.04 ms, limit 200 ms", "digits enough to tell the value from its limit")
        // `ripple check` and every ✗ line print the measurement alone: it too must not read as the limit.
        #expect(close.measurement == "200.04 ms" && close.line == "✗ t: 200.04 ms")
        let hundredth = verdict("events", "latency.success.p99Ms", .atMost, .ratio(of: "sync", times: 0.01, written: "0.01"))
        #expect(!hundredth.holds)
        #expect(hundredth.line == "✗ events latency.success.p99Ms ≤ 0.01 × sync: 40 ms (sync 401 ms)")
    }

    @Test func aMissingValueFails() {
        let missing = verdict("events", "requests.lost", .atLeast, .value(0, written: "0"))
        #expect(!missing.holds && missing.measured == nil)
        #expect(missing.line == "✗ events requests.lost ≥ 0: no data")
        #expect(!verdict("events", "requests.failed", .atMost, .ratio(of: "other", times: 1, written: "1")).holds)
    }

    /// A run with a model error fails every expectation that reads it, naming the error and
    /// the seed, however right its figure looks; the other architectures' are untouched.
    @Test func aModelErrorFailsTheExpectationsThatReadTheRun() {
        let broken = Measurements(seed: 17, architectures: [
            ("sync", .group([("requests", .group([("failed", .integer(0))])), ("run", .group([("modelError", .absent)]))])),
            ("events", .group([("requests", .group([("failed", .integer(0))])),
                               ("run", .group([("modelError", .text("billing applied version 9 of entity 3, which has 8 committed"))]))])),
        ])
        let zero = Bound.value(0, written: "0")
        let events = Expectation(metric: "requests.failed", architecture: "events", comparison: .equals, bounds: [zero]).evaluate(in: broken)
        #expect(!events.holds)
        #expect(events.why == "model error in events with seed 17: billing applied version 9 of entity 3, which has 8 committed")
        #expect(Expectation(metric: "requests.failed", architecture: "sync", comparison: .equals, bounds: [zero]).evaluate(in: broken).holds)
        let ratio = Expectation(metric: "requests.failed", architecture: "sync", comparison: .atMost, bounds: [.ratio(of: "events", times: 1, written: "1")])
        #expect(!ratio.evaluate(in: broken).holds, "it reads the broken run too")
    }
}

/// A truth value is measured as 1 or 0 and shown as `true` or `false`.
struct TruthExpectationEvaluationTests {
    let measurements = Measurements(seed: 1, architectures: [
        ("sync", .group([("recovery", .group([("metastable", .truth(true)), ("recovered", .truth(false))]))])),
    ])

    func verdict(_ metric: String, equals flag: Bool) -> Verdict {
        Expectation(metric: metric, architecture: "sync", comparison: .equals, bounds: [.value(flag ? 1 : 0, written: String(flag))],
                    isTruth: true).evaluate(in: measurements)
    }

    @Test func holdsExactlyWhenTheValueIsTheOneStated() {
        #expect(verdict("recovery.metastable", equals: true).holds)
        #expect(!verdict("recovery.metastable", equals: false).holds)
        #expect(verdict("recovery.recovered", equals: false).holds)
        #expect(verdict("recovery.metastable", equals: true).line == "✓ sync recovery.metastable = true: true")
        #expect(verdict("recovery.recovered", equals: true).line == "✗ sync recovery.recovered = true: false")
    }
}
