/// How a measured value must compare with its limits, named by its key in a scenario file.
public enum Relation: String, Sendable, CaseIterable {
    /// Strictly less than the limit.
    case below
    /// Strictly greater than the limit.
    case above
    /// Less than or equal to the limit.
    case atMost
    /// Greater than or equal to the limit.
    case atLeast
    /// Exactly the limit.
    case equals
    /// From the first limit to the second, both included.
    case between

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
