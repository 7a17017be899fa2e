import SimScenario
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding and loading scenario files named on the command line.
enum ScenarioFiles {
    /// Loads every file, reporting the problems of all of them before giving up, so that
    /// nothing runs (and no partial report is written) while any file is bad; a run estimated
    /// to hold more than `memoryBudget` bytes is such a problem. With `swarming` (`--swarm`),
    /// runs use the swarm's draws, estimated at the largest.
    static func loadAll(_ paths: [String], memoryBudget: Int64 = MemoryEstimate.defaultBudget, swarming: Bool = false) throws -> [Scenario] {
        var scenarios: [Scenario] = []
        var problems: [String] = []
        for path in paths {
            if let problem = notRegular(path) { problems.append(problem); continue }
            do {
                scenarios.append(try ScenarioLoader.load(path: path, memoryBudget: memoryBudget, swarming: swarming))
            } catch {
                problems.append(error.description)
            }
        }
        guard problems.isEmpty else { throw ReportedError(problems.joined(separator: "\n")) }
        return scenarios
    }

    /// Refuses `--swarm` for scenarios without a `swarm` block: it would draw nothing for them,
    /// and their runs would test only what runs without it. Every such file is named at once.
    static func requireSwarms(_ scenarios: [Scenario], files: [String]) throws {
        let missing = zip(scenarios, files).filter { $0.0.swarm == nil }.map(\.1)
        guard !missing.isEmpty else { return }
        throw ReportedError(missing.map(noSwarm).joined(separator: "\n"))
    }

    /// Why `--swarm` is refused for the scenario at `path`: it has no `swarm` block.
    static func noSwarm(_ path: String) -> String {
        "ripple: \(path): --swarm: the scenario has no \"swarm\" block, so --swarm would draw nothing for it; "
            + "give it one (docs/scenario-format.md#swarm) or leave it out of this command"
    }

    /// The scenario files named by `paths`: files as given, folders searched for `*.json`
    /// (sorted by path, so the order never depends on the file system). Only regular files are
    /// read: a FIFO, device or socket in a folder is skipped with a line on `console`'s
    /// standard error (reading a FIFO would wait for ever), and one named on its own is refused.
    /// A `*.json` in a folder that leads nowhere (a link to a missing file, a link loop) is kept
    /// for the loader to refuse with its reason, so that a renamed scenario does not drop out
    /// of a check without a word.
    /// - Throws: `ReportedError` naming every path named on its own that is not a regular file
    ///   or a folder, and every folder (named or found) that cannot be listed.
    static func expand(_ paths: [String], console: Console) throws -> [String] {
        var files: [String] = [], problems: [String] = []
        for path in paths {
            if let problem = notRegular(path) { problems.append(problem); continue }
            guard kind(of: path) == "folder" else { files.append(path); continue }
            let listing = FileTree.subpaths(of: path)
            problems += listing.unlistable.map { "ripple: \($0.folder.printable): cannot list the folder: \($0.reason); its scenarios would be left out" }
            files += listing.paths.filter { $0.hasSuffix(".json") }.sorted().map { FileTree.joined(path, $0) }.filter { file in
                if isRippleOutput(file) { return false }
                switch kind(of: file) {
                case "regular file", nil: return true
                case "folder": return false
                case let other?:
                    console.writeError("ripple: skipped \(file): a \(other), not a regular file\n")
                    return false
                }
            }
        }
        guard problems.isEmpty else { throw ReportedError(problems.joined(separator: "\n")) }
        return files
    }

    /// Whether `file` is a JSON file Ripple wrote into a report or sweep folder (`metrics.json`
    /// or `trace.json` beside a `report.html`, `sweep.json` beside a `sweep.html`): a report kept
    /// among the scenarios is not a scenario.
    static func isRippleOutput(_ file: String) -> Bool {
        let folder = OutputFile.parent(of: file), name = OutputFile.name(of: file)
        let page = ReportFolder.owns(name) ? "report.html" : SweepFolder.owns(name) ? "sweep.html" : nil
        return page.map { kind(of: FileTree.joined(folder, $0)) == "regular file" } ?? false
    }

    /// Why the file named `path` is not read, when it is neither a regular file, a folder nor missing.
    static func notRegular(_ path: String) -> String? {
        guard let kind = kind(of: path), kind != "regular file", kind != "folder" else { return nil }
        return "ripple: \(path): is a \(kind), not a regular file; Ripple reads only regular files"
    }

    /// Why nothing can be read at `path` (`"No such file or directory"`, `"Permission denied"`),
    /// or `nil` when something stands there.
    static func unreachable(_ path: String) -> String? {
        var status = stat()
        return stat(path, &status) == 0 ? nil : OutputFile.reason(errno)
    }

    /// What stands at `path`, links followed ("regular file", "folder", "FIFO", …), or `nil`
    /// when nothing does (the loader then says why).
    static func kind(of path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return "regular file"
        case S_IFDIR: return "folder"
        case S_IFIFO: return "FIFO"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFSOCK: return "socket"
        default: return "special file"
        }
    }
}
