import Foundation
import Testing
@testable import RippleCommands

/// `ripple list` shows each scenario's first sentence, whole, in left-aligned columns.
struct ListCommandTests {
    /// A decimal point or a version number does not end a sentence; a full stop before a
    /// space or the end does.
    @Test func aSentenceEndsAtAFullStopNotAtADecimalPoint() {
        #expect(ListCommand.firstSentence("Email slows 2.5 times for a minute. Then it recovers.") == "Email slows 2.5 times for a minute.")
        #expect(ListCommand.firstSentence("Payment at 0.8 utilisation") == "Payment at 0.8 utilisation")
        #expect(ListCommand.firstSentence("Runs Kafka 3.7 defaults. More text.") == "Runs Kafka 3.7 defaults.")
        #expect(ListCommand.firstSentence("Does it hold? Yes.") == "Does it hold?")
    }

    /// A sentence too long for the column is cut, and the cut shows.
    @Test func aLongSentenceIsCutWithAnEllipsis() {
        let long = String(repeating: "word ", count: 30) + "end."
        let shown = ListCommand.firstSentence(long)
        #expect(shown.count == 90)
        #expect(shown.hasSuffix("…"))
    }

    /// Names and descriptions start at their column's left edge, under their headers.
    @Test func textColumnsAreLeftAligned() throws {
        let folder = TestScenarios.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TestScenarios.write("a", expectations: TestScenarios.holding, in: folder)
        try TestScenarios.write("long-name", expectations: TestScenarios.holding, in: folder)
        let lines = TestScenarios.ripple(["list", folder]).output.split(separator: "\n").map(String.init)
        let nameColumn = try #require(lines.first?.range(of: "name")).lowerBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst(2) {
            #expect(Array(line)[nameColumn] != " ", "\(lines)")
        }
    }

    /// A folder that cannot be reached is said to be so, with the reason, not listed as an
    /// invalid scenario.
    @Test func aMissingFolderIsNamedAsMissing() {
        let missing = TestScenarios.temporaryFolder() + "/nowhere"
        let result = TestScenarios.ripple(["list", missing])
        #expect(result.status == 2 && result.output.isEmpty && result.errors == "ripple: \(missing): No such file or directory\n", "\(result.errors)")
    }
}
