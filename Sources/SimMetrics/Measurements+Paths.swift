import SimKernel

extension Measurements {
    /// The path of every number measured for an architecture laid out as `layout`, as
    /// `metrics.json` writes it below `architectures.<name>`, such as `latency.success.p99Ms`,
    /// `services.email.utilisation` or `gauges.email lag.peak`, in written order.
    ///
    /// The list comes from measuring an empty run, so it can never drift from the figures.
    /// Figures without data count: they are numbers an empty run does not define, such as
    /// `recovery.recoveredAfterMs`.
    /// - Complexity: O(size of the architecture's figures).
    public static func metricPaths(for layout: MetricsLayout) -> [String] {
        emptyArchitecture(layout).numberPaths
    }

    /// The path of every truth value measured for an architecture laid out as `layout`, such as
    /// `recovery.metastable`, in written order.
    /// - Complexity: O(size of the architecture's figures).
    public static func truthMetricPaths(for layout: MetricsLayout) -> [String] {
        emptyArchitecture(layout).truthPaths
    }

    /// The figures of an architecture laid out as `layout` that measured nothing.
    static func emptyArchitecture(_ layout: MetricsLayout) -> Figure {
        var metrics = ArchitectureMetrics(layout: layout, keyCount: 1)
        for service in layout.servicesAtWork { metrics.services[service].workers = 1 }
        let empty = ArchitectureReport(name: "", kind: "", metrics: metrics, stopReason: "", events: 0)
        return RunSpan(duration: .seconds(1), length: .seconds(1), windows: []).figures(of: empty)
    }
}
