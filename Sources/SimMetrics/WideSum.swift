/// An unsigned 128-bit running sum: adds products of two 64-bit numbers without overflow
/// or rounding, so that a sum does not depend on the order of its additions.
@usableFromInline struct WideSum: Sendable, Equatable {
    @usableFromInline var high: UInt64
    @usableFromInline var low: UInt64

    /// The sum `high · 2^64 + low`.
    @inlinable init(high: UInt64 = 0, low: UInt64 = 0) {
        self.high = high
        self.low = low
    }

    /// Adds `value · times`. Each product is below 2^128, and so is any sum of fewer than
    /// 2^64 products of values below 2^63 (all a histogram can hold).
    @inlinable mutating func add(_ value: UInt64, times: UInt64) {
        let product = value.multipliedFullWidth(by: times)
        add(WideSum(high: product.high, low: product.low))
    }

    /// Adds `value`.
    @inlinable mutating func add(_ value: UInt64) {
        let (sum, carried) = low.addingReportingOverflow(value)
        low = sum
        high = high &+ (carried ? 1 : 0)
    }

    /// Adds another sum.
    @inlinable mutating func add(_ other: WideSum) {
        let (sum, carried) = low.addingReportingOverflow(other.low)
        low = sum
        high = high &+ other.high &+ (carried ? 1 : 0)
    }

    /// The sum as a `Double`: exact below 2^53, otherwise within a few units in the last place.
    var value: Double { Double(high) * 0x1p64 + Double(low) }
}
