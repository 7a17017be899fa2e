/// The count, mean, variance and extremes of a stream of numbers, in constant memory:
/// for time series and for aggregating a metric across seeds.
///
/// Uses Welford's update, which stays accurate when the values are large and close
/// together (where the sum-of-squares formula cancels catastrophically).
public struct RunningStatistics: Sendable {
    /// The number of values added.
    public private(set) var count = 0
    /// The arithmetic mean of the values added; 0 when empty.
    public private(set) var mean = 0.0
    /// The sum of squared deviations from the current mean (Welford's M2).
    private var squaredDeviations = 0.0
    private var smallest = Double.infinity
    private var largest = -Double.infinity

    /// No values yet.
    public init() {}

    /// Adds one value.
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (x - mean)
        smallest = Swift.min(smallest, x)
        largest = Swift.max(largest, x)
    }

    /// The sample variance (dividing by n − 1); 0 with fewer than two values.
    public var variance: Double { count < 2 ? 0 : squaredDeviations / Double(count - 1) }

    /// The sample standard deviation, √`variance`.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The smallest value added; 0 when empty.
    public var min: Double { count == 0 ? 0 : smallest }

    /// The largest value added; 0 when empty.
    public var max: Double { count == 0 ? 0 : largest }
}
