#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a command reads (scenarios, shards, a baseline, floors), which no output of the
/// same command may replace: a mistyped `--junit`, `--out` or `--shard-out` that names one of
/// them is refused before anything runs. Files are told apart by device and inode, so a link or
/// another spelling of the same path is the same file.
struct InputFiles: Sendable {
    struct Identity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    /// The paths as given, with the identity of each that exists.
    let entries: [(path: String, identity: Identity)]

    /// The inputs among `paths` that exist (links followed); the others cannot be overwritten.
    init(_ paths: [String]) {
        entries = paths.compactMap { path in InputFiles.identity(of: path).map { (path, $0) } }
    }

    /// The input that is the very file at `path`, if any.
    func input(at path: String) -> String? {
        guard !entries.isEmpty, let identity = InputFiles.identity(of: path) else { return nil }
        return entries.first { $0.identity == identity }?.path
    }

    /// Refuses `path` as an output when it is one of the inputs.
    /// - Throws: `OutputError` naming both.
    func refuse(_ path: String) throws(OutputError) {
        guard let input = input(at: path) else { return }
        let what = input == path ? "a file" : "\(input), a file"
        throw OutputError(message: "\(path): is \(what) this command reads; choose another path")
    }

    static func identity(of path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
