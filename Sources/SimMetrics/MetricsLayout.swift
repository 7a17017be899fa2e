/// The names one architecture keeps its measurements under: its services, the targets whose
/// effects the consistency ledger follows, and its sampled gauges.
///
/// A model states its layout once, so a run's metrics and the list of metric paths a scenario
/// may name in an expectation always agree.
public struct MetricsLayout: Sendable, Equatable {
    /// Every service, in the world's order.
    public var serviceNames: [String]
    /// The services the design puts to work (by index into `serviceNames`), the only ones
    /// `metrics.json` gives a row.
    public var servicesAtWork: [Int]
    /// The services whose effects the ledger follows (a sync chain's callees, or the consumers).
    public var targets: [String]
    /// The sampled gauges, such as `"payment queue"` or `"email lag"`.
    public var gaugeNames: [String]
    /// How many of the gauges, from the first, count items of work in the system (see
    /// `TimeSeries.workGaugeCount`).
    public var workGaugeCount: Int
    /// The consumer groups whose health is judged (none in a synchronous chain).
    public var consumerNames: [String]
    /// The caller → callee edges with a circuit breaker, as `"api → database"`.
    public var breakerEdges: [String]
    /// Every caller → callee edge calls go along, each name once, as `"api → database"`.
    public var callEdges: [String]

    /// A layout of `serviceNames`, effect `targets`, `gaugeNames` (the first `workGaugeCount` of
    /// which, all when not given, count items of work), `consumerNames`, `breakerEdges`,
    /// `callEdges`, and the `servicesAtWork` (all, when not given).
    public init(serviceNames: [String], targets: [String], gaugeNames: [String], workGaugeCount: Int? = nil, consumerNames: [String] = [],
                breakerEdges: [String] = [], callEdges: [String] = [], servicesAtWork: [Int]? = nil) {
        self.servicesAtWork = servicesAtWork ?? Array(serviceNames.indices)
        self.breakerEdges = breakerEdges
        self.callEdges = callEdges
        self.serviceNames = serviceNames
        self.targets = targets
        self.gaugeNames = gaugeNames
        self.workGaugeCount = workGaugeCount ?? gaugeNames.count
        self.consumerNames = consumerNames
    }
}

extension ArchitectureMetrics {
    /// Empty metrics laid out as `layout`, with a ledger for `keyCount` entities.
    /// - Complexity: O(`keyCount` × targets), for the ledger.
    public init(layout: MetricsLayout, keyCount: Int) {
        self.init(serviceNames: layout.serviceNames, targets: layout.targets, keyCount: keyCount, gaugeNames: layout.gaugeNames,
                  consumerNames: layout.consumerNames, breakerEdges: layout.breakerEdges, callEdges: layout.callEdges)
        series = TimeSeries(gaugeNames: layout.gaugeNames, workGaugeCount: layout.workGaugeCount)
    }
}
