import Testing
import SimMetrics

/// Text from a scenario prints as one visible run of characters: no control character
/// reaches a terminal or a log raw.
struct PrintableTextTests {
    @Test func plainTextIsUnchanged() {
        #expect("payment — p99 ≤ 2 s, \"quoted\" \\ back".printable == "payment — p99 ≤ 2 s, \"quoted\" \\ back")
    }

    @Test func controlCharactersAreEscaped() {
        #expect("a\nb\rc\td".printable == #"a\nb\rc\td"#)
        #expect("\u{0}\u{1B}[31mred\u{7F}\u{85}".printable == #"\u{0}\u{1B}[31mred\u{7F}\u{85}"#)
        #expect("line\u{2028}sep\u{202E}rtl\u{2066}".printable == #"line\u{2028}sep\u{202E}rtl\u{2066}"#)
    }
}
