import SimScenario

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing one output file (a JUnit file, a shard file, a shrunk scenario, a report's file)
/// without harming what already stands at its path. A regular file, or nothing, is replaced
/// whole: the text goes to a temporary file beside it, renamed over it at the end. A symbolic
/// link is followed and its target written the same way, so the link stays. A FIFO or a
/// character device (`/dev/null`, `/dev/stdout`) is written in place. Anything else (a
/// folder, a block device, a socket, a link to nothing) is refused: Ripple never renames over
/// what is not a regular file.
public enum OutputFile {
    /// What stands at a path, as far as writing to it goes.
    enum Target: Equatable {
        /// Nothing: the file is created at this path (a link's target, when the path is a link to nothing yet).
        case absent(String)
        /// A regular file at this path (a link's target, when the path is a link): replaced whole.
        case regular(String)
        /// A FIFO or a character device: written in place.
        case stream
        /// Anything else, with why it is refused.
        case refused(String)
    }

    /// Writes `contents` to `path`, as described above.
    /// - Throws: `OutputError` naming the path and the operating system's reason.
    public static func write(_ contents: String, to path: String) throws(OutputError) {
        switch target(of: path) {
        case .absent(let resolved): try replace(resolved, with: contents, naming: path)
        case .regular(let resolved): try replace(resolved, with: contents, naming: path)
        case .stream: try writeInPlace(path, contents)
        case .refused(let reason): throw OutputError(message: "\(path): \(reason)")
        }
    }

    /// Checks, before anything runs, that `write(_:to:)` can write `path`: it is none of the
    /// command's `inputs`, and what stands there is writable, or its folder exists and lets a
    /// file be made in it.
    /// - Throws: `OutputError` naming the path and the operating system's reason.
    static func checkWritable(_ path: String, sparing inputs: InputFiles) throws(OutputError) {
        try inputs.refuse(path)
        switch target(of: path) {
        case .absent(let resolved):
            let folder = parent(of: resolved)
            var status = stat()
            guard stat(folder, &status) == 0 else { throw OutputError(message: "\(path): \(reason(errno)) (\(folder))") }
            guard status.st_mode & S_IFMT == S_IFDIR else { throw OutputError(message: "\(path): \(folder) is not a folder") }
            guard access(folder, W_OK | X_OK) == 0 else { throw OutputError(message: "\(path): \(reason(errno)) (\(folder))") }
        case .regular(let resolved):
            guard access(resolved, W_OK) == 0, access(parent(of: resolved), W_OK | X_OK) == 0 else {
                throw OutputError(message: "\(path): \(reason(errno))")
            }
        case .stream:
            guard access(path, W_OK) == 0 else { throw OutputError(message: "\(path): \(reason(errno))") }
        case .refused(let why):
            throw OutputError(message: "\(path): \(why)")
        }
    }

    /// Refuses two options that name one file (`--junit x.xml --shard-out ./x.xml`): one output
    /// would replace the other, and the command would still succeed.
    /// - Throws: `OutputError` naming both options.
    static func requireDistinct(_ outputs: [(option: String, path: String)]) throws(OutputError) {
        let destinations = outputs.map { destination(of: $0.path) }
        for j in outputs.indices {
            guard let file = destinations[j], let i = destinations[..<j].firstIndex(of: file) else { continue }
            throw OutputError(message: "--\(outputs[i].option) \(outputs[i].path) and --\(outputs[j].option) \(outputs[j].path) "
                + "name one file, so one would replace the other; give each its own path")
        }
    }

    /// The file `path` is written to, alike for every spelling of it (`a.xml`, `./a.xml`, a link
    /// to it): its folder's real path and its name. `nil` for a FIFO or a character device, which
    /// takes any number of writers, and for a path that cannot be written, refused on its own.
    static func destination(of path: String) -> String? {
        let file: String
        switch target(of: path) {
        case .absent(let resolved), .regular(let resolved): file = resolved
        case .stream, .refused: return nil
        }
        guard let folder = realpath(parent(of: file), nil) else { return nil }
        defer { free(folder) }
        return String(cString: folder) + "/" + name(of: file)
    }

    /// Refuses to replace a non-empty regular file at `path` that does not begin with `opening`,
    /// the start of every file of its kind Ripple writes: it is some other file of the user's
    /// (a scenario a shell glob put after `--junit`, say).
    /// - Throws: `OutputError` naming the path and `what` Ripple writes there.
    static func checkReplaceable(_ path: String, startingWith opening: String, what: String) throws(OutputError) {
        guard case .regular(let resolved) = target(of: path),
              let start = FileBytes.contents(of: resolved, upTo: opening.utf8.count), !start.isEmpty,
              !start.elementsEqual(opening.utf8) else { return }
        throw OutputError(message: "\(path): exists and is not \(what) Ripple wrote; Ripple replaces only its own, so choose another path or remove it")
    }

    static func target(of path: String) -> Target {
        var link = stat()
        guard lstat(path, &link) == 0 else {
            return errno == ENOENT ? .absent(path) : .refused(reason(errno))
        }
        var status = link
        var resolved = path
        if link.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &status) == 0 else {
                guard errno == ENOENT, let text = linkText(path) else { return .refused(reason(errno)) }
                return .absent(text.hasPrefix("/") ? text : parent(of: path) + "/" + text)
            }
            guard let real = realpath(path, nil) else { return .refused(reason(errno)) }
            resolved = String(cString: real)
            free(real)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular(resolved)
        case S_IFIFO, S_IFCHR: return .stream
        case S_IFDIR: return .refused("is a folder")
        default: return .refused("is neither a regular file, a FIFO nor a character device")
        }
    }

    /// What the symbolic link at `path` points to, as written in the link.
    static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `contents` to a new file beside `path` and renames it over `path`; errors name `shown`.
    static func replace(_ path: String, with contents: String, naming shown: String) throws(OutputError) {
        let temporary = hiddenSibling(of: path, tag: "\(getpid()).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputError(message: "\(shown): \(reason(errno))") }
        let failure = writeAll(contents, to: descriptor)
        let closed = close(descriptor) == 0 ? 0 : errno
        if let code = failure ?? (closed == 0 ? nil : closed) {
            unlink(temporary)
            throw OutputError(message: "\(shown): \(reason(code))")
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError(message: "\(shown): \(reason(code))")
        }
    }

    /// Writes `contents` into the FIFO or device at `path`, which stays what it is.
    static func writeInPlace(_ path: String, _ contents: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(message: "\(path): \(reason(errno))") }
        let failure = writeAll(contents, to: descriptor)
        let closed = close(descriptor) == 0 ? 0 : errno
        if let code = failure ?? (closed == 0 ? nil : closed) { throw OutputError(message: "\(path): \(reason(code))") }
    }

    /// Writes every byte of `text` to `descriptor`, retrying short writes and interruptions.
    /// - Returns: the error number of a failed write, or `nil` when everything was written.
    public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            if written < 0 { return errno }
            if written == 0 { return EIO }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }

    #if canImport(Glibc)
    static let systemWrite = Glibc.write
    #else
    static let systemWrite = Darwin.write
    #endif

    /// The operating system's words for error number `code`, such as "Permission denied".
    public static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The folder holding `path` ("." for a bare name).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// The longest name a folder holds, in bytes (`NAME_MAX` on Linux and macOS).
    static let longestName = 255

    /// A hidden file or folder beside `path`, named after it and `tag` (`.NAME.ripple-TAG`),
    /// its name cut where needed so that a path the system accepts has a sibling it accepts too.
    static func hiddenSibling(of path: String, tag: String) -> String {
        let suffix = ".ripple-" + tag
        var name = Self.name(of: path)
        while 1 + name.utf8.count + suffix.utf8.count > longestName { name.removeLast() }
        return parent(of: path) + "/." + name + suffix
    }
}
