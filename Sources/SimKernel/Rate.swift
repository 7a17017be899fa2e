/// A rate of events per unit of virtual time, such as `200/s`, `3/ms` or `12000/m`.
///
/// Stored exactly as a count in thousandths over a time unit, so `"0.5/s"` and `"30/m"`
/// are the same rate and the mean gap between events is an exact integer division.
public struct Rate: Hashable, Sendable, CustomStringConvertible {
    /// Events per `per`, in thousandths of an event.
    public var milliEvents: Int64
    /// The time unit the count refers to.
    public var per: TimeSpan

    /// `milliEvents` thousandths of an event per `per`: `Rate(milliEvents: 500, per: .seconds(1))`
    /// is one event every two seconds.
    public init(milliEvents: Int64, per: TimeSpan) {
        self.milliEvents = milliEvents
        self.per = per
    }

    /// `count` events per second.
    public static func perSecond(_ count: Int64) -> Rate { Rate(milliEvents: count * 1_000, per: .seconds(1)) }

    /// Parses `"200/s"`; `nil` if the text is not a rate. A rate of zero parses (validation decides).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = ExactDecimal(parts[0]), let milli = count.scaled(by: 1_000),
              let unit = TimeSpan.units.first(where: { $0.name == parts[1] }) else { return nil }
        self.init(milliEvents: milli, per: .nanoseconds(unit.nanoseconds))
    }

    /// Whether `text` is a count per a unit whose count is too large for a `Rate` to hold (more
    /// than about 9.2 × 10^15 events per unit), such as `"99999999999999999999999/s"`.
    public static func isTooFrequent(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = ExactDecimal(parts[0]), TimeSpan.units.contains(where: { $0.name == parts[1] }) else { return false }
        return count.isTooLarge(scaledBy: 1_000)
    }

    /// A rate whose count is written with a bare decimal point (`".5/s"`, `"2./s"`) as it must
    /// be written (`"0.5/s"`, `"2/s"`); `nil` for any other text, a negative count included, or
    /// when the strict text is no rate either (`".0005/s"`).
    public static func strictSpelling(of text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].hasPrefix("-"), TimeSpan.units.contains(where: { $0.name == parts[1] }),
              let count = ExactDecimal.strictSpelling(of: parts[0]),
              Rate(parsing: count + "/" + parts[1]) != nil else { return nil }
        return count + "/" + parts[1]
    }

    /// For text that reads as a count per a unit but is not a whole number of thousandths of an
    /// event (`"0.0005/s"`, four decimals), the same rate per the shortest longer unit that makes
    /// it one (`"0.03/m"`), or `"none"` when no unit does; `nil` for any other text.
    public static func preciseEquivalent(of text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = ExactDecimal(parts[0]), count.scaled(by: 1_000) == nil, !count.isTooLarge(scaledBy: 1_000),
              let unit = TimeSpan.units.first(where: { $0.name == parts[1] }) else { return nil }
        for longer in TimeSpan.units where longer.nanoseconds > unit.nanoseconds && longer.nanoseconds % unit.nanoseconds == 0 {
            if let milli = count.scaled(by: 1_000 * (longer.nanoseconds / unit.nanoseconds)) {
                return ExactDecimal.format(UInt64(milli), over: 1_000) + "/" + longer.name
            }
        }
        return "none"
    }

    /// Events per second, for formulas and reports.
    public var eventsPerSecond: Double { Double(milliEvents) / 1_000 / per.seconds }

    /// The mean time between events, truncated to whole nanoseconds; `nil` for a zero rate.
    /// Evenly spaced events use it; random gaps draw from `exactMeanGapNanoseconds`.
    public var meanGap: TimeSpan? {
        guard milliEvents > 0 else { return nil }
        let (high, low) = per.nanoseconds.multipliedFullWidth(by: 1_000)
        let (q, _) = milliEvents.dividingFullWidth((high, low))
        return .nanoseconds(q)
    }

    /// The mean time between events in nanoseconds, not rounded (142.857… at 7 000 000/s);
    /// infinite for a zero rate.
    public var exactMeanGapNanoseconds: Double { Double(per.nanoseconds) * 1_000 / Double(milliEvents) }

    /// The rate as a scenario file writes it, such as `200/s` or `0.5/s` (the count to three decimals).
    public var description: String {
        let name = TimeSpan.units.first(where: { $0.nanoseconds == per.nanoseconds })?.name ?? per.description
        return ExactDecimal.format(UInt64(milliEvents), over: 1_000) + "/" + name
    }
}
