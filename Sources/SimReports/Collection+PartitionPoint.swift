extension RandomAccessCollection {
    /// The index of the first element for which `isInSecondPart` holds, or `endIndex`: the
    /// collection must be partitioned, every element failing the predicate before every
    /// element passing it (as in a sorted array asked for the first element at or above a value).
    /// - Complexity: O(log n) calls of `isInSecondPart`.
    func partitionPoint(where isInSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
