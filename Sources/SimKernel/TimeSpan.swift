/// A length of virtual time, in integer nanoseconds.
///
/// Ripple never measures simulated time in floating point: every duration is an exact
/// count of nanoseconds, so that two runs schedule events at exactly the same instants.
public struct TimeSpan: Hashable, Comparable, Sendable {
    /// The length in nanoseconds; may be negative for differences.
    public var nanoseconds: Int64

    /// A span of `nanoseconds` nanoseconds.
    @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// No time at all.
    @inlinable public static var zero: TimeSpan { TimeSpan(nanoseconds: 0) }
    /// `n` nanoseconds.
    @inlinable public static func nanoseconds(_ n: Int64) -> TimeSpan { TimeSpan(nanoseconds: n) }
    /// `n` microseconds (1,000 nanoseconds each).
    @inlinable public static func microseconds(_ n: Int64) -> TimeSpan { TimeSpan(nanoseconds: n * 1_000) }
    /// `n` milliseconds (1,000,000 nanoseconds each).
    @inlinable public static func milliseconds(_ n: Int64) -> TimeSpan { TimeSpan(nanoseconds: n * 1_000_000) }
    /// `n` seconds (1,000,000,000 nanoseconds each).
    @inlinable public static func seconds(_ n: Int64) -> TimeSpan { TimeSpan(nanoseconds: n * 1_000_000_000) }
    /// `n` minutes (60 seconds each).
    @inlinable public static func minutes(_ n: Int64) -> TimeSpan { .seconds(n * 60) }
    /// `n` hours (3,600 seconds each).
    @inlinable public static func hours(_ n: Int64) -> TimeSpan { .seconds(n * 3_600) }

    /// The length in seconds, for reports and formulas only (never for scheduling).
    @inlinable public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// Whether `a` is shorter than `b`.
    @inlinable public static func < (a: TimeSpan, b: TimeSpan) -> Bool { a.nanoseconds < b.nanoseconds }
    /// The two spans end to end; traps on overflow.
    @inlinable public static func + (a: TimeSpan, b: TimeSpan) -> TimeSpan { TimeSpan(nanoseconds: a.nanoseconds + b.nanoseconds) }
    /// `a` less `b`, negative when `b` is longer; traps on overflow.
    @inlinable public static func - (a: TimeSpan, b: TimeSpan) -> TimeSpan { TimeSpan(nanoseconds: a.nanoseconds - b.nanoseconds) }
    /// `a` repeated `k` times; traps on overflow.
    @inlinable public static func * (a: TimeSpan, k: Int64) -> TimeSpan { TimeSpan(nanoseconds: a.nanoseconds * k) }
    /// Lengthens `a` by `b`; traps on overflow.
    @inlinable public static func += (a: inout TimeSpan, b: TimeSpan) { a.nanoseconds += b.nanoseconds }
}

/// A point in virtual time: integer nanoseconds since the start of the run.
public struct Instant: Hashable, Comparable, Sendable {
    /// Nanoseconds since the start of the run.
    public var nanoseconds: Int64

    /// The instant `nanoseconds` nanoseconds after the start of the run.
    @inlinable public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// The start of every run.
    @inlinable public static var zero: Instant { Instant(nanoseconds: 0) }
    /// Later than any instant a run can reach.
    @inlinable public static var distantFuture: Instant { Instant(nanoseconds: .max) }

    /// The time elapsed since the start of the run.
    @inlinable public var sinceStart: TimeSpan { TimeSpan(nanoseconds: nanoseconds) }

    /// Whether `a` comes before `b`.
    @inlinable public static func < (a: Instant, b: Instant) -> Bool { a.nanoseconds < b.nanoseconds }
    /// Saturates at `distantFuture` instead of overflowing.
    @inlinable public static func + (a: Instant, b: TimeSpan) -> Instant {
        let (sum, overflow) = a.nanoseconds.addingReportingOverflow(b.nanoseconds)
        return Instant(nanoseconds: overflow ? .max : sum)
    }
    /// The time from `b` to `a`, negative when `a` is earlier.
    @inlinable public static func - (a: Instant, b: Instant) -> TimeSpan { TimeSpan(nanoseconds: a.nanoseconds - b.nanoseconds) }
}
