import Testing
@testable import SimMetrics

/// Every figure an architecture can measure has a path, whatever its layout names.
struct MeasurementsPathsTests {
    /// The metric paths come from measuring an empty run, so they name services, targets and gauges.
    @Test func metricPathsFollowTheLayout() {
        let paths = Measurements.metricPaths(for: MetricsLayout(serviceNames: ["pay", "mail"], targets: ["mail"], gaugeNames: ["mail lag"]))
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
        let paths = Measurements.metricPaths(for: MetricsLayout(serviceNames: ["pay", "mail"], targets: ["mail"], gaugeNames: [],
                                                                   callEdges: ["pay → mail"]))
        #expect(paths.filter { $0.hasPrefix("edges.") } == ["attempts", "calls", "failed", "openMs", "openings", "rejected", "retries",
                                                             "shortCircuited", "timeouts"].map { "edges.pay → mail." + $0 })
    }

    /// Consumer groups add their redeliveries and their health: the time in each status and the worst as a level.
    @Test func metricPathsNameEachConsumersStatus() {
        let paths = Measurements.metricPaths(for: MetricsLayout(serviceNames: ["pay", "mail"], targets: ["mail"],
                                                                   gaugeNames: ["mail lag", "mail lag seconds"], consumerNames: ["mail"]))
        #expect(paths.filter { $0.hasPrefix("consumers.") } == ["consumers.mail.redeliveries", "consumers.mail.status.okMs", "consumers.mail.status.stallMs",
                                                                 "consumers.mail.status.stopMs", "consumers.mail.status.warnMs",
                                                                 "consumers.mail.status.worstLevel"])
        #expect(paths.contains("gauges.mail lag seconds.peak"))
    }
}
