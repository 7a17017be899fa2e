/// Telling two trees of figures apart, figure by figure, at the precision `metrics.json`
/// publishes (so two runs that would write the same file are alike).
extension Figure {
    /// Where this tree and `other` first differ, in built order, as the dotted path and both
    /// figures: `latency.success.p99Ms: 12.5 then 12.7`; `nil` when they are alike.
    /// - Complexity: O(size of the trees).
    public func firstDifference(from other: Figure) -> String? {
        firstDifference(from: other, at: "")
    }

    func firstDifference(from other: Figure, at path: String) -> String? {
        guard case .group(let mine) = self, case .group(let theirs) = other else {
            return published == other.published ? nil : "\(path): \(published) then \(other.published)"
        }
        for i in 0..<Swift.max(mine.count, theirs.count) {
            guard i < mine.count, i < theirs.count, mine[i].0 == theirs[i].0 else {
                let key = { (members: [(String, Figure)]) in i < members.count ? members[i].0 : "(none)" }
                return "\(path.isEmpty ? "" : path + ": ")member \(key(mine)) then \(key(theirs))"
            }
            let child = path.isEmpty ? mine[i].0 : path + "." + mine[i].0
            if let difference = mine[i].1.firstDifference(from: theirs[i].1, at: child) { return difference }
        }
        return nil
    }

    /// The figure as `metrics.json` writes it: `12.5`, `true`, `"quiescent"`, `null`; a group as `{…}`.
    var published: String {
        switch self {
        case .group: "{…}"
        case .integer(let count): String(count)
        case .decimal(let value, let places): value.isFinite ? Format.decimal(value, decimals: places) : "null"
        case .truth(let flag): flag ? "true" : "false"
        case .text(let text): "\"" + text + "\""
        case .absent: "null"
        }
    }
}
