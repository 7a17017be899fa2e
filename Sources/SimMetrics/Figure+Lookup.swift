/// Reading a tree of figures: the value at a dotted path, and the paths of its figures.
///
/// Paths join keys with dots, as in `latency.success.p99Ms` or `gauges.email lag.peak`. A key
/// may itself hold a dot (a service named `mail.v2`); lookup tries every key that could start
/// the path, so such keys are still found.
extension Figure {
    /// The member `key` of a group, or `nil` (also for every other figure).
    public func member(_ key: String) -> Figure? {
        guard case .group(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The value at the dotted `path` below this one, or `nil` when there is none.
    /// - Complexity: O(size of the tree) at worst; O(depth × width) for keys without dots.
    public func value(at path: String) -> Figure? {
        guard case .group(let members) = self else { return nil }
        for (key, value) in members {
            if key == path { return value }
            if path.hasPrefix(key + "."), let found = value.value(at: String(path.dropFirst(key.count + 1))) { return found }
        }
        return nil
    }

    /// The number as `metrics.json` publishes it (a decimal rounded to its places), or `nil`
    /// when this is not a number or has no data.
    public var numberValue: Double? {
        switch self {
        case .integer(let count): Double(count)
        case .decimal(let value, let places) where value.isFinite: Double(Format.decimal(value, decimals: places))
        default: nil
        }
    }

    /// The truth value this is, or `nil` when it is not one.
    public var truthValue: Bool? {
        guard case .truth(let flag) = self else { return nil }
        return flag
    }

    /// The text this is, or `nil` when it is not text.
    public var textValue: String? {
        guard case .text(let text) = self else { return nil }
        return text
    }

    /// The value as an expectation measures it: a number as published, `true` as 1 and `false`
    /// as 0; `nil` for anything else.
    public var measuredValue: Double? {
        numberValue ?? truthValue.map { $0 ? 1 : 0 }
    }

    /// Whether this is a figure the run does not define: `absent`, or a decimal that is not finite.
    var isAbsent: Bool {
        switch self {
        case .absent: true
        case .decimal(let value, _): !value.isFinite
        default: false
        }
    }

    /// The dotted path of every truth value below this one, in written (sorted key) order, as
    /// `recovery.metastable`.
    public var truthPaths: [String] {
        guard case .group(let members) = self else { return [] }
        return members.sorted { $0.0 < $1.0 }.flatMap { key, value -> [String] in
            switch value {
            case .truth: return [key]
            default: return value.truthPaths.map { key + "." + $0 }
            }
        }
    }

    /// The dotted path of every number below this one, in written (sorted key) order, with every
    /// figure that may be a number but has no data in this run, such as `recovery.recoveredAfterMs`
    /// of a run that never recovered.
    public var numberPaths: [String] {
        guard case .group(let members) = self else { return [] }
        return members.sorted { $0.0 < $1.0 }.flatMap { key, value -> [String] in
            if value.isAbsent { return [key] }
            switch value {
            case .integer, .decimal: return [key]
            default: return value.numberPaths.map { key + "." + $0 }
            }
        }
    }
}
