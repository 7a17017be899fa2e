/// An unsigned 192-bit running sum of products of three 64-bit numbers (squares times a
/// count), without overflow or rounding, so that a histogram's sum of squares does not depend
/// on the order of its records and merges.
@usableFromInline struct WideSquareSum: Sendable, Equatable {
    /// The sum `high · 2^128 + middle · 2^64 + low`.
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var middle: UInt64 = 0
    @usableFromInline var high: UInt64 = 0

    @inlinable init() {}

    /// Adds `value² · times`. A square of a value below 2^63 is below 2^126, so fewer than
    /// 2^63 of them (all a histogram can hold) sum to below 2^189.
    @inlinable mutating func add(square value: UInt64, times: UInt64) {
        add(value, value, times: times)
    }

    /// Adds `value²`: a histogram does this on every record, so it is always inlined.
    @inlinable @inline(__always) mutating func add(square value: UInt64) {
        let square = value.multipliedFullWidth(by: value)
        add(low: square.low, middle: square.high, high: 0)
    }

    /// Adds `a · b · c`.
    @inlinable mutating func add(_ a: UInt64, _ b: UInt64, times c: UInt64) {
        let ab = a.multipliedFullWidth(by: b)
        let lowProduct = ab.low.multipliedFullWidth(by: c)
        let highProduct = ab.high.multipliedFullWidth(by: c)
        let (middlePart, carried) = lowProduct.high.addingReportingOverflow(highProduct.low)
        add(low: lowProduct.low, middle: middlePart, high: highProduct.high &+ (carried ? 1 : 0))
    }

    /// Adds another sum.
    @inlinable mutating func add(_ other: WideSquareSum) {
        add(low: other.low, middle: other.middle, high: other.high)
    }

    @inlinable @inline(__always)
    mutating func add(low otherLow: UInt64, middle otherMiddle: UInt64, high otherHigh: UInt64) {
        let (newLow, lowCarried) = low.addingReportingOverflow(otherLow)
        let (partialMiddle, middleCarried1) = middle.addingReportingOverflow(otherMiddle)
        let (newMiddle, middleCarried2) = partialMiddle.addingReportingOverflow(lowCarried ? 1 : 0)
        low = newLow
        middle = newMiddle
        high = high &+ otherHigh &+ (middleCarried1 ? 1 : 0) &+ (middleCarried2 ? 1 : 0)
    }

    /// This sum minus `other`, or 0 if `other` is larger.
    func subtracting(_ other: WideSquareSum) -> WideSquareSum {
        let (newLow, lowBorrowed) = low.subtractingReportingOverflow(other.low)
        let (partialMiddle, middleBorrowed1) = middle.subtractingReportingOverflow(other.middle)
        let (newMiddle, middleBorrowed2) = partialMiddle.subtractingReportingOverflow(lowBorrowed ? 1 : 0)
        let (partialHigh, highBorrowed1) = high.subtractingReportingOverflow(other.high)
        let (newHigh, highBorrowed2) = partialHigh.subtractingReportingOverflow((middleBorrowed1 ? 1 : 0) + (middleBorrowed2 ? 1 : 0))
        guard !highBorrowed1, !highBorrowed2 else { return WideSquareSum() }
        var difference = WideSquareSum()
        (difference.low, difference.middle, difference.high) = (newLow, newMiddle, newHigh)
        return difference
    }

    /// The sum as a `Double`, within a few units in the last place.
    var value: Double { Double(high) * 0x1p128 + Double(middle) * 0x1p64 + Double(low) }
}
