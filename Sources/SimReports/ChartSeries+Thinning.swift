extension ChartSeries {
    /// The line drawn from at most `limit` of its points (at least 2): unchanged when it has no
    /// more, else cut into `limit / 2` buckets of consecutive points, each giving the points
    /// holding its lowest and its highest finite y, in their order (one when they coincide), so a
    /// spike or an outage stays visible and the line's lowest and highest points stay drawn. A
    /// bucket without a finite y gives its first point: a gap at least a bucket wide stays a gap.
    /// `thinnedFrom` says how many points the line had, when it was thinned.
    /// - Complexity: O(n) in the number of points.
    public func thinned(toAtMost limit: Int) -> ChartSeries {
        precondition(limit >= 2, "a bucket keeps up to two points")
        guard points.count > limit else { return self }
        let buckets = limit / 2
        var kept: [(x: Double, y: Double)] = []
        kept.reserveCapacity(2 * buckets)
        for bucket in 0..<buckets {
            let range = bucket * points.count / buckets..<(bucket + 1) * points.count / buckets
            var lowest: Int?, highest: Int?
            for index in range where points[index].y.isFinite {
                if lowest.map({ points[index].y < points[$0].y }) ?? true { lowest = index }
                if highest.map({ points[index].y > points[$0].y }) ?? true { highest = index }
            }
            guard let lowest, let highest else { kept.append(points[range.lowerBound]); continue }
            kept.append(points[Swift.min(lowest, highest)])
            if lowest != highest { kept.append(points[Swift.max(lowest, highest)]) }
        }
        var line = self
        line.points = kept
        line.thinnedFrom = points.count
        return line
    }
}
