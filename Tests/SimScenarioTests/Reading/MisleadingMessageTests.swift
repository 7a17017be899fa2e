import Foundation
import Testing
@testable import SimScenario

/// Messages that once misled: a symbolic-link loop called a missing file, an oversized file
/// given a size the reader never measured, a rate with four decimals given the generic rate
/// error; and the reader agreeing with the documentation on empty call lists and on names a
/// network fault can name.
struct MisleadingMessageTests {
    /// The issues of a small scenario: its entry `a` calls `b` unless the arguments say otherwise.
    static func issues(rate: String = "10/s", services: String = #""a": {"work": "1ms"}, "b": {"work": "1ms"}"#,
                       architectures: String = #"{"sync": {"chain": ["a", "b"]}}"#, faults: String = "[]", entry: String = "a") -> [ScenarioIssue] {
        let text = """
        {"name": "m", "duration": "1s", "workload": {"entry": "\(entry)", "arrivals": {"poisson": "\(rate)"}},
         "services": {\(services)}, "architectures": \(architectures), "faults": \(faults)}
        """
        do {
            _ = try ScenarioLoader.parse(Array(text.utf8), file: "m.json")
            return []
        } catch {
            return error.issues
        }
    }

    /// A 100 000-character rate made a 100 KB error line: a value is shown up to 40 characters.
    @Test func aHugeValueIsShownCut() {
        let issues = Self.issues(rate: String(repeating: "1", count: 100_000) + "/s")
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.message.contains("found \"" + String(repeating: "1", count: 40) + "…\"") == true, "\(issues)")
        #expect((issues.first?.message.count ?? .max) < 200, "\(issues)")
    }

    /// With no services at all, an unknown service's message ended in "expected one of ".
    @Test func anUnknownNameWithNothingToChooseFromSaysSo() {
        let issues = Self.issues(services: "", architectures: #"{"sync": {"chain": ["a"]}}"#)
        #expect(issues.contains { $0.message == "unknown service \"a\"; expected one of the names defined in the file, and none is" }, "\(issues)")
    }

    @Test func aSymbolicLinkLoopIsCalledOne() throws {
        let folder = NSTemporaryDirectory() + "ripple-loop-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/a.json", withDestinationPath: folder + "/b.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b.json", withDestinationPath: folder + "/a.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.json", withDestinationPath: folder + "/nothing.json")
        func message(_ name: String) -> String? {
            do { _ = try ScenarioLoader.load(path: folder + "/" + name); return nil } catch { return error.issues.first?.message }
        }
        #expect(message("a.json") == "is a symbolic-link loop: following its links never reaches a file")
        #expect(message("dangling.json") == "is a symbolic link to a file that does not exist")
        #expect(message("missing.json") == "no such file")
    }

    @Test func aFileOverTheLimitIsCalledLargerThanTheLimit() throws {
        let path = NSTemporaryDirectory() + "ripple-big-" + UUID().uuidString + ".json"
        try Data(repeating: UInt8(ascii: " "), count: 9_000_000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("a 9 MB file was read")
        } catch {
            #expect(error.issues.first?.message == "the file is larger than the 8 MiB limit (8388608 bytes)")
        }
    }

    @Test func aRateWithFourDecimalsSaysSoAndGivesTheSameRateExactly() {
        let issues = Self.issues(rate: "0.0005/s")
        #expect(issues.map(\.path) == ["workload.arrivals.poisson"])
        #expect(issues.first?.message == "expected a rate with at most three decimals (a whole number of thousandths of an event per unit), "
                + "found \"0.0005/s\"; write it per a longer unit, as \"0.03/m\"")
        #expect(Self.issues(rate: "0.0010/s").isEmpty, "trailing zeros are still thousandths")
        #expect(Self.issues(rate: "0.0000001/s").first?.message.hasSuffix("found \"0.0000001/s\"") == true, "no unit makes it exact")
    }

    @Test func aCallerWithAnEmptyListIsRefused() {
        let issues = Self.issues(architectures: #"{"sync": {"calls": {"a": []}}}"#)
        let issue = issues.first { $0.path == "architectures.sync.calls.a" }
        #expect(issue?.message.hasPrefix("expected a non-empty array of steps") == true, "\(issues)")
    }

    @Test func aNameWithALetterBeyondASCIIIsToldASCIIIsExpected() {
        let issues = Self.issues(services: #""zürich": {"work": "1ms"}"#, architectures: #"{"sync": {"chain": ["zürich"]}}"#, entry: "zürich")
        let issue = issues.first { $0.path == "services.zürich" }
        #expect(issue?.message.hasPrefix("expected a name of ASCII letters") == true, "ü is a letter, but not an ASCII one: \(issues)")
    }

    @Test func aNameWithAnArrowIsRefusedSoEveryLinkReadsOneWay() {
        let arrow = Self.issues(services: #""a": {"work": "1ms"}, "b->c": {"work": "1ms"}"#, architectures: #"{"sync": {"chain": ["a"]}}"#)
        #expect(arrow.first?.path == "services.b->c", "\(arrow)")
        #expect(arrow.first?.message.hasPrefix("expected a name of ASCII letters, digits, '-', '_' or '.'") == true, "\(arrow)")
        // A name may end in '-': "a-->b" is the link from "a-" to "b".
        let dash = Self.issues(services: #""a-": {"work": "1ms"}, "b": {"work": "1ms"}"#, architectures: #"{"sync": {"chain": ["a-", "b"]}}"#,
                               faults: #"[{"network": "a-->b", "at": "0s", "for": "1s", "drop": 0.5}]"#, entry: "a-")
        #expect(dash.isEmpty, "\(dash)")
    }
}
