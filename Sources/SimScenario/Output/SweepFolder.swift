import Foundation
import SimReports

/// Writes a sweep's files into one folder.
public enum SweepFolder {
    /// The files of a sweep, by name, in the order they are written: the one place that names
    /// them. One plot per metric.
    public static func files(for report: SweepReport) -> [(name: String, contents: String)] {
        let charts = SweepChart.charts(of: report)
        return [("sweep.csv", SweepDocument.csv(report)), ("sweep.json", SweepDocument.json(report))]
            + charts.map { ($0.fileName, $0.svg()) }
            + [("sweep.html", SweepPage.render(report, charts: charts))]
    }

    /// Writes every file of `report` into `folder`, creating it if needed.
    /// - Throws: `OutputError` naming the path that could not be written.
    public static func write(_ report: SweepReport, to folder: String) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(message: "cannot create the sweep folder \(folder): \(error.localizedDescription)")
        }
        for (name, contents) in files(for: report) {
            let path = (folder as NSString).appendingPathComponent(name)
            guard manager.createFile(atPath: path, contents: Data(contents.utf8)) else {
                throw OutputError(message: "cannot write \(path)")
            }
        }
    }
}
