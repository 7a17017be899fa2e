/// Writes a fixed-point number given as a whole count of its smallest unit (`units` of
/// 10^-`decimals`) as decimal text, in one allocation at most: the job at the heart of
/// `Format.fixed`, which every figure in every report goes through.
enum FixedPointText {
    /// `units` × 10^-`decimals` with exactly `decimals` places (none, and no point, for 0),
    /// a `-` in front when `isNegative`: `text(units: 5, decimals: 3, isNegative: true)` = `"-0.005"`.
    /// - Precondition: `decimals` from 0 to 18 (10^decimals fits an `Int64`).
    static func text(units: UInt64, decimals: Int, isNegative: Bool) -> String {
        precondition((0...18).contains(decimals), "\(decimals) decimals: from 0 to 18 fit")
        var count = 1, rest = units
        while rest >= 10 { rest /= 10; count += 1 }
        let digits = Swift.max(count, decimals + 1)  // at least one digit before the point
        let length = (isNegative ? 1 : 0) + digits + (decimals > 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: length) { text in
            var rest = units, end = length
            for place in 0..<digits {
                if place == decimals && decimals > 0 { end -= 1; text[end] = UInt8(ascii: ".") }
                end -= 1
                text[end] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            if isNegative { text[0] = UInt8(ascii: "-") }
            return length
        }
    }
}
