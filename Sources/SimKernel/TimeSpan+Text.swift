/// Exact conversion between `TimeSpan` and the text people write: `250us`, `1.5ms`, `4s`, `5m`, `1h`.
///
/// Decimals are read digit by digit into integers, never through `Double`, so `"0.1s"` is
/// exactly 100 000 000 ns. A value that is not a whole number of nanoseconds is refused.
extension TimeSpan {
    /// The units Ripple understands, longest name first where one is a prefix of another.
    static let units: [(name: String, nanoseconds: Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ]

    /// Parses a duration such as `"1.5ms"`; `nil` if the text is not one.
    public init?(parsing text: String) {
        guard let value = TimeSpan.parse(text) else { return nil }
        self = value
    }

    /// A duration written with a bare decimal point (`"1.s"`, `".5s"`) as it must be written
    /// (`"1s"`, `"0.5s"`); `nil` for any other text, or when the strict text is no duration either (`".5ns"`).
    public static func strictSpelling(of text: String) -> String? {
        let unitStart = text.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "-")) }) ?? text.endIndex
        let unitName = text[unitStart...]
        guard units.contains(where: { $0.name == unitName }),
              let number = ExactDecimal.strictSpelling(of: text[..<unitStart]),
              parse(number + unitName) != nil else { return nil }
        return number + unitName
    }

    /// Whether `text` is a well-formed duration, a number and a unit, longer either way than a
    /// `TimeSpan` holds (about 292 years), such as `"2562048h"`.
    public static func isTooLong(_ text: String) -> Bool {
        guard let (_, number, unit) = read(text) else { return false }
        return number.isTooLarge(scaledBy: unit)
    }

    /// Whether `text` is a well-formed duration that falls between two nanoseconds, such as
    /// `"0.5ns"` or `"1.0000000001s"`: the clock counts whole nanoseconds.
    public static func isFinerThanNanoseconds(_ text: String) -> Bool {
        guard let (_, number, unit) = read(text) else { return false }
        return !number.isTooLarge(scaledBy: unit) && number.scaled(by: unit) == nil
    }

    static func parse(_ text: String) -> TimeSpan? {
        guard let (negative, number, unit) = read(text), let ns = number.scaled(by: unit) else { return nil }
        return TimeSpan(nanoseconds: negative ? -ns : ns)
    }

    /// The sign, number and unit (in nanoseconds) of a duration's text; `nil` when it is not a
    /// number followed by a unit.
    static func read(_ text: String) -> (negative: Bool, number: ExactDecimal, unit: Int64)? {
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        let numberEnd = body.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ".")) }) ?? body.endIndex
        let unitName = body[numberEnd...]
        guard let unit = units.first(where: { $0.name == unitName }), let number = ExactDecimal(body[..<numberEnd]) else { return nil }
        return (negative, number, unit.nanoseconds)
    }

    /// The shortest exact text for this span, in the largest unit that divides it to at most
    /// three decimals, as a scenario file writes it: `1.5m`, `250us`.
    public var description: String {
        written(units: ["h", "m", "s", "ms", "us", "ns"], separator: "")
    }

    /// The same exact text as reports write durations, a number, a space and a unit: `1.5 min`,
    /// `12.345 s`, `250 µs`.
    public var reading: String {
        written(units: Self.readingUnits, separator: " ")
    }

    /// Two spans in one unit, as reports write the ends of a window: the unit `reading` picks
    /// for `second`, or a smaller one when it is minutes or hours and `first` is not exact in
    /// it to three decimals, or is shorter than one of it but not zero (seconds and below write
    /// any span exactly). `84 s` and `94 s` read `84 s`, `94 s` (not `1.4 min`, `94 s`); `30 s`
    /// and `90 s` read `30 s`, `90 s` (not `0.5 min`); `500 ms` and `1 s` read `0.5 s`, `1 s`.
    public static func readings(_ first: TimeSpan, _ second: TimeSpan) -> (String, String) {
        let unit = second.exactUnit
        let fits = unit >= seconds
            || (first.isExact(inUnit: unit) && (first == .zero || first.nanoseconds.magnitude >= unitSizes[unit]))
        let shared = fits ? unit : Swift.max(first.exactUnit, unit)
        return (first.written(unit: shared, names: readingUnits, separator: " "),
                second.written(unit: shared, names: readingUnits, separator: " "))
    }

    /// Unit names for `reading`, from hours down to nanoseconds.
    static let readingUnits = ["h", "min", "s", "ms", "µs", "ns"]
    /// Unit sizes in nanoseconds, from hours down to nanoseconds.
    static let unitSizes: [UInt64] = [3_600_000_000_000, 60_000_000_000, 1_000_000_000, 1_000_000, 1_000, 1]

    /// The index in `unitSizes` of the largest unit that writes this span exactly to at most
    /// three decimals and is not larger than the span; 0 (hours) for zero. A span of a second
    /// or more that only a smaller unit writes so (a drawn time, such as 18.270088169 s) stays
    /// in seconds, with every decimal it needs, rather than reading `18270088.169 µs`.
    var exactUnit: Int {
        let magnitude = nanoseconds.magnitude
        guard magnitude != 0 else { return 0 }
        let unit = Self.unitSizes.indices.first { magnitude >= Self.unitSizes[$0] && isExact(inUnit: $0) } ?? Self.unitSizes.count - 1
        return magnitude >= Self.unitSizes[Self.seconds] ? Swift.min(unit, Self.seconds) : unit
    }

    /// The index of seconds in `unitSizes`.
    static let seconds = 2

    /// Whether the unit at `unit` in `unitSizes` writes this span exactly to three decimals.
    func isExact(inUnit unit: Int) -> Bool {
        nanoseconds.magnitude % Swift.max(Self.unitSizes[unit] / 1_000, 1) == 0
    }

    /// The exact text with `units` named for hours, minutes, seconds, milliseconds,
    /// microseconds and nanoseconds, `separator` between number and unit.
    func written(units names: [String], separator: String) -> String {
        if nanoseconds == 0 { return "0" + separator + names[2] }
        return written(unit: exactUnit, names: names, separator: separator)
    }

    /// The text in the unit at `unit` in `unitSizes`, named by `names`; exact when that unit
    /// is no larger than `exactUnit`.
    func written(unit: Int, names: [String], separator: String) -> String {
        let sign = nanoseconds < 0 ? "-" : ""
        return sign + ExactDecimal.format(nanoseconds.magnitude, over: Self.unitSizes[unit]) + separator + names[unit]
    }
}

