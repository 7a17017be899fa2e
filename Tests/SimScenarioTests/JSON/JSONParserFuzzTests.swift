import SimKernel
import Testing
@testable import SimScenario

/// Whatever the bytes, the parser returns or throws a located `JSONSyntaxError`; it never
/// crashes, and what it accepts it reads correctly. Each loop prints its seed on failure.
struct JSONParserFuzzTests {
    /// Parses `bytes` and checks the outcome is sound: an error points inside the file, and
    /// an accepted document reads the same after writing it out and parsing it again.
    /// Returns whether the bytes parsed.
    @discardableResult
    func checkSoundness(_ bytes: [UInt8], seed: UInt64, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        // Typed throws: the compiler guarantees nothing but a JSONSyntaxError escapes.
        do {
            let node = try JSONParser.parse(bytes)
            var writer = JSONRandomDocuments(seed: seed)
            let reparsed = try? JSONTest.parse(writer.text(of: node.value))
            #expect(reparsed.map { JSONTest.canonical($0.value) } == JSONTest.canonical(node.value),
                    "seed \(seed): \(bytes)", sourceLocation: sourceLocation)
            return true
        } catch {
            let location = error.location
            #expect(!error.message.isEmpty, "seed \(seed)", sourceLocation: sourceLocation)
            #expect((1...JSONTest.lineCount(bytes)).contains(location.line), "seed \(seed): \(error)", sourceLocation: sourceLocation)
            #expect((1...bytes.count + 1).contains(location.column), "seed \(seed): \(error)", sourceLocation: sourceLocation)
            return false
        }
    }

    @Test func randomBytesNeverCrashTheParser() {
        let alphabet = Array(#"{}[]:,"\ 0123456789-+.eEtruefalsnul/'"#.utf8) + [0x09, 0x0A, 0x0D, 0x00, 0xC3, 0xA9, 0xED, 0xF0, 0x9F]
        for seed in UInt64(1)...3_000 {
            var random = RandomStream(seed: seed)
            let fromAlphabet = random.next(below: 4) != 0
            let bytes = (0..<random.next(below: 80)).map { _ in
                fromAlphabet ? alphabet[Int(random.next(below: UInt64(alphabet.count)))] : UInt8(truncatingIfNeeded: random.next())
            }
            checkSoundness(bytes, seed: seed)
        }
    }

    @Test func mutatedDocumentsNeverCrashTheParser() {
        let original = Array(#"""
            {"name": "demo", "seed": 42, "ratio": -0.5e+3, "tags": ["a\n", "\u00e9\uD83D\uDE00"],
             "nested": {"on": true, "off": false, "none": null, "list": [[], {}, [1, {"x": 0}]]}}
            """#.utf8)
        let alphabet = Array(#"{}[]:,"\ 0123456789-.eEtfn"#.utf8)
        var outcomes = (accepted: 0, rejected: 0)
        for seed in UInt64(1)...3_000 {
            var random = RandomStream(seed: seed)
            var bytes = original
            for _ in 0...random.next(below: 4) {
                mutate(&bytes, random: &random, alphabet: alphabet)
            }
            if checkSoundness(bytes, seed: seed) { outcomes.accepted += 1 } else { outcomes.rejected += 1 }
        }
        // The mutations must exercise both paths, or the loop proves little.
        #expect(outcomes.accepted > 100 && outcomes.rejected > 1_000, "\(outcomes)")
    }

    @Test func randomValidDocumentsParseToWhatWasWritten() throws {
        for seed in UInt64(1)...1_000 {
            var documents = JSONRandomDocuments(seed: seed)
            let value = documents.value(depth: 4)
            let text = documents.text(of: value)
            let node = try JSONTest.parse(text)
            #expect(JSONTest.canonical(node.value) == JSONTest.canonical(value), "seed \(seed): \(text)")
        }
    }

    @Test func everyProperPrefixOfAnObjectIsRejected() {
        for seed in UInt64(1)...100 {
            var documents = JSONRandomDocuments(seed: seed)
            var value = JSONValue.null
            while value.isScalar { value = documents.value(depth: 3) }
            let bytes = Array(JSONTest.canonicalText(documents.text(of: value)).utf8)
            #expect(checkSoundness(bytes, seed: seed))
            for length in 0..<bytes.count {
                #expect(!checkSoundness(Array(bytes[..<length]), seed: seed), "seed \(seed), prefix of \(length) bytes")
            }
        }
    }

    /// Replaces, inserts, deletes, duplicates or truncates at a random place.
    func mutate(_ bytes: inout [UInt8], random: inout RandomStream, alphabet: [UInt8]) {
        guard !bytes.isEmpty else { bytes.append(alphabet[0]); return }
        let index = Int(random.next(below: UInt64(bytes.count)))
        let byte = random.next(below: 4) == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next(below: UInt64(alphabet.count)))]
        switch random.next(below: 5) {
        case 0: bytes[index] = byte
        case 1: bytes.insert(byte, at: index)
        case 2: bytes.remove(at: index)
        case 3: bytes.insert(contentsOf: bytes[index..<min(bytes.count, index + Int(random.next(below: 8)))], at: index)
        default: bytes.removeSubrange(index...)
        }
    }
}

extension JSONValue {
    /// Whether the value is neither an array nor an object.
    fileprivate var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}

extension JSONTest {
    /// `text` without leading and trailing JSON whitespace, so that no shorter prefix is complete.
    static func canonicalText(_ text: String) -> String {
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !whitespace.contains($0) }),
              let last = bytes.lastIndex(where: { !whitespace.contains($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
