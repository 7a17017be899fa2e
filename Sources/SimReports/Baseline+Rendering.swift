import SimChecks

extension Baseline {
    /// The baseline file: keys sorted, means to six decimals, so rewriting it changes only
    /// the figures that moved.
    public var rendered: String {
        JSONOutput.object(figures.map { scenario, architectures in
            (scenario, .object(architectures.map { architecture, metrics in
                (architecture, .object(metrics.map { ($0.key, .decimal($0.value, decimals: 6)) }))
            }))
        }).rendered
    }
}
