import Foundation
import Testing
@testable import RippleCommands

/// `ripple run --jobs`: a scenario's architectures run on several threads write exactly the
/// bytes they write one after the other.
struct RunCommandJobsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped three-architecture checkout scenario at a fifteenth of its arrival rate, so a
    /// debug build runs it in seconds; its faults and every architecture stay as shipped.
    static func slowedCheckout(in folder: String) throws -> String {
        let shipped = try String(contentsOfFile: root.appendingPathComponent("scenarios/hybrid-checkout.json").path, encoding: .utf8)
        let slowed = shipped.replacingOccurrences(of: #""poisson": "150/s""#, with: #""poisson": "10/s""#)
        #expect(slowed != shipped)
        let path = folder + "/hybrid-checkout.json"
        try Data(slowed.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every file of `folder`, by name, as bytes.
    static func contents(of folder: String) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) })
    }

    @Test(arguments: [[String](), ["--check-determinism"]])
    func oneThreadAndTwoWriteTheSameFolder(flags: [String]) throws {
        let folder = TestScenarios.temporaryFolder()
        let scenario = try Self.slowedCheckout(in: folder)
        let one = TestScenarios.ripple(["run", scenario, "--out", folder + "/one", "--jobs", "1"] + flags)
        let two = TestScenarios.ripple(["run", scenario, "--out", folder + "/two", "--jobs", "2"] + flags)
        #expect(one.status == two.status && one.errors == two.errors)
        #expect(one.output.replacingOccurrences(of: folder + "/one", with: "OUT") == two.output.replacingOccurrences(of: folder + "/two", with: "OUT"))
        let (a, b) = (try Self.contents(of: folder + "/one"), try Self.contents(of: folder + "/two"))
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.contains("sequence-hybrid.svg") && a.count >= 10)
        for name in a.keys.sorted() { #expect(a[name] == b[name], "\(name) differs between --jobs 1 and --jobs 2") }
        if !flags.isEmpty { #expect(two.output.contains("determinism: each architecture ran twice")) }
    }

    @Test func jobsMustBeAWholeNumberOfThreads() {
        let result = TestScenarios.ripple(["run", "x.json", "--jobs", "0"])
        #expect(result.status == 2 && result.errors.contains("--jobs expects a whole number from 1 to 256, found '0'"), "\(result.errors)")
    }
}
