/// Reading a built document back: the value at a dotted path, and the paths of its numbers.
///
/// Paths join keys with dots, as in `latency.success.p99Ms` or `gauges.email lag.peak`. A key
/// may itself hold a dot (a service named `mail.v2`); lookup tries every key that could start
/// the path, so such keys are still found.
extension JSONOutput {
    /// The member `key` of an object, or `nil` (also for arrays and scalars).
    public func member(_ key: String) -> JSONOutput? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The value at the dotted `path` below this one, or `nil` when there is none.
    /// - Complexity: O(size of the document) at worst; O(depth × width) for keys without dots.
    public func value(at path: String) -> JSONOutput? {
        guard case .object(let members) = self else { return nil }
        for (key, value) in members {
            if key == path { return value }
            if path.hasPrefix(key + "."), let found = value.value(at: String(path.dropFirst(key.count + 1))) { return found }
        }
        return nil
    }

    /// The number this value holds, or `nil` when it is not a number.
    public var numberValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The truth value this value holds, or `nil` when it is not `true` or `false`.
    public var truthValue: Bool? {
        guard case .bool(let flag) = self else { return nil }
        return flag
    }

    /// The value as an expectation measures it: a number as it is, `true` as 1 and `false` as
    /// 0; `nil` for anything else.
    public var measuredValue: Double? {
        numberValue ?? truthValue.map { $0 ? 1 : 0 }
    }

    /// The dotted path of every `true` or `false` below this value, in written (sorted key)
    /// order, as `recovery.metastable`. Values inside arrays are left out.
    public var truthPaths: [String] {
        guard case .object(let members) = self else { return [] }
        return members.sorted { $0.0 < $1.0 }.flatMap { key, value -> [String] in
            switch value {
            case .bool: return [key]
            default: return value.truthPaths.map { key + "." + $0 }
            }
        }
    }

    /// The dotted path of every number below this value, in written (sorted key) order.
    /// Numbers inside arrays are left out: they have no stable name.
    public var numberPaths: [String] { numberPaths(includingNulls: false) }

    /// The same, with `includingNulls` also every `null`: a number not defined in this
    /// document, such as `recovery.recoveredAfterMs` of a run that never recovered.
    public func numberPaths(includingNulls: Bool) -> [String] {
        guard case .object(let members) = self else { return [] }
        return members.sorted { $0.0 < $1.0 }.flatMap { key, value -> [String] in
            switch value {
            case .number: return [key]
            case .null: return includingNulls ? [key] : []
            default: return value.numberPaths(includingNulls: includingNulls).map { key + "." + $0 }
            }
        }
    }
}
