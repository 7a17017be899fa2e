import SimMetrics

extension Scenario {
    /// For each architecture, in file order, the path of every number and then every truth
    /// value (`recovery.recovered`, measured as 1 or 0) its part of `metrics.json` holds (below
    /// `architectures.<name>`), as expectations name them.
    /// - Complexity: O(size of one architecture's document) per architecture.
    public var metricPaths: [[String]] {
        let names = world.services.map(\.name)
        return architectures.map {
            let layout = $0.design.metricsLayout(serviceNames: names, entry: world.workload.entry)
            return Measurements.metricPaths(for: layout) + Measurements.truthMetricPaths(for: layout)
        }
    }

    /// Why `metric` is not a number or truth value any architecture reports, with the closest path or the
    /// keys that could come next, as in `unknown metric "latency.succes.p99Ms" (did you mean
    /// "latency.success.p99Ms"?)`; `nil` when some architecture reports it.
    public func problem(withMetric metric: String) -> String? {
        let all = metricPaths
        guard !all.contains(where: { $0.contains(metric) }) else { return nil }
        var candidates: [String] = []
        for paths in all { for path in paths where !candidates.contains(path) { candidates.append(path) } }
        return MetricCatalog(paths: candidates).unknownMetricMessage(metric, scope: "")
    }
}
