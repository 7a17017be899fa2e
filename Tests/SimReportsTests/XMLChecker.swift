/// A small XML 1.0 well-formedness checker for tests: elements nest and close, attributes are
/// quoted and not repeated, entity and character references are valid, characters are legal,
/// and there is exactly one root element. No DTD internal subsets, no namespace checks.
///
/// It reports problems, never crashes: every malformed input yields at least one `Problem`
/// and the scan stops at the first problem it cannot step over (an unterminated tag).
struct XMLChecker {
    /// One reason a document is not well formed, at a UTF-8 byte offset.
    struct Problem: CustomStringConvertible, Equatable {
        var offset: Int
        var message: String
        var description: String { "byte \(offset): \(message)" }
    }

    /// Every problem found in `text`; empty when it is a well-formed document.
    /// - Complexity: O(n) in the length of `text`.
    static func problems(in text: String) -> [Problem] {
        var checker = XMLChecker(bytes: Array(text.utf8))
        checker.scanDocument()
        return checker.problems
    }

    private let bytes: [UInt8]
    private var index = 0
    private var open: [String] = []
    private var rootCount = 0
    private var problems: [Problem] = []

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func scanDocument() {
        checkCharacters()
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                guard scanMarkup() else { return }
            } else {
                scanText()
            }
        }
        for name in open.reversed() { fail("<\(name)> is never closed", at: bytes.count) }
        if rootCount == 0 { fail("no root element", at: bytes.count) }
    }

    // MARK: Markup

    /// Scans one construct starting at `<`; false when it is unterminated and scanning must stop.
    private mutating func scanMarkup() -> Bool {
        if starts(with: "<?") { return scanProcessingInstruction() }
        if starts(with: "<!--") { return scanComment() }
        if starts(with: "<![CDATA[") {
            if open.isEmpty { fail("CDATA section outside the root element", at: index) }
            return skip(past: "]]>", what: "CDATA section")
        }
        if starts(with: "<!DOCTYPE") {
            if rootCount > 0 || !open.isEmpty { fail("DOCTYPE after the root element started", at: index) }
            return skip(past: ">", what: "DOCTYPE")
        }
        if starts(with: "</") { return scanCloseTag() }
        return scanOpenTag()
    }

    private mutating func scanProcessingInstruction() -> Bool {
        let start = index
        let isDeclaration = starts(with: "<?xml") && index + 5 < bytes.count && isSpace(bytes[index + 5])
        if isDeclaration && start != 0 { fail("the XML declaration must open the document", at: start) }
        return skip(past: "?>", what: "processing instruction")
    }

    private mutating func scanComment() -> Bool {
        let start = index
        index += 4
        while index < bytes.count {
            if starts(with: "-->") { index += 3; return true }
            if starts(with: "--") { fail("\"--\" inside a comment", at: index); index += 2; continue }
            index += 1
        }
        fail("unterminated comment", at: start)
        return false
    }

    private mutating func scanCloseTag() -> Bool {
        let start = index
        index += 2
        guard let name = scanName() else {
            fail("a close tag needs a name", at: index)
            return skip(past: ">", what: "close tag")
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
            fail("unterminated close tag </\(name)", at: start)
            return false
        }
        index += 1
        if open.last == name {
            open.removeLast()
        } else if let depth = open.lastIndex(of: name) {
            fail("</\(name)> closes <\(name)> while <\(open.last!)> is still open", at: start)
            open.removeSubrange(depth...)
        } else {
            fail("</\(name)> has no matching open tag", at: start)
        }
        return true
    }

    private mutating func scanOpenTag() -> Bool {
        let start = index
        index += 1
        guard let name = scanName() else {
            fail("\"<\" must start a tag; write &lt; in text", at: start)
            return true
        }
        if open.isEmpty {
            rootCount += 1
            if rootCount == 2 { fail("a second root element <\(name)>", at: start) }
        }
        var attributes: [String] = []
        while true {
            let hadSpace = skipSpace()
            guard index < bytes.count else { fail("unterminated tag <\(name)", at: start); return false }
            if starts(with: "/>") { index += 2; return true }
            if bytes[index] == UInt8(ascii: ">") { index += 1; open.append(name); return true }
            if !hadSpace { fail("attributes must be separated by white space", at: index) }
            guard let attribute = scanName() else {
                fail("unexpected character in tag <\(name)", at: index)
                return false
            }
            if attributes.contains(attribute) { fail("attribute \(attribute) repeated", at: index) }
            attributes.append(attribute)
            guard scanAttributeValue(of: attribute) else { return false }
        }
    }

    /// Scans `= "value"` after an attribute name; false when the value is unterminated.
    private mutating func scanAttributeValue(of attribute: String) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            fail("attribute \(attribute) has no value", at: index)
            return false
        }
        index += 1
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            fail("attribute \(attribute) value is not quoted", at: index)
            return false
        }
        let quote = bytes[index]
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "<") { fail("\"<\" in the value of \(attribute)", at: index) }
            if bytes[index] == UInt8(ascii: "&") { checkReference() } else { index += 1 }
        }
        guard index < bytes.count else { fail("unterminated value of \(attribute)", at: start); return false }
        index += 1
        return true
    }

    // MARK: Text and references

    private mutating func scanText() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            let byte = bytes[index]
            if open.isEmpty && !isSpace(byte) {
                fail("text outside the root element", at: index)
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                return
            }
            if byte == UInt8(ascii: "&") { checkReference(); continue }
            if starts(with: "]]>") { fail("\"]]>\" in text", at: index) }
            index += 1
        }
    }

    /// Checks the reference at `&` (`&amp;`, `&#38;`, `&#x26;`, ...) and moves past it.
    private mutating func checkReference() {
        let start = index
        index += 1
        var body: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: ";"), body.count < 12 {
            let byte = bytes[index]
            if isSpace(byte) || [UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(byte) { break }
            body.append(byte)
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
            fail("\"&\" must start a reference like &amp;", at: start)
            return
        }
        index += 1
        let name = String(decoding: body, as: UTF8.self)
        if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return }
        if body.first == UInt8(ascii: "#"), let code = characterCode(body.dropFirst()), isLegal(code) { return }
        fail("invalid reference &\(name);", at: start)
    }

    private func characterCode(_ digits: ArraySlice<UInt8>) -> UInt32? {
        let isHex = digits.first == UInt8(ascii: "x")
        let text = String(decoding: isHex ? digits.dropFirst() : digits, as: UTF8.self)
        guard !text.isEmpty, text.allSatisfy({ isHex ? $0.isHexDigit : $0.isASCII && $0.isNumber }) else { return nil }
        return UInt32(text, radix: isHex ? 16 : 10)
    }

    /// XML 1.0 `Char`: tab, line feed, carriage return and U+0020 upward, minus surrogates, U+FFFE, U+FFFF.
    private func isLegal(_ code: UInt32) -> Bool {
        code == 0x9 || code == 0xA || code == 0xD || (0x20...0xD7FF).contains(code)
            || (0xE000...0xFFFD).contains(code) || (0x10000...0x10FFFF).contains(code)
    }

    private mutating func checkCharacters() {
        for (offset, byte) in bytes.enumerated() {
            if byte < 0x20 && !isSpace(byte) { fail("control character \(byte) is not allowed", at: offset) }
            if byte == 0xEF, offset + 2 < bytes.count, bytes[offset + 1] == 0xBF, bytes[offset + 2] >= 0xBE {
                fail("U+FFFE and U+FFFF are not allowed", at: offset)
            }
        }
    }

    // MARK: Lexing

    private mutating func scanName() -> String? {
        let start = index
        while index < bytes.count, isNameByte(bytes[index], first: index == start) { index += 1 }
        return index == start ? nil : String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...: true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."): !first
        default: false
        }
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x9 || byte == 0xA || byte == 0xD
    }

    private func starts(with literal: String) -> Bool {
        let pattern = Array(literal.utf8)
        return index + pattern.count <= bytes.count && bytes[index..<index + pattern.count].elementsEqual(pattern)
    }

    /// Moves past the next `terminator`; false (with a problem) when there is none.
    private mutating func skip(past terminator: String, what: String) -> Bool {
        let start = index
        while index < bytes.count {
            if starts(with: terminator) { index += terminator.utf8.count; return true }
            index += 1
        }
        fail("unterminated \(what)", at: start)
        return false
    }

    private mutating func fail(_ message: String, at offset: Int) {
        problems.append(Problem(offset: offset, message: message))
    }
}
