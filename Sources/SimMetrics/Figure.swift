/// One named figure of a run, or a group of them: the tree `metrics.json` writes below
/// `architectures.<name>`, and the one expectations, sweeps and the shrinker read by dotted path.
///
/// A figure keeps the precision `metrics.json` publishes it with, so every reader sees the value
/// the file shows.
public indirect enum Figure: Sendable {
    /// Named members, in the order they were measured (`metrics.json` sorts them when written).
    case group([(String, Figure)])
    /// A count.
    case integer(Int)
    /// A decimal published with up to `places` decimal places; not finite means no data.
    case decimal(Double, places: Int)
    /// A truth value, such as `recovery.metastable`.
    case truth(Bool)
    /// A word or a name, such as `run.stop` or `consumers.<name>.status.worst`.
    case text(String)
    /// A figure the run does not define, such as the p99 of no requests: no data, not zero.
    case absent

    /// A duration of `nanoseconds`, published in milliseconds with three places.
    public static func milliseconds(_ nanoseconds: Int64) -> Figure {
        .decimal(Double(nanoseconds) / 1e6, places: 3)
    }
}
