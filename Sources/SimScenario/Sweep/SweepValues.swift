import SimKernel

/// The values one `--vary PATH=VALUES` gives a field: a comma list as written
/// (`100ms,500ms,1s,2s,4s`), or a range with a count of evenly spaced values, ends included
/// (`50/s..400/s:8` gives 50/s, 100/s, … 400/s).
///
/// Ranges are computed exactly, never through `Double`: durations in whole nanoseconds, rates
/// in thousandths of an event, numbers as decimals. A range whose steps are not exact in
/// those terms (`1s..2s:4`, a third of a second apart) is refused rather than rounded.
public enum SweepValues {
    /// The most values one parameter may take.
    public static let maximumCount = 1_000

    /// The values `text` stands for, as they would be written in a scenario file.
    /// - Throws: `SweepError` saying what is wrong with the list or range.
    public static func parse(_ text: String) throws(SweepError) -> [String] {
        if text.contains("..") {
            guard !text.contains(",") else {
                throw SweepError("'\(text)' mixes a list and a range; give either a list (1s,2s,4s) or a range (1s..4s:4)")
            }
            return try range(text)
        }
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0.trimmingSpaces) }
        if let empty = values.firstIndex(of: "") {
            throw SweepError("'\(text)' has an empty value at position \(empty + 1); separate values with single commas")
        }
        for (i, value) in values.enumerated() where values[..<i].contains(value) {
            throw SweepError("'\(text)' lists \(value) twice")
        }
        guard values.count <= maximumCount else { throw SweepError("'\(text)' lists more than \(maximumCount) values") }
        return values
    }

    /// `LOW..HIGH:COUNT` as COUNT exact values from LOW to HIGH.
    static func range(_ text: String) throws(SweepError) -> [String] {
        let example = "a range such as 100ms..2s:5, 50/s..400/s:8 or 0.1..0.5:5"
        let dots = text.indices.first { text[$0...].hasPrefix("..") }
        guard let colon = text.lastIndex(of: ":"), let dots, text.index(dots, offsetBy: 2) <= colon else {
            throw SweepError("'\(text)': expected \(example) (LOW..HIGH:COUNT)")
        }
        let low = String(text[..<dots]), high = String(text[text.index(dots, offsetBy: 2)..<colon])
        guard let count = Int(text[text.index(after: colon)...]), (2...maximumCount).contains(count) else {
            throw SweepError("'\(text)': the count after ':' must be a whole number from 2 to \(maximumCount)")
        }
        guard low != high else { throw SweepError("'\(text)': both ends are \(low); give two different ends") }
        if let low = DurationText(low), let high = DurationText(high) {
            return try durations(from: low, to: high, count: count, text: text)
        }
        if let low = RateText(low), let high = RateText(high) {
            return try rates(from: low, to: high, count: count, text: text)
        }
        if let low = DecimalText(low), let high = DecimalText(high) {
            return try decimals(from: low, to: high, count: count, text: text)
        }
        throw SweepError("'\(text)': expected both ends to be durations, rates or numbers, as in \(example)")
    }

    /// Evenly spaced whole numbers of nanoseconds, written in the ends' unit (the smaller of
    /// the two when they differ, or a smaller one still where a value is not exact in it).
    static func durations(from low: DurationText, to high: DurationText, count: Int, text: String) throws(SweepError) -> [String] {
        guard let steps = evenlySpaced(low.nanoseconds, high.nanoseconds, count: count) else {
            throw SweepError("'\(text)': the values would not be whole nanoseconds apart; choose a count that divides the span")
        }
        let unit = low.unit.nanoseconds <= high.unit.nanoseconds ? low.unit : high.unit
        let exactUnit = DurationText.units.filter { $0.nanoseconds <= unit.nanoseconds }
            .last { u in steps.allSatisfy { DecimalText.format($0, over: u.nanoseconds) != nil } } ?? DurationText.units[0]
        let name = exactUnit.nanoseconds == unit.nanoseconds ? unit.name : exactUnit.name
        return steps.map { DecimalText.format($0, over: exactUnit.nanoseconds)! + name }
    }

    /// Evenly spaced rates in thousandths of an event per the ends' common unit.
    static func rates(from low: RateText, to high: RateText, count: Int, text: String) throws(SweepError) -> [String] {
        guard low.rate.per == high.rate.per else {
            throw SweepError("'\(text)': write both ends per the same unit, as in 50/s..400/s")
        }
        guard let steps = evenlySpaced(low.rate.milliEvents, high.rate.milliEvents, count: count) else {
            throw SweepError("'\(text)': the values would need more than three decimals (rates have at most three); choose a count that divides the span")
        }
        return steps.map { DecimalText.format($0, over: 1_000)! + "/" + low.unit }
    }

    /// Evenly spaced decimals, with as many decimals as exactness needs (at most 18 digits).
    static func decimals(from low: DecimalText, to high: DecimalText, count: Int, text: String) throws(SweepError) -> [String] {
        var scale = max(low.scale, high.scale)
        while scale <= 18 {
            if let l = low.mantissa(atScale: scale), let h = high.mantissa(atScale: scale),
               let steps = evenlySpaced(l, h, count: count) {
                return steps.map { DecimalText.format($0, over: DecimalText.power(scale)!)! }
            }
            scale += 1
        }
        throw SweepError("'\(text)': the values would not be exact decimals; choose a count that divides the span")
    }

    /// `count` integers from `low` to `high`, evenly spaced, or `nil` when the spacing is not whole.
    static func evenlySpaced(_ low: Int64, _ high: Int64, count: Int) -> [Int64]? {
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span % Int64(count - 1) == 0 else { return nil }
        let step = span / Int64(count - 1)
        return (0..<Int64(count)).map { low + $0 * step }
    }
}

