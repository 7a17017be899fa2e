import Foundation
import Testing
@testable import RippleCommands

/// The page `ripple run` writes opens in a real browser: headless Chromium renders
/// `report.html` to a full-size, non-blank screenshot.
///
/// Where Chromium is on `PATH` the check runs. Without it the suite is skipped with one line
/// saying why, so the README's `swift test` passes on a machine with only the Swift toolchain;
/// `RIPPLE_REQUIRE_BROWSER=1` (set by `.ci/run`, which installs Chromium) makes its absence a failure.
@Suite(.enabled(if: Chromium.path != nil || Chromium.isRequired, """
    no chromium on PATH: report.html is not checked in a real browser; install chromium \
    (Debian/Ubuntu: apt-get install -y chromium) or set RIPPLE_REQUIRE_BROWSER=1 to make this a failure
    """))
struct ReportInBrowserTests {
    static let width = 1200, height = 2400
    /// How long Chromium may take before the test gives up on it.
    static let deadline: TimeInterval = 120


    @Test func chromiumRendersTheReportPage() throws {
        let browser = try #require(Chromium.path, """
            no chromium on PATH: install it to check report.html in a real browser \
            (Debian/Ubuntu: apt-get update && apt-get install -y chromium); RIPPLE_REQUIRE_BROWSER=1 is set, so its absence fails
            """)
        let folder = TestScenarios.temporaryPath("browser-")
        let scenario = RunCommandTests.root.appendingPathComponent("scenarios/payment-email-slowdown.json").path
        let capture = CapturingConsole()
        try #require(Ripple.main(["run", scenario, "--out", folder, "--quiet"], console: capture.console) == 0, "\(capture.errors)")

        let screenshot = folder + "/report.png"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--disable-extensions", "--user-data-dir=" + folder + "/profile",
                             "--window-size=\(Self.width),\(Self.height)", "--screenshot=" + screenshot,
                             URL(fileURLWithPath: folder + "/report.html").absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let giveUp = Date().addingTimeInterval(Self.deadline)
        while process.isRunning && Date() < giveUp { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("\(browser) did not finish within \(Int(Self.deadline)) s")
            return
        }

        let png = try #require(FileManager.default.contents(atPath: screenshot), "\(browser) wrote no screenshot (exit \(process.terminationStatus))")
        let bytes = [UInt8](png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "PNG signature")
        #expect(bytes.count > 50_000, "a blank page compresses to a few KB; this one is \(bytes.count) bytes: \(screenshot)")
        if bytes.count >= 24 {  // IHDR: width and height, big-endian, after the signature and chunk header
            func word(at offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
            #expect(word(at: 16) == Self.width && word(at: 20) == Self.height, "screenshot size")
        }
        try? FileManager.default.removeItem(atPath: folder + "/profile")
    }
}

/// Where the browser check finds Chromium, and whether it must.
enum Chromium {
    /// The first executable named `chromium` or `chromium-browser` on `PATH`.
    static var path: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for name in ["chromium", "chromium-browser"] {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Whether a missing Chromium fails the check (`RIPPLE_REQUIRE_BROWSER=1`, as `.ci/run` sets).
    static var isRequired: Bool { ProcessInfo.processInfo.environment["RIPPLE_REQUIRE_BROWSER"] == "1" }
}
