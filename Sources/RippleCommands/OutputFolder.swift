#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A report folder written whole. Its files go into a fresh hidden folder beside it
/// (`.NAME.ripple-PID`), which is swapped in for the old folder only once every file is
/// written: an interrupted or failed write leaves the old report as it was, and a finished one
/// leaves exactly the files of this run. A folder holding anything Ripple did not write is
/// refused before the run, so nothing of the user's is ever deleted.
public struct OutputFolder: Sendable {
    /// The folder, as given.
    public let path: String
    /// Whether a file of this name is one Ripple writes into such a folder.
    let owns: @Sendable (String) -> Bool
    /// The files the command reads: one of them in the folder makes it the user's.
    let inputs: InputFiles

    /// Checks, before anything runs, that `path` can receive a report: it is missing or a
    /// folder holding only files `owns` accepts and none of the command's `inputs`, it is not
    /// the current folder, and its parent folder (created if missing) lets a folder be made and
    /// renamed in it. `x/.` and `x/` name the folder `x`.
    /// - Throws: `OutputError` naming the path and the operating system's reason.
    static func prepare(_ path: String, owns: @escaping @Sendable (String) -> Bool, sparing inputs: InputFiles) throws(OutputError) -> OutputFolder {
        let named = try namedPath(of: folderPath(path))
        let folder = OutputFolder(path: try linkTarget(of: named) ?? named, owns: owns, inputs: inputs)
        if isCurrentFolder(folder.path) {
            throw OutputError(message: "\(path): is the current folder; Ripple replaces a report folder whole, which would leave the shell in a removed folder, so choose another --out (a folder inside this one, say)")
        }
        try folder.checkOldFolder()
        let parent = OutputFile.parent(of: folder.path)
        try makeFolders(parent)
        let probe = folder.sibling("probe")
        guard mkdir(probe, 0o777) == 0 else { throw OutputError(message: "\(path): \(OutputFile.reason(errno)) (\(parent))") }
        rmdir(probe)
        if folder.exists, access(folder.path, W_OK | X_OK) != 0 { throw OutputError(message: "\(path): \(OutputFile.reason(errno))") }
        return folder
    }

    /// Writes `files` (by name) as the folder's whole contents, replacing the old report.
    /// - Throws: `OutputError` naming the path and the operating system's reason; the old
    ///   report is then left as it was.
    public func write(_ files: [(name: String, contents: String)]) throws(OutputError) {
        let staging = sibling("\(getpid())")
        if exists(staging) { FileTree.remove(staging) }  // left by an earlier process of this id
        guard mkdir(staging, 0o777) == 0 else { throw OutputError(message: "\(path): \(OutputFile.reason(errno))") }
        do {
            for (name, contents) in files { try OutputFile.write(contents, to: staging + "/" + name) }
            try checkOldFolder()
        } catch {
            FileTree.remove(staging)
            throw OutputError(message: error.message.replacing(staging, with: path))
        }
        guard exists else {
            guard rename(staging, path) == 0 else { throw failure(errno, removing: staging) }
            return
        }
        let old = sibling("old-\(getpid())")
        guard rename(path, old) == 0 else { throw failure(errno, removing: staging) }
        guard rename(staging, path) == 0 else {
            let code = errno
            rename(old, path)
            throw failure(code, removing: staging)
        }
        FileTree.remove(old)  // holds only Ripple's files: checked above
    }

    /// Refuses a path that is not a folder, or a folder holding something Ripple did not write.
    func checkOldFolder() throws(OutputError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else { throw OutputError(message: "\(path): \(OutputFile.reason(errno))") }
            return
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw OutputError(message: "\(path): exists and is not a folder") }
        guard let entries = FileTree.entries(of: path) else { throw OutputError(message: "\(path): cannot be listed") }
        if let input = entries.sorted().lazy.compactMap({ self.inputs.input(at: FileTree.joined(self.path, $0)) }).first {
            throw OutputError(message: "\(path): holds \(input), a file this command reads; Ripple replaces a report folder whole, so choose another --out")
        }
        // Ripple writes only regular files there: a folder or link under one of its names is the user's.
        let foreign = entries.filter { !owns($0) || !FileTree.isRegularFile(FileTree.joined(path, $0)) }.sorted()
        guard foreign.isEmpty else {
            let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
            // Another command's report is Ripple's too, but not this command's to replace.
            let other = foreign.contains("sweep.json") ? "a sweep's report" : foreign.contains("metrics.json") ? "a run's report" : nil
            let holds = other.map { "holds \($0) (\(shown)), which this command does not write" } ?? "holds files Ripple did not write (\(shown))"
            throw OutputError(message: "\(path): \(holds); Ripple replaces a report folder whole, so choose another --out or move them")
        }
    }

    /// `path` without the trailing slashes and `.` components that name the folder itself:
    /// `x/.`, `x/./` and `x/` are `x`; `./` is `.`; `/.` is `/`.
    static func folderPath(_ path: String) -> String {
        var folder = Substring(path)
        while folder.count > 1 {
            if folder.hasSuffix("/") || folder.hasSuffix("/.") { folder.removeLast() } else { break }
        }
        return String(folder)
    }

    /// `path` itself, or, when its last component is `.` or `..` (a folder that has no name of
    /// its own to be renamed by), the absolute path of the folder it names.
    /// - Throws: `OutputError` when there is no such folder.
    static func namedPath(of path: String) throws(OutputError) -> String {
        guard [".", ".."].contains(OutputFile.name(of: path)) else { return path }
        guard let real = realpath(path, nil) else { throw OutputError(message: "\(path): \(OutputFile.reason(errno))") }
        defer { free(real) }
        return String(cString: real)
    }

    /// Whether `path` is the process's current folder, under any spelling.
    static func isCurrentFolder(_ path: String) -> Bool {
        var folder = stat(), current = stat()
        return stat(path, &folder) == 0 && stat(".", &current) == 0
            && folder.st_dev == current.st_dev && folder.st_ino == current.st_ino
    }

    /// The folder a symbolic link at `path` points to, so that the report is written there and the
    /// link stays; `nil` when `path` is not a link.
    /// - Throws: `OutputError` when the link leads to no folder.
    static func linkTarget(of path: String) throws(OutputError) -> String? {
        var link = stat(), status = stat()
        guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, let real = realpath(path, nil) else {
            throw OutputError(message: "\(path): is a link to no folder")
        }
        defer { free(real) }
        return String(cString: real)
    }

    /// Makes `folder` and every missing folder above it.
    static func makeFolders(_ folder: String) throws(OutputError) {
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw OutputError(message: "\(folder): exists and is not a folder") }
            return
        }
        if folder.contains("/") { try makeFolders(OutputFile.parent(of: folder)) }
        guard mkdir(folder, 0o777) == 0 || errno == EEXIST else { throw OutputError(message: "\(folder): \(OutputFile.reason(errno))") }
    }

    /// A hidden folder beside this one, named after it and `tag`.
    func sibling(_ tag: String) -> String {
        OutputFile.hiddenSibling(of: path, tag: tag)
    }

    var exists: Bool { exists(path) }

    func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    func failure(_ code: Int32, removing staging: String) -> OutputError {
        FileTree.remove(staging)
        return OutputError(message: "\(path): \(OutputFile.reason(code))")
    }
}
