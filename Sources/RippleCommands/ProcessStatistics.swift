import SimScenario
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the running process, for benchmarks.
enum ProcessStatistics {
    /// The largest resident set size so far of this program, in bytes. On Linux this is
    /// `VmHWM` of `/proc/self/status`, which starts afresh when a program is executed;
    /// `getrusage`'s figure is not used there, since a child process started by a larger parent
    /// inherits the parent's.
    static var peakResidentBytes: Int {
        #if os(Linux)
        if let bytes = FileBytes.contents(of: "/proc/self/status", upTo: 1 << 16),
           case let status = String(decoding: bytes, as: UTF8.self),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) {
            let fields = line.split(whereSeparator: \.isWhitespace)  // "VmHWM:", kibibytes, "kB"
            if fields.count == 3, let kibibytes = Int(fields[1]) { return kibibytes * 1_024 }
        }
        #endif
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #if canImport(Darwin)
        return Int(usage.ru_maxrss)
        #else
        return Int(usage.ru_maxrss) * 1_024
        #endif
    }
}
