import Testing
import SimMetrics
@testable import SimReports

/// A built document can be read back by dotted path, and lists its numbers' paths.
struct JSONOutputLookupTests {
    let document = JSONOutput.object([
        ("latency", .object([("p99Ms", .number("4.5")), ("kind", .string("x")), ("p50Ms", .null)])),
        ("gauges", .object([("email lag", .object([("peak", .int(7))]))])),
        ("services", .object([("mail.v2", .object([("started", .int(3))])), ("mail", .object([("started", .int(1))]))])),
    ])

    @Test func findsValuesByDottedPathEvenWhenKeysHoldDots() {
        #expect(document.value(at: "latency.p99Ms")?.numberValue == 4.5)
        #expect(document.value(at: "gauges.email lag.peak")?.numberValue == 7)
        #expect(document.value(at: "services.mail.v2.started")?.numberValue == 3)
        #expect(document.value(at: "services.mail.started")?.numberValue == 1)
        #expect(document.value(at: "latency.kind")?.numberValue == nil)
        #expect(document.value(at: "latency.p50Ms")?.numberValue == nil)
        #expect(document.value(at: "latency.p90Ms") == nil)
        #expect(document.value(at: "latency.p99Ms.more") == nil)
    }

    @Test func listsTheNumbersInWrittenOrder() {
        #expect(document.numberPaths == ["gauges.email lag.peak", "latency.p99Ms", "services.mail.started", "services.mail.v2.started"])
        #expect(document.numberPaths(includingNulls: true)
                == ["gauges.email lag.peak", "latency.p50Ms", "latency.p99Ms", "services.mail.started", "services.mail.v2.started"])
    }

    /// The metric paths come from the document itself, so they name services, targets and gauges.
    @Test func metricPathsFollowTheLayout() {
        let paths = MetricsDocument.metricPaths(for: MetricsLayout(serviceNames: ["pay", "mail"], targets: ["mail"], gaugeNames: ["mail lag"]))
        for path in ["latency.success.p99Ms", "requests.failed", "services.pay.utilisation", "services.mail.queueing.p50Ms",
                     "consistency.mail.duplicated", "consistency.total.missingAtEnd", "gauges.mail lag.peak", "run.events",
                     "recovery.recoveredAfterMs", "recovery.convergedAfterMs"] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains("kind") && !paths.contains("run.stop") && !paths.contains("consistency.pay.lost"))
        #expect(!paths.contains { $0.hasPrefix("consumers.") }, "no consumer groups in this layout")
    }

    /// Each caller → callee edge adds its calls, their attempts and outcomes, and its breaker.
    @Test func metricPathsNameEachEdgesCounts() {
        let paths = MetricsDocument.metricPaths(for: MetricsLayout(serviceNames: ["pay", "mail"], targets: ["mail"], gaugeNames: [],
                                                                   callEdges: ["pay → mail"]))
        #expect(paths.filter { $0.hasPrefix("edges.") } == ["attempts", "calls", "failed", "openMs", "openings", "rejected", "retries",
                                                             "shortCircuited", "timeouts"].map { "edges.pay → mail." + $0 })
    }

    /// Consumer groups add their health: the time in each status and the worst as a level.
    @Test func metricPathsNameEachConsumersStatus() {
        let paths = MetricsDocument.metricPaths(for: MetricsLayout(serviceNames: ["pay", "mail"], targets: ["mail"],
                                                                   gaugeNames: ["mail lag", "mail lag seconds"], consumerNames: ["mail"]))
        #expect(paths.filter { $0.hasPrefix("consumers.") } == ["consumers.mail.status.okMs", "consumers.mail.status.stallMs",
                                                                 "consumers.mail.status.stopMs", "consumers.mail.status.warnMs",
                                                                 "consumers.mail.status.worstLevel"])
        #expect(paths.contains("gauges.mail lag seconds.peak"))
    }
}
