#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run as a child process (by default this one again, for a measurement that needs a
/// process of its own), its standard output captured.
enum ChildProcess {
    /// This program's executable.
    static var thisProgram: String {
        #if os(Linux)
        "/proc/self/exe"
        #else
        CommandLine.arguments[0]
        #endif
    }

    /// What `executable` run with `arguments` printed on standard output, once it has exited
    /// with status 0.
    /// - Throws: `ReportedError` naming `what` when it cannot start or exits otherwise.
    static func output(of arguments: [String], executable: String = thisProgram, what: String) throws -> [UInt8] {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw ReportedError("ripple: \(what) could not start: no pipe") }
        // Neither end stays open in a child: only its copy as the child's standard output does.
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let spawned = posix_spawnp(&child, executable, &actions, nil, argv, ProcessEnvironment.table)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { throw ReportedError("ripple: \(what) could not start: \(String(cString: strerror(spawned)))") }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 12)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            output.append(contentsOf: chunk[..<got])
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            throw ReportedError("ripple: \(what) failed with exit status \(exited ? code : 128 + (status & 0x7f))")
        }
        return output
    }
}
