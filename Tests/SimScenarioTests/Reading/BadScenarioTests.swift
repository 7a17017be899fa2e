import Foundation
import Testing
@testable import SimScenario

/// Every hand-written bad scenario in `BadScenarios/` gives exactly the messages in its
/// `.expected` file: the field path, what was expected, what was found, line and column.
/// The expected files are golden: change them deliberately, when a message is improved.
struct BadScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BadScenarios")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.names.count >= 14)
    }

    @Test(arguments: names)
    func givesTheExpectedMessages(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".expected")), encoding: .utf8)
        do {
            _ = try ScenarioLoader.parse(bytes, file: name)
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.description + "\n" == expected)
        }
    }
}
