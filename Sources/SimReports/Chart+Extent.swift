extension Chart {
    /// The range of x over `xSpan` and every point that can be drawn (series and bands);
    /// without any, the range of the finite window bounds; nil when there is nothing at all.
    /// - Complexity: O(n) in the number of points.
    var xExtent: ClosedRange<Double>? {
        var extent = Extent()
        if let xSpan { extent.include(xSpan.lowerBound); extent.include(xSpan.upperBound) }
        for series in series { for point in series.points where canPlace(point) { extent.include(point.x) } }
        for band in bands { for point in band.points where canPlace(point) { extent.include(point.x) } }
        if extent.range == nil {
            for window in windows { extent.include(window.start); extent.include(window.end) }
        }
        return extent.range
    }

    /// The range of y over every point that can be drawn, band edges included, and 0 when the
    /// axis starts there (`yStartsAtZero`, linear: all zeros then span 0…1, never −1…1, as a
    /// count is never negative); nil when no point can be drawn.
    /// - Complexity: O(n) in the number of points.
    var yExtent: ClosedRange<Double>? {
        var extent = Extent()
        for series in series { for point in series.points where canPlace(point) { extent.include(point.y) } }
        for band in bands {
            for point in band.points where canPlace(point) { extent.include(point.low); extent.include(point.high) }
        }
        if yStartsAtZero, yScale == .linear, let range = extent.range {
            extent.include(0)
            if range == 0...0 { extent.include(1) }
        }
        return extent.range
    }

    /// Whether a series point can be drawn: finite, and on a logarithmic scale y > 0.
    func canPlace(_ point: (x: Double, y: Double)) -> Bool {
        point.x.isFinite && point.y.isFinite && (yScale == .linear || point.y > 0)
    }

    /// Whether a band point can be drawn: finite, and on a logarithmic scale both edges > 0.
    func canPlace(_ point: (x: Double, low: Double, high: Double)) -> Bool {
        point.x.isFinite && point.low.isFinite && point.high.isFinite
            && (yScale == .linear || (point.low > 0 && point.high > 0))
    }
}

/// The smallest range holding every finite value included.
private struct Extent {
    var low = Double.infinity
    var high = -Double.infinity

    mutating func include(_ value: Double) {
        guard value.isFinite else { return }
        low = Swift.min(low, value)
        high = Swift.max(high, value)
    }

    var range: ClosedRange<Double>? { low <= high ? low...high : nil }
}
