import Testing
@testable import RippleCommands

/// A child process's standard output comes back whole; a failure is named with its status.
struct ChildProcessTests {
    @Test func theOutputOfAChildComesBackWhole() throws {
        let output = try ChildProcess.output(of: ["-c", "i=0; while [ $i -lt 3000 ]; do echo line $i; i=$((i+1)); done"],
                                             executable: "/bin/sh", what: "a shell")
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3000)
        #expect(lines.last == "line 2999")
    }

    @Test func aChildThatFailsIsAnError() {
        let failed = #expect(throws: ReportedError.self) { try ChildProcess.output(of: ["-c", "exit 3"], executable: "/bin/sh", what: "a shell") }
        #expect(failed?.message == "ripple: a shell failed with exit status 3")
        #expect(throws: ReportedError.self) { try ChildProcess.output(of: [], executable: "/nonexistent/program", what: "nothing") }
    }
}
