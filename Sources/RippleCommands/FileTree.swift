#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Folders on disk, through the operating system: listing one, listing everything under one,
/// removing one whole. Symbolic links are never followed into: a link is an entry like any
/// other, and removing it removes the link, not what it points to.
enum FileTree {
    /// The names in `folder` (without `.` and `..`), in the order the file system gives them;
    /// `nil` when it cannot be listed.
    static func entries(of folder: String) -> [String]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            // The name ends at its NUL, which may come well before the end of `d_name`'s declared size.
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: $0.pointee)) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Every path under `folder`, relative to it (`a.json`, `sub`, `sub/b.json`), descending
    /// into sub-folders but not into links to folders; and the folders, `folder` itself
    /// included, that could not be listed, with the operating system's reason.
    static func subpaths(of folder: String) -> (paths: [String], unlistable: [(folder: String, reason: String)]) {
        guard let names = entries(of: folder) else { return ([], [(folder, OutputFile.reason(errno))]) }
        var paths: [String] = [], unlistable: [(folder: String, reason: String)] = []
        for name in names {
            paths.append(name)
            let path = joined(folder, name)
            guard isFolder(path) else { continue }
            let below = subpaths(of: path)
            paths += below.paths.map { name + "/" + $0 }
            unlistable += below.unlistable
        }
        return (paths, unlistable)
    }

    /// Removes `path` and, for a folder, everything in it, as far as it can: what cannot be
    /// removed stays.
    static func remove(_ path: String) {
        if isFolder(path) {
            for name in entries(of: path) ?? [] { remove(joined(path, name)) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// `folder` and `name` joined by one slash (none added after a trailing one).
    static func joined(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Whether a regular file itself (not a link to one) stands at `path`.
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Whether a folder itself (not a link to one) stands at `path`.
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
