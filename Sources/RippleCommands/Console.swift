#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes: standard output for results, standard error for messages and
/// progress. Tests pass a console that captures both.
public struct Console {
    /// Writes text to standard output.
    public var write: (String) -> Void
    /// Writes text to standard error.
    public var writeError: (String) -> Void
    /// Whether standard error is a terminal (progress is shown only then).
    public var isInteractive: Bool

    /// A console sending results to `write` and messages to `writeError`; `isInteractive`
    /// turns progress display on.
    public init(write: @escaping (String) -> Void, writeError: @escaping (String) -> Void, isInteractive: Bool) {
        self.write = write
        self.writeError = writeError
        self.isInteractive = isInteractive
    }

    /// The process's own standard output and error.
    public static var standard: Console {
        Console(write: { print($0, terminator: "") }, writeError: { writeAll($0, to: 2) }, isInteractive: isatty(2) == 1)
    }

    static func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// A console that keeps what was written, for tests.
public final class CapturingConsole {
    /// Everything written to standard output so far.
    public private(set) var output = ""
    /// Everything written to standard error so far.
    public private(set) var errors = ""
    /// A capture with nothing written yet.
    public init() {}
    /// A non-interactive console that appends to `output` and `errors`.
    public var console: Console {
        Console(write: { self.output += $0 }, writeError: { self.errors += $0 }, isInteractive: false)
    }
}
