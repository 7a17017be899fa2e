import SimMetrics

/// What `ripple sweep` found: a scenario run under every combination of some fields' values
/// and every seed, each chosen metric aggregated over the seeds per architecture as a mean
/// and a confidence interval.
public struct SweepReport: Sendable {
    /// The scenario's name.
    public var name: String
    /// The scenario's description.
    public var description: String
    /// Ripple's version, so the files say what produced them.
    public var version: String
    /// The seeds every combination ran under, ascending.
    public var seeds: [UInt64]
    /// The fields varied, in the order given; the first is each plot's x axis.
    public var parameters: [SweepParameter]
    /// The scenario's architectures, in file order.
    public var architectures: [String]
    /// The metrics aggregated: paths below `architectures.<name>` in `metrics.json`.
    public var metrics: [String]
    /// The confidence level of every interval: 0.95.
    public var level: Double
    /// Each combination as one value index per parameter, in run order: the last parameter
    /// varies fastest.
    public var combinations: [[Int]]
    /// One row per combination × architecture × metric, in that order, for the architectures
    /// that report the metric.
    public private(set) var rows: [SweepRow] = []
    /// The runs a limit stopped before their end, in run order (combination, seed, architecture).
    public var stops: [SweepStop] = []

    /// The report of runs whose metrics are `measured[combination][seed][architecture][metric]`
    /// (the value as `metrics.json` writes it; `nil` where the run has none). `measures[a][m]`
    /// says whether architecture `a` reports metric `m` at all; rows exist only where it does.
    public init(name: String, description: String, version: String, seeds: [UInt64], parameters: [SweepParameter],
                architectures: [String], metrics: [String], level: Double = 0.95, combinations: [[Int]],
                measures: [[Bool]], measured: [[[[Double?]]]]) {
        precondition(measured.count == combinations.count && measured.allSatisfy { $0.count == seeds.count },
                     "one result per combination and seed")
        self.name = name
        self.description = description
        self.version = version
        self.seeds = seeds
        self.parameters = parameters
        self.architectures = architectures
        self.metrics = metrics
        self.level = level
        self.combinations = combinations
        for c in combinations.indices {
            for a in architectures.indices {
                for m in metrics.indices where measures[a][m] {
                    rows.append(SweepRow(combination: c, architecture: a, metric: m, values: measured[c].map { $0[a][m] },
                                         kind: MetricKind.of(metrics[m]), level: level))
                }
            }
        }
    }

    /// The value of parameter `p` in combination `c`, as written into the scenario.
    public func value(of p: Int, in c: Int) -> String { parameters[p].values[combinations[c][p]] }

    /// `services.email.work.constant=1s, workload.arrivals.poisson=200/s`: combination `c`.
    public func describe(combination c: Int, leaving skipped: Int? = nil) -> String {
        parameters.indices.filter { $0 != skipped }.map { parameters[$0].path + "=" + value(of: $0, in: c) }.joined(separator: ", ")
    }

    /// The rows of metric `m`, in row order.
    public func rows(ofMetric m: Int) -> [SweepRow] { rows.filter { $0.metric == m } }

    /// The runs made: combinations × seeds.
    public var runCount: Int { combinations.count * seeds.count }

    /// The seeds in short form: `1..20`, `1,5,9`, `1..3,10`.
    public var seedText: String {
        var parts: [String] = []
        var index = 0
        while index < seeds.count {
            var end = index
            while end + 1 < seeds.count, seeds[end + 1] == seeds[end] + 1 { end += 1 }
            parts.append(end > index ? "\(seeds[index])..\(seeds[end])" : "\(seeds[index])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}

/// One metric of one architecture under one combination, over the seeds.
public struct SweepRow: Sendable {
    /// Indices into the report's combinations, architectures and metrics.
    public var combination: Int, architecture: Int, metric: Int
    /// The value under each seed, in seed order; `nil` where the run had none.
    public var values: [Double?]
    /// Count, mean and spread of the values present.
    public var statistics: RunningStatistics
    /// The confidence interval for the mean, inside what the metric can take (`MetricKind`):
    /// Wilson's for a truth value, Student's t cut at the metric's bounds otherwise (`boundedEnds` says which end is cut); `nil` with fewer than two values.
    public var interval: ClosedRange<Double>?
    /// Which ends of `interval` are the metric's bound rather than Student's t, which went past it.
    public var boundedEnds: (lower: Bool, upper: Bool)

    init(combination: Int, architecture: Int, metric: Int, values: [Double?], kind: MetricKind, level: Double) {
        self.combination = combination
        self.architecture = architecture
        self.metric = metric
        self.values = values
        var statistics = RunningStatistics()
        for case let value? in values { statistics.add(value) }
        self.statistics = statistics
        interval = kind.interval(of: statistics, level: level)
        boundedEnds = kind.boundedEnds(of: statistics, level: level)
    }

    /// How many seeds gave a value.
    public var count: Int { statistics.count }
    /// The mean over them; `nil` when none did.
    public var mean: Double? { statistics.count > 0 ? statistics.mean : nil }
}
