import Foundation
import Testing
@testable import SimScenario

/// A baseline file is read whole: for a scenario the check covers, a figure it does not
/// compare is refused with its place and the nearest name; other scenarios keep theirs.
struct BaselineLoaderTests {
    func load(_ text: String, compared: [String: [String: [String]]]) throws(ScenarioError) -> Int {
        let path = NSTemporaryDirectory() + "ripple-baseline-" + UUID().uuidString + ".json"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try BaselineLoader.load(path: path, compared: compared).count
    }

    @Test func everyFigureOfACheckedScenarioMustBeCompared() throws {
        let compared = ["gate": ["sync": ["latency.success.p99Ms"]], "quiet": [:]]
        #expect(try load(#"{"gate": {"sync": {"latency.success.p99Ms": 5}}, "other": {"x": {"y": 1}}}"#, compared: compared) == 2)
        let issues: [ScenarioIssue]
        do {
            _ = try load(#"{"gate": {"sync": {"latency.succes.p99Ms": 5}, "syn": {"a": 1}}, "quiet": {"sync": {"b": 2}}}"#, compared: compared)
            issues = []
        } catch {
            issues = error.issues
        }
        #expect(issues.map(\.path) == ["gate.sync[\"latency.succes.p99Ms\"]", "gate.syn", "quiet.sync"])
        #expect(issues[0].message.hasSuffix("(did you mean \"latency.success.p99Ms\"?)"))
        #expect(issues[1].message.hasSuffix("(did you mean \"sync\"?)"))
        #expect(!issues[2].message.contains("did you mean"), "a scenario with nothing to compare has no name to suggest")
    }
}
