import Foundation
import SimReports

/// Writes a run's report files into one folder.
public enum ReportFolder {
    /// The files of a report, by name, in the order they are written: the one place that
    /// names them. A chart with nothing to draw has no file.
    public static func files(for report: RunReport) -> [(name: String, contents: String)] {
        let charts = RunCharts.charts(of: report)
        return [
            ("metrics.json", MetricsDocument.render(report)),
            ("summary.md", SummaryDocument.render(report)),
            ("timeseries.csv", TimeSeriesTable.render(report)),
            ("trace.json", TraceDocument.render(report)),
        ]
            + charts.map { (fileName(of: $0.kind), $0.svg()) }
            + report.architectures.map { architecture in
                let requests = SequenceDiagram.chooseRequests(architecture, windows: report.windows)
                return ("sequence-\(architecture.name).svg",
                        SequenceDiagram.render(architecture, nodeNames: report.nodeNames, requests: requests, windows: report.windows))
            }
            + [("report.html", ReportPage.render(report, charts: charts))]
    }

    /// The SVG file a chart is written to.
    static func fileName(of kind: RunChart.Kind) -> String {
        switch kind {
        case .latency: "latency.svg"
        case .lag: "lag.svg"
        case .throughput: "throughput.svg"
        case .workers: "workers.svg"
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
    /// What could not be written, naming the path.
    public var message: String
    /// The message, for printing.
    public var description: String { message }
}
