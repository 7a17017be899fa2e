import SimKernel
@testable import SimScenario

/// Seeded random JSON for the fuzz tests: value trees, and text that writes them with
/// random whitespace and random (but valid) escapes.
struct JSONRandomDocuments {
    var random: RandomStream

    /// A generator whose every choice follows from `seed`.
    init(seed: UInt64) {
        random = RandomStream(seed: seed)
    }

    /// A random value nested at most `depth` containers deep.
    mutating func value(depth: Int) -> JSONValue {
        switch random.next(below: depth > 0 ? 6 : 4) {
        case 0: return random.next(below: 3) == 0 ? .null : .bool(random.next(below: 2) == 0)
        case 1: return .number(numberText())
        case 2, 3: return .string(string())
        case 4: return .array((0..<random.next(below: 4)).map { _ in node(value(depth: depth - 1)) })
        default:
            // Keys are made distinct the way the parser compares them: by `String` equality.
            var seen = Set<String>()
            var members: [JSONMember] = []
            for _ in 0..<random.next(below: 4) {
                let key = string()
                guard seen.insert(key).inserted else { continue }
                members.append(JSONMember(key: key, keyLocation: Self.nowhere, value: node(value(depth: depth - 1))))
            }
            return .object(members)
        }
    }

    /// `value` written as JSON text, with random whitespace between tokens and random escapes.
    mutating func text(of value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static let nowhere = TextPosition(line: 0, column: 0)

    private func node(_ value: JSONValue) -> JSONNode { JSONNode(value: value, location: Self.nowhere) }

    /// A number in the JSON grammar.
    private mutating func numberText() -> String {
        var text = random.next(below: 3) == 0 ? "-" : ""
        text += random.next(below: 3) == 0 ? "0" : String(1 + random.next(below: 9)) + digits(upTo: 6)
        if random.next(below: 2) == 0 { text += "." + String(random.next(below: 10)) + digits(upTo: 4) }
        if random.next(below: 3) == 0 {
            text += ["e", "E", "e+", "e-", "E-"][Int(random.next(below: 5))] + String(random.next(below: 10)) + digits(upTo: 2)
        }
        return text
    }

    private mutating func digits(upTo count: UInt64) -> String {
        String((0..<random.next(below: count + 1)).map { _ in Character(String(random.next(below: 10))) })
    }

    /// A short string mixing ASCII, quotes and backslashes, control characters, and scalars of every UTF-8 length.
    private mutating func string() -> String {
        let specials: [UInt32] = [0x22, 0x5C, 0x2F, 0x00, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x7F,
                                  0xE9, 0x301, 0x20AC, 0xFEFF, 0xFFFF, 0x1F600, 0x10FFFF]
        var string = ""
        for _ in 0..<random.next(below: 8) {
            let value = random.next(below: 2) == 0 ? UInt32(0x20 + random.next(below: 0x5F)) : specials[Int(random.next(below: UInt64(specials.count)))]
            string.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        return string
    }

    private mutating func whitespace() -> String {
        ["", "", " ", "\n", "\t", "\r\n", "  "][Int(random.next(below: 7))]
    }

    private mutating func write(_ value: JSONValue, into out: inout String) {
        out += whitespace()
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let string): write(string, into: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                write(element.value, into: &out)
            }
            out += whitespace() + "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                out += whitespace()
                write(member.key, into: &out)
                out += whitespace() + ":"
                write(member.value.value, into: &out)
            }
            out += whitespace() + "}"
        }
        out += whitespace()
    }

    /// Writes `string` quoted, escaping what must be escaped and, at random, other scalars too.
    private mutating func write(_ string: String, into out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            let short: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\u{8}": "\\b", "\u{C}": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"]
            let mustEscape = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
            switch random.next(below: 3) {
            case 0 where short[scalar] != nil: out += short[scalar]!
            case 1: out += unicodeEscape(scalar)
            default: out += mustEscape ? unicodeEscape(scalar) : String(scalar)
            }
        }
        out += "\""
    }

    /// `\uXXXX`, or a surrogate pair of them, in random letter case.
    private mutating func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let units = scalar.value < 0x10000
            ? [scalar.value]
            : [0xD800 + ((scalar.value - 0x10000) >> 10), 0xDC00 + ((scalar.value - 0x10000) & 0x3FF)]
        let uppercase = random.next(below: 2) == 0
        return units.map { unit in
            let hex = String(unit, radix: 16, uppercase: uppercase)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }
}
