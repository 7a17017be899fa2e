import Foundation
import SimReports

/// Writes a run's report files into one folder.
public enum ReportFolder {
    /// The files of a report, by name, in the order they are written.
    public static func files(for report: RunReport) -> [(name: String, contents: String)] {
        [
            ("metrics.json", MetricsDocument.render(report)),
            ("summary.md", SummaryDocument.render(report)),
            ("timeseries.csv", TimeSeriesTable.render(report)),
            ("trace.json", TraceDocument.render(report)),
        ] + report.architectures.map { architecture in
            let requests = SequenceDiagram.chooseRequests(architecture, windows: report.windows)
            return ("sequence-\(architecture.name).svg",
                    SequenceDiagram.render(architecture, nodeNames: report.nodeNames, requests: requests, windows: report.windows))
        }
    }

    /// Writes every file of `report` into `folder`, creating it if needed.
    /// - Throws: an error naming the path that could not be written.
    public static func write(_ report: RunReport, to folder: String) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(message: "cannot create the report folder \(folder): \(error.localizedDescription)")
        }
        for (name, contents) in files(for: report) {
            let path = (folder as NSString).appendingPathComponent(name)
            guard manager.createFile(atPath: path, contents: Data(contents.utf8)) else {
                throw OutputError(message: "cannot write \(path)")
            }
        }
    }
}

/// A report that could not be written.
public struct OutputError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
