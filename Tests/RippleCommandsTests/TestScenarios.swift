import Foundation
@testable import RippleCommands

/// Small scenarios for command tests: two seconds of arrivals at 50/s through a → b, so a
/// run takes milliseconds.
enum TestScenarios {
    /// The folder holding every file and folder the tests of this process write, under the
    /// system's temporary folder; it is removed when the process exits, so a test run leaves
    /// nothing behind.
    static let testsFolder: String = {
        let path = NSTemporaryDirectory() + "ripple-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestScenarios.testsFolder) }
        return path
    }()

    /// A path in `testsFolder` that nothing has yet: `prefix` and a unique suffix.
    static func temporaryPath(_ prefix: String) -> String {
        testsFolder + "/" + prefix + UUID().uuidString
    }

    /// A fresh empty folder in `testsFolder`.
    static func temporaryFolder() -> String {
        let path = temporaryPath("test-")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes a small scenario named `name` with `expectations` (the array's elements, as JSON)
    /// into `folder` and returns its path.
    @discardableResult
    static func write(_ name: String, expectations: String, seed: Int = 7, in folder: String) throws -> String {
        let text = """
        {"name": "\(name)", "seed": \(seed), "duration": "2s", "drain": "1s",
         "workload": {"entry": "a", "arrivals": {"poisson": "50/s"}, "keys": {"count": 100}},
         "services": {"a": {"workers": 4, "work": "5ms"}, "b": {"workers": 4, "work": {"exponential": "10ms"}}},
         "architectures": {"sync": {"chain": ["a", "b"]}, "events": {"consumers": {"b": {"concurrency": 4}}}},
         "expectations": [\(expectations)]}
        """
        let path = folder + "/" + name + ".json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs `ripple` with `arguments` and returns its exit status and what it wrote.
    static func ripple(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let capture = CapturingConsole()
        let status = Ripple.main(arguments, console: capture.console)
        return (status, capture.output, capture.errors)
    }

    /// Holds in every run: events never fails a request, and waits no longer than the chain.
    static let holding = """
    {"metric": "requests.failed", "architecture": "events", "equals": 0},
    {"metric": "latency.success.p99Ms", "architecture": "events", "atMost": {"ratioOf": "sync", "times": 1}}
    """

    /// Fails in every run: no request through the chain takes under a millisecond.
    static let failing = """
    {"metric": "latency.success.p99Ms", "architecture": "sync", "below": "1ms", "why": "nothing is that fast"}
    """
}
