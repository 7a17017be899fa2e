import Foundation
import SimScenario

/// Finding and loading scenario files named on the command line.
enum ScenarioFiles {
    /// Loads every file, reporting the problems of all of them before giving up, so that
    /// nothing runs (and no partial report is written) while any file is bad.
    static func loadAll(_ paths: [String]) throws -> [Scenario] {
        var scenarios: [Scenario] = []
        var problems: [String] = []
        for path in paths {
            do {
                scenarios.append(try ScenarioLoader.load(path: path))
            } catch {
                problems.append(error.description)
            }
        }
        guard problems.isEmpty else { throw ReportedError(problems.joined(separator: "\n")) }
        return scenarios
    }

    /// The scenario files named by `paths`: files as given, folders searched for `*.json`
    /// (sorted by path, so the order never depends on the file system).
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            let entries = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
            return entries.filter { $0.hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
    }
}
