/// The links of `network.links` read so far, to find a link that an earlier one shadows: the
/// first link that matches a message sets its latency, so a link from (or to) the same node as
/// an earlier one, or any node where the earlier one has no end, is never taken.
struct LinkShadows {
    /// A link's ends; `nil` for any node.
    private struct Ends: Hashable {
        var from: Int?
        var to: Int?
    }

    /// The first link with each pair of ends.
    private var first: [Ends: Int] = [:]

    /// Adds link `index` from `from` to `to` (`nil` for any node) and returns the earliest link
    /// added before it that matches every message it matches, if any.
    /// - Complexity: O(1): a link that matches all of this one's messages has, at each end,
    ///   the same node or none, so at most four earlier pairs of ends can shadow it.
    mutating func add(_ index: Int, from: Int?, to: Int?) -> Int? {
        let candidates = [from, nil].flatMap { f in [to, nil].map { Ends(from: f, to: $0) } }
        let earlier = candidates.compactMap { first[$0] }.min()
        if first[Ends(from: from, to: to)] == nil { first[Ends(from: from, to: to)] = index }
        return earlier
    }
}
