#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the operating system tells this process about where it runs: its environment
/// variables, the processors online, a folder for temporary files.
enum ProcessEnvironment {
    /// The environment variables, by name.
    static var variables: [String: String] {
        var variables: [String: String] = [:]
        var entry = table
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return variables
    }

    /// The environment as the C library keeps it: `NAME=value` strings up to a null pointer.
    static var table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        #if canImport(Darwin)
        _NSGetEnviron().pointee!
        #else
        environ
        #endif
    }

    /// How many processors this process can keep busy, at least 1: those online, or fewer when
    /// its affinity mask or a cgroup CPU quota allows fewer (`ProcessorLimits`).
    static var processorCount: Int {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return Swift.max(1, Swift.min(online, ProcessorLimits.current ?? online))
    }

    /// A new, empty folder for temporary files (under `$TMPDIR`, else `/tmp`), named after `prefix`.
    /// - Throws: `ReportedError` with the operating system's reason when it cannot be made.
    static func temporaryFolder(prefix: String) throws -> String {
        let parent = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array(FileTree.joined(parent, prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else {
            throw ReportedError("ripple: cannot make a temporary folder in \(parent): \(String(cString: strerror(errno)))")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