extension TimeSpan: CustomStringConvertible {}

/// A non-negative decimal number read exactly from text of any length, as its significant
/// digits and a count of decimals, in time linear in the text. Leading zeros and zeros ending
/// the fraction change nothing (`1.000s` is `1s`); past what 64 bits hold, the number still
/// knows its whole part, or that it has none that fits, so that a number too large to use is
/// told apart from a malformed one.
struct ExactDecimal {
    /// All the significant digits, as an integer; `nil` when they do not fit in `UInt64` or
    /// reach more than 18 places after the point.
    var digits: UInt64?
    /// How many places after the point the last non-zero digit stands.
    var decimals: Int
    /// The part before the point; `nil` when it does not fit in `UInt64`.
    var whole: UInt64?

    /// Reads digits, optionally a point and at least one more digit: `12`, `0.5`; not `.5`, `1.`.
    init?<S: StringProtocol>(_ text: S) {
        var whole: UInt64? = 0, digits: UInt64? = 0, decimals = 0, zeros = 0
        var seenPoint = false, seenDigit = false, seenDecimal = false
        for c in text.utf8 {
            if c == UInt8(ascii: ".") {
                if seenPoint || !seenDigit { return nil }
                seenPoint = true
                continue
            }
            guard c >= 48, c <= 57 else { return nil }
            let digit = UInt64(c - 48)
            seenDigit = true
            if !seenPoint {
                whole = whole.flatMap { Self.appending(digit, to: $0) }
                digits = digits.flatMap { Self.appending(digit, to: $0) }
                continue
            }
            seenDecimal = true
            // Zeros after the point count only once a non-zero digit follows them.
            guard digit > 0 else { zeros += 1; continue }
            decimals += zeros + 1
            while zeros > 0, let shifted = digits { digits = Self.appending(0, to: shifted); zeros -= 1 }
            digits = digits.flatMap { Self.appending(digit, to: $0) }
            zeros = 0
        }
        guard seenDigit, !seenPoint || seenDecimal else { return nil }
        self.digits = decimals > 18 ? nil : digits
        self.decimals = decimals
        self.whole = whole
    }

    /// `value × 10 + digit`, or `nil` when that does not fit in `UInt64`.
    static func appending(_ digit: UInt64, to value: UInt64) -> UInt64? {
        let (times, o1) = value.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times.addingReportingOverflow(digit)
        return o1 || o2 ? nil : sum
    }

    /// A number written with a bare point (`.5`, `1.`, `-.5`) as it must be written (`0.5`, `1`,
    /// `-0.5`); `nil` for any other text.
    static func strictSpelling<S: StringProtocol>(of text: S) -> String? {
        let sign = text.hasPrefix("-") ? "-" : ""
        let body = text.dropFirst(sign.count)
        let strict: String
        if body.hasPrefix(".") {
            strict = "0" + body
        } else if body.hasSuffix(".") {
            strict = String(body.dropLast())
        } else {
            return nil
        }
        return ExactDecimal(strict) == nil ? nil : sign + strict
    }

    /// `self × factor` when that is a whole number that fits in `Int64`; otherwise `nil`.
    func scaled(by factor: Int64) -> Int64? {
        guard let digits else { return nil }
        let divisor = Self.power(decimals)
        let product = digits.multipliedFullWidth(by: UInt64(factor))
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth((product.high, product.low))
        guard remainder == 0, quotient <= UInt64(Int64.max) else { return nil }
        return Int64(quotient)
    }

    /// Whether `self × factor` is more than `Int64.max`: the number is well formed but too
    /// large to use. A number with more than 18 significant decimals, never a whole number of
    /// nanoseconds or thousandths, is too large only when its whole part is.
    func isTooLarge(scaledBy factor: Int64) -> Bool {
        guard let digits else {
            guard let whole else { return true }
            let (scaled, overflow) = whole.multipliedReportingOverflow(by: UInt64(factor))
            return overflow || scaled > UInt64(Int64.max)
        }
        let product = digits.multipliedFullWidth(by: UInt64(factor))
        let limit = UInt64(Int64.max).multipliedFullWidth(by: Self.power(decimals))
        return (product.high, product.low) > (limit.high, limit.low)
    }

    /// 10 to the power `exponent`, for an exponent from 0 to 19.
    static func power(_ exponent: Int) -> UInt64 {
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `value / unit` written exactly, with no trailing zeros: every decimal it needs, which
    /// is at most nine for the units a span is written in (seconds and below divide a
    /// nanosecond into a power of ten; minutes and hours are used only to three decimals).
    static func format(_ value: UInt64, over unit: UInt64) -> String {
        let whole = value / unit
        var remainder = value % unit
        guard remainder > 0 else { return String(whole) }
        var fraction = ""
        while remainder > 0, fraction.count < 12 {
            remainder *= 10
            fraction.append(Character(String(remainder / unit)))
            remainder %= unit
        }
        return String(whole) + "." + fraction
    }
}
