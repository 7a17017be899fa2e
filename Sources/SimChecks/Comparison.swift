/// How a measured value must compare with its limits (one, or two for `between`), named by
/// its key in a scenario file. An expectation holds it with its bounds; a statement, a mean
/// over seeds and a baseline need only the comparison itself.
public enum Comparison: String, Sendable, CaseIterable {
    /// Strictly less than the limit.
    case below
    /// Strictly greater than the limit.
    case above
    /// Less than or equal to the limit.
    case atMost
    /// Greater than or equal to the limit.
    case atLeast
    /// Exactly the limit (as `metrics.json` writes both).
    case equals
    /// From the first limit to the second, both included.
    case between

    /// The keys that name a comparison in a scenario file, in this order.
    public static let keys = allCases.map(\.rawValue)

    /// How many limits it takes: two for `between`, else one.
    public var limitCount: Int { self == .between ? 2 : 1 }

    /// Whether `value` compares as required with `limits` (one, or two for `between`).
    public func holds(_ value: Double, limits: [Double]) -> Bool {
        switch self {
        case .below: value < limits[0]
        case .above: value > limits[0]
        case .atMost: value <= limits[0]
        case .atLeast: value >= limits[0]
        case .equals: value == limits[0]
        case .between: limits[0] <= value && value <= limits[1]
        }
    }

    /// The comparison with its `bounds` as a phrase: `≤ 0.1 × sync`, `between 50ms and 150ms`.
    public func text(_ bounds: [Bound]) -> String {
        switch self {
        case .below: "< " + bounds[0].text
        case .above: "> " + bounds[0].text
        case .atMost: "≤ " + bounds[0].text
        case .atLeast: "≥ " + bounds[0].text
        case .equals: "= " + bounds[0].text
        case .between: "between \(bounds[0].text) and \(bounds[1].text)"
        }
    }

    /// Which way a value moves when it gets worse: up for `below` and `atMost`, down for
    /// `above` and `atLeast`; `nil` for `equals` and `between`, which have no worse side.
    public var worse: WorseDirection? {
        switch self {
        case .below, .atMost: .larger
        case .above, .atLeast: .smaller
        case .equals, .between: nil
        }
    }
}

/// The way a metric moves when it gets worse.
public enum WorseDirection: String, Sendable {
    /// A larger value is worse (a latency, a count of failures).
    case larger
    /// A smaller value is worse (a throughput, a success rate).
    case smaller
    /// Either way is worse: expectations pull the metric both ways.
    case either

    /// Whether moving from `baseline` to `value` is a change for the worse.
    public func isWorse(_ value: Double, than baseline: Double) -> Bool {
        switch self {
        case .larger: value > baseline
        case .smaller: value < baseline
        case .either: value != baseline
        }
    }

    /// The direction that is worse under both `self` and `other`'s expectations.
    public func combined(with other: WorseDirection) -> WorseDirection { self == other ? self : .either }
}
