import SimKernel

/// Ripple's one number formatter: every figure in every report goes through here, so
/// output never depends on the locale or on how a platform prints a `Double`.
public enum Format {
    /// `value` rounded half away from zero to `decimals` places, e.g. `fixed(2.345, decimals: 2)` = `"2.35"`.
    /// Non-finite values print as `"NaN"`, `"inf"` or `"-inf"`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return value.description }  // Swift prints doubles identically everywhere
        let units = Int64(scaled)
        return FixedPointText.text(units: UInt64(units), decimals: decimals, isNegative: value < 0 && units != 0)
    }

    /// A number with up to `significant` significant digits, trailing zeros removed:
    /// `compact(0.012345)` = `"0.0123"`, `compact(1234567)` = `"1234567"`.
    public static func compact(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite else { return fixed(value, decimals: 0) }
        if value == 0 { return "0" }
        var magnitude = 0
        var probe = abs(value)
        while probe >= 10 { probe /= 10; magnitude += 1 }
        while probe < 1 { probe *= 10; magnitude -= 1 }
        let decimals = Swift.max(0, significant - 1 - magnitude)
        return withoutTrailingZeros(fixed(value, decimals: Swift.min(decimals, 12)))
    }

    /// `text` without the zeros after its decimal point's last other digit, nor a point left
    /// last: `"2.50"` → `"2.5"`, `"3.000"` → `"3"`; text without a point as it stands.
    static func withoutTrailingZeros(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(UInt8(ascii: ".")) else { return text }
        var end = bytes.endIndex
        while bytes[bytes.index(before: end)] == UInt8(ascii: "0") { end = bytes.index(before: end) }
        if bytes[bytes.index(before: end)] == UInt8(ascii: ".") { end = bytes.index(before: end) }
        return String(text[..<end])
    }

    /// A count with its digits in groups of three, as people write large numbers in prose:
    /// `grouped(2_143_937)` = `"2 143 937"`.
    public static func grouped(_ count: Int) -> String {
        let digits = Array(String(count.magnitude))
        let groups = stride(from: digits.count, to: 0, by: -3).reversed().map { end in String(digits[Swift.max(0, end - 3)..<end]) }
        return (count < 0 ? "-" : "") + groups.joined(separator: " ")
    }

    /// A time given in whole nanoseconds as exact seconds: up to nine decimals, trailing zeros
    /// (and a trailing point) removed: `seconds(nanoseconds: 2_800_000_000)` = `"2.8"`,
    /// `seconds(nanoseconds: 10_000_000_001)` = `"10.000000001"`.
    public static func seconds(nanoseconds: Int64) -> String {
        withoutTrailingZeros(FixedPointText.text(units: nanoseconds.magnitude, decimals: 9, isNegative: nanoseconds < 0))
    }

    /// `value` with up to `decimals` places, trailing zeros (and a trailing point) removed and
    /// `-0` written `0`: `decimal(2.50, decimals: 3)` = `"2.5"`. This is how `metrics.json`
    /// writes decimals.
    public static func decimal(_ value: Double, decimals: Int) -> String {
        let text = fixed(value, decimals: decimals)
        guard value.isFinite else { return text }
        let trimmed = withoutTrailingZeros(text)
        return trimmed == "-0" ? "0" : trimmed
    }

    /// A measured duration in nanoseconds as people read it: a number of `significant` digits,
    /// a space and the largest unit it reaches: `"850 µs"`, `"12.3 ms"`, `"59.5 s"`,
    /// `"1.01 min"`, `"1.2 h"`. Every figure of time in printed output, `summary.md` and
    /// `report.html` goes through here (a configured span through `duration(_:)`).
    public static func duration(nanoseconds: Double, significant: Int = 3) -> String {
        guard nanoseconds != 0 else { return "0 s" }
        let units: [(String, Double)] = [("h", 3.6e12), ("min", 6e10), ("s", 1e9), ("ms", 1e6), ("µs", 1e3)]
        for (name, size) in units where abs(nanoseconds) >= size {
            return compact(nanoseconds / size, significant: significant) + " " + name
        }
        return compact(nanoseconds, significant: significant) + " ns"
    }

    /// A configured span, such as a fault's start, exactly and in the style of
    /// `duration(nanoseconds:)`: `"1.5 min"`, `"12.345 s"`.
    public static func duration(_ span: TimeSpan) -> String {
        span.reading
    }

    /// A window of the run, exactly, both ends in one unit so its length shows:
    /// `"from 1 min to 2 min"`, `"from 84 s to 94 s"`, or `"from 4.167 min to the end"` when it
    /// has no end.
    public static func window(from start: TimeSpan, lasting length: TimeSpan?) -> String {
        guard let length else { return "from " + duration(start) + " to the end" }
        let (first, last) = TimeSpan.readings(start, start + length)
        return "from " + first + " to " + last
    }

    /// A fraction as a percentage with `decimals` places: `percent(0.1234)` = `"12.3%"`.
    public static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        fixed(fraction * 100, decimals: decimals) + "%"
    }
}
