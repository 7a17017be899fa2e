import SimKernel
import SimMetrics

extension MetricsDocument {
    /// The path of every number `metrics.json` writes under `architectures.<name>` for an
    /// architecture laid out as `layout`, such as `latency.success.p99Ms`,
    /// `services.email.utilisation` or `gauges.email lag.peak`, in written order.
    ///
    /// The list comes from rendering an empty run, so it can never drift from the document.
    /// Its `null`s count: they are numbers an empty run does not define, such as
    /// `recovery.recoveredAfterMs`.
    /// - Complexity: O(size of the architecture's document).
    public static func metricPaths(for layout: MetricsLayout) -> [String] {
        emptyArchitecture(layout).numberPaths(includingNulls: true)
    }

    /// The path of every truth value (`true` or `false`) `metrics.json` writes under
    /// `architectures.<name>` for an architecture laid out as `layout`, such as
    /// `recovery.metastable`, in written order.
    /// - Complexity: O(size of the architecture's document).
    public static func truthMetricPaths(for layout: MetricsLayout) -> [String] {
        emptyArchitecture(layout).truthPaths
    }

    /// The document of an architecture laid out as `layout` that measured nothing.
    static func emptyArchitecture(_ layout: MetricsLayout) -> JSONOutput {
        var metrics = ArchitectureMetrics(layout: layout, keyCount: 1)
        for service in layout.servicesAtWork { metrics.services[service].workers = 1 }
        let empty = ArchitectureReport(name: "", kind: "", metrics: metrics, stopReason: "", events: 0)
        let report = RunReport(name: "", description: "", seed: 0, duration: .seconds(1), drain: .zero, version: "",
                               faults: [], windows: [], architectures: [empty])
        return architecture(empty, report)
    }
}
