import SimKernel
import SimMetrics

/// Readers for the scalar values of scenario files. Each logs what it expected and what it
/// found, and returns `nil` for a bad value, so reading goes on and every problem is reported.
struct ValueReader {
    let log: IssueLog

    func string(_ node: JSONNode, _ path: String) -> String? {
        guard let text = node.stringValue else { log.wrong(path, expected: "a string", found: node); return nil }
        return text
    }

    func bool(_ node: JSONNode, _ path: String) -> Bool? {
        guard let flag = node.boolValue else { log.wrong(path, expected: "true or false", found: node); return nil }
        return flag
    }

    /// A whole number in `range`.
    func integer(_ node: JSONNode, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.numberText, let value = Int(text) else {
            log.wrong(path, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)", found: node)
            return nil
        }
        guard range.contains(value) else {
            log.add(path, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(text)", at: node.location)
            return nil
        }
        return value
    }

    /// A seed: a whole number from 0 to 2^64 − 1.
    func seed(_ node: JSONNode, _ path: String) -> UInt64? {
        guard let text = node.numberText, let value = UInt64(text) else {
            log.wrong(path, expected: "a whole number from 0 to 18446744073709551615", found: node)
            return nil
        }
        return value
    }

    /// A finite number in `range` (written as a JSON number).
    func number(_ node: JSONNode, _ path: String, in range: ClosedRange<Double>, what: String = "a number") -> Double? {
        guard let text = node.numberText, let value = Double(text), value.isFinite else {
            log.wrong(path, expected: what, found: node)
            return nil
        }
        guard range.contains(value) else {
            log.add(path, "expected \(what) from \(Format.compact(range.lowerBound)) to \(Format.compact(range.upperBound)), found \(text)", at: node.location)
            return nil
        }
        return value
    }

    func probability(_ node: JSONNode, _ path: String) -> Probability? {
        number(node, path, in: 0...1, what: "a probability").map(Probability.init)
    }

    /// A duration with a unit, such as `"250ms"`, within `range`.
    func duration(_ node: JSONNode, _ path: String, in range: ClosedRange<TimeSpan> = .zero...TimeSpan.hours(24 * 365)) -> TimeSpan? {
        let expected = "a duration with a unit, such as \"250ms\" (units: ns, us, ms, s, m, h)"
        guard let text = node.stringValue else {
            if let number = node.numberText {
                log.add(path, "expected \(expected), found the bare number \(number); add a unit, e.g. \"\(number)ms\"", at: node.location)
            } else {
                log.wrong(path, expected: expected, found: node)
            }
            return nil
        }
        // Refuses a value below the range, or above it (a text too long for any duration is, unless negative).
        func outOfRange(below: Bool) -> TimeSpan? {
            let what = below ? "at least \(range.lowerBound)" : "at most \(range.upperBound)"
            log.add(path, "expected a duration \(what), found \(Describe.quoted(text))", at: node.location)
            return nil
        }
        guard let span = TimeSpan(parsing: text) else {
            if TimeSpan.isTooLong(text) { return outOfRange(below: text.hasPrefix("-")) }
            if TimeSpan.isFinerThanNanoseconds(text) {
                let floor = range.lowerBound > .nanoseconds(1) ? ", at least \(range.lowerBound)" : ""
                log.add(path, "expected a whole number of nanoseconds, the clock's finest step\(floor), found \(Describe.quoted(text))", at: node.location)
                return nil
            }
            let hint = TimeSpan.strictSpelling(of: text).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "expected \(expected), found \(Describe.quoted(text))\(hint)", at: node.location)
            return nil
        }
        guard range.contains(span) else { return outOfRange(below: span < range.lowerBound) }
        return span
    }

    /// A rate such as `"200/s"`, positive and at most `maximum` per second.
    func rate(_ node: JSONNode, _ path: String, maximumPerSecond: Double = 10_000_000) -> Rate? {
        let expected = "a rate such as \"200/s\" (per ns, us, ms, s, m or h)"
        guard let text = node.stringValue else { log.wrong(path, expected: expected, found: node); return nil }
        let tooFrequent = "expected at most \(Int(maximumPerSecond))/s, found \(Describe.quoted(text))"
        guard let rate = Rate(parsing: text) else {
            if Rate.isTooFrequent(text) { log.add(path, tooFrequent, at: node.location); return nil }
            if let equivalent = Rate.preciseEquivalent(of: text) {
                let advice = equivalent == "none" ? "" : "; write it per a longer unit, as \"\(equivalent)\""
                log.add(path, "expected a rate with at most three decimals (a whole number of thousandths of an event per unit), "
                        + "found \(Describe.quoted(text))\(advice)", at: node.location)
                return nil
            }
            let hint = text.hasPrefix("-") ? "; a rate cannot be negative"
                : Rate.strictSpelling(of: text).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "expected \(expected), found \(Describe.quoted(text))\(hint)", at: node.location)
            return nil
        }
        guard rate.milliEvents > 0 else { log.add(path, "expected a positive rate, found \(Describe.quoted(text))", at: node.location); return nil }
        guard rate.eventsPerSecond <= maximumPerSecond else { log.add(path, tooFrequent, at: node.location); return nil }
        return rate
    }

    /// One of `choices`, with a suggestion when close.
    func choice<T>(_ node: JSONNode, _ path: String, _ choices: [(String, T)]) -> T? {
        let names = choices.map(\.0)
        guard let text = node.stringValue else { log.wrong(path, expected: Describe.choices(names), found: node); return nil }
        guard let match = choices.first(where: { $0.0 == text }) else {
            let hint = Suggestion.closest(to: text, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "expected \(Describe.choices(names)), found \(Describe.quoted(text))\(hint)", at: node.location)
            return nil
        }
        return match.1
    }

    /// The name of a service declared in the scenario.
    func service(_ node: JSONNode, _ path: String, among names: [String]) -> Int? {
        guard let text = node.stringValue else { log.wrong(path, expected: "a service name", found: node); return nil }
        guard let index = names.firstIndex(of: text) else {
            let hint = Suggestion.closest(to: text, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            log.add(path, "unknown service \"\(text)\"\(hint); expected one of \(Describe.choices(names))", at: node.location)
            return nil
        }
        return index
    }
}
