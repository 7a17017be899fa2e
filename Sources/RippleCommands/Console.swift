#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import SimScenario

/// Where a command writes: standard output for results, standard error for messages and
/// progress. Tests pass a console that captures both. A write that fails is remembered, so
/// the command ends with an error instead of exiting 0 with its results lost.
public struct Console {
    /// Writes text to standard output.
    public var write: (String) -> Void
    /// Writes text to standard error.
    public var writeError: (String) -> Void
    /// Whether standard error is a terminal (progress is shown only then).
    public var isInteractive: Bool
    /// The error number of the first write to standard output that failed, if any.
    public var outputFailure: () -> Int32? = { nil }

    /// A console sending results to `write` and messages to `writeError`; `isInteractive`
    /// turns progress display on.
    public init(write: @escaping (String) -> Void, writeError: @escaping (String) -> Void, isInteractive: Bool) {
        self.write = write
        self.writeError = writeError
        self.isInteractive = isInteractive
    }

    /// The process's own standard output and error.
    public static var standard: Console { writing(output: 1, errors: 2) }

    /// A console writing results to file descriptor `output` and messages to `errors`,
    /// unbuffered, remembering the first failed write to `output`.
    public static func writing(output: Int32, errors: Int32) -> Console {
        let failure = FirstFailure()
        var console = Console(write: { text in
            if failure.code == nil { failure.code = OutputFile.writeAll(text, to: output) }
        }, writeError: { _ = OutputFile.writeAll($0, to: errors) }, isInteractive: isatty(errors) == 1)
        console.outputFailure = { failure.code }
        return console
    }

    /// The first error number a stream's writes met.
    final class FirstFailure {
        var code: Int32?
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