/// A problem with a `--vary` option or what it does to the scenario.
public struct SweepError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the option and the value, for the user.
    public var description: String
    /// The problem `description`.
    public init(_ description: String) { self.description = description }
}

/// A duration as written, with its unit: `250ms` is 250 000 000 ns in `ms`.
struct DurationText {
    /// Ripple's duration units (as `TimeSpan` reads them), smallest first.
    static let units: [(name: String, nanoseconds: Int64)] = [
        ("ns", 1), ("us", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ]

    let nanoseconds: Int64
    let unit: (name: String, nanoseconds: Int64)

    init?(_ text: String) {
        guard let span = TimeSpan(parsing: text) else { return nil }
        let name = String(text.drop { $0 == "-" || $0 == "." || ("0"..."9").contains($0) })
        guard let size = Self.units.first(where: { $0.name == name })?.nanoseconds ?? (name == "µs" ? 1_000 : nil) else { return nil }
        nanoseconds = span.nanoseconds
        unit = (name, size)
    }
}

/// A rate as written, with its unit: `50/s`.
struct RateText {
    let rate: Rate
    let unit: String

    init?(_ text: String) {
        guard let rate = Rate(parsing: text), let slash = text.firstIndex(of: "/") else { return nil }
        self.rate = rate
        unit = String(text[text.index(after: slash)...])
    }
}

/// A decimal number as written (`-0.25`), held exactly as digits and a count of decimals.
struct DecimalText {
    let digits: Int64
    let scale: Int

    init?(_ text: String) {
        var body = Substring(text)
        let negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let value = Int64(parts.joined()) else { return nil }
        digits = negative ? -value : value
        scale = parts.count == 2 ? parts[1].count : 0
    }

    /// The number × 10^`target` as an integer, when `target` ≥ its own decimals and it fits.
    func mantissa(atScale target: Int) -> Int64? {
        guard target >= scale, let factor = Self.power(target - scale) else { return nil }
        let (value, overflow) = digits.multipliedReportingOverflow(by: factor)
        return overflow ? nil : value
    }

    /// 10^`exponent`, when it fits in `Int64`.
    static func power(_ exponent: Int) -> Int64? {
        guard (0...18).contains(exponent) else { return nil }
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// `value / unit` written exactly as a decimal, trailing zeros removed, or `nil` when it
    /// does not end within 18 decimals (a third of a minute, say).
    static func format(_ value: Int64, over unit: Int64) -> String? {
        let magnitude = value.magnitude, size = unit.magnitude
        var text = (value < 0 ? "-" : "") + String(magnitude / size)
        var remainder = magnitude % size
        guard remainder > 0 else { return text }
        text += "."
        var decimals = 0
        while remainder > 0 {
            guard decimals < 18 else { return nil }
            remainder *= 10
            text += String(remainder / size)
            remainder %= size
            decimals += 1
        }
        return text
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    var trimmingSpaces: Substring {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return self[endIndex...] }
        return self[first...last]
    }
}
