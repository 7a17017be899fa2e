import SimMetrics
import SimReports
import SimRuns

/// Writes a run's report files into one folder.
public enum ReportFolder {
    /// The files of a report, by name, in the order they are written: the one place that
    /// names them. A chart with nothing to draw has no file.
    public static func files(for report: RunReport) -> [(name: String, contents: String)] {
        files(for: report, measurements: report.measurements)
    }

    /// The files of `report`, whose figures are `measurements` (`report.measurements`, already
    /// built), rendered on up to `threads` threads: each file is rendered whole by one thread,
    /// and the list is the same, byte for byte and in order, for any number of threads.
    public static func files(for report: RunReport, measurements: Measurements, threads: Int = 1) -> [(name: String, contents: String)] {
        let charts = RunCharts.charts(of: report)
        let renderings = renderings(for: report, charts: charts, measurements: measurements)
        let contents = ParallelRuns.map(renderings.count, threads: threads) { renderings[$0].render() }
        let files: [(name: String, contents: String)] = zip(renderings, contents).map { ($0.name, $1) }
        // The page inlines the charts' files, drawn above, rather than drawing each chart again.
        let documents = charts.map { chart in files.first { $0.name == fileName(of: chart.kind) }!.contents }
        return files + [("report.html", ReportPage.render(report, charts: charts, documents: documents))]
    }

    /// One file of a report: its name, and how to render it.
    struct Rendering: Sendable {
        let name: String
        let render: @Sendable () -> String
    }

    /// The files of `report` but its page, by name, in the order they are written, each yet to
    /// be rendered; `charts` are the run's charts.
    static func renderings(for report: RunReport, charts: [RunChart], measurements: Measurements) -> [Rendering] {
        [
            Rendering(name: "metrics.json") { MetricsDocument.render(report, measurements: measurements) },
            Rendering(name: "summary.md") { SummaryDocument.render(report) },
            Rendering(name: "timeseries.csv") { TimeSeriesTable.render(report) },
            Rendering(name: "trace.json") { TraceDocument.render(report) },
        ]
            + charts.map { chart in Rendering(name: fileName(of: chart.kind)) { chart.svg() } }
            + report.architectures.map { architecture in
                Rendering(name: "sequence-\(architecture.name).svg") {
                    let requests = SequenceDiagram.chooseRequests(architecture, windows: report.windows)
                    return SequenceDiagram.render(architecture, nodeNames: report.nodeNames, requests: requests, windows: report.windows)
                }
            }
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

    /// Whether `name` is a file Ripple writes into a report folder (under any run).
    public static func owns(_ name: String) -> Bool {
        ["metrics.json", "summary.md", "timeseries.csv", "trace.json", "report.html"].contains(name)
            || RunChart.Kind.allCases.contains { fileName(of: $0) == name }
            || name.hasPrefix("sequence-") && name.hasSuffix(".svg")
    }

    /// Checks, before the run, that a report can be written whole into `folder`, which holds
    /// none of the command's `inputs`.
    /// - Throws: `OutputError` with the operating system's reason.
    static func prepare(_ folder: String, sparing inputs: InputFiles) throws(OutputError) -> OutputFolder {
        do {
            return try OutputFolder.prepare(folder, owns: owns, sparing: inputs)
        } catch {
            throw OutputError(message: "cannot write the report folder " + error.message)
        }
    }

    /// Writes every file of `report` as the whole of `folder`, replacing an earlier report there.
    /// - Throws: `OutputError` naming the path that could not be written; an earlier report stays whole.
    public static func write(_ report: RunReport, to folder: OutputFolder) throws(OutputError) {
        try write(report, measurements: report.measurements, to: folder)
    }

    /// Writes every file of `report`, whose figures are `measurements` (`report.measurements`,
    /// already built), rendered on up to `threads` threads, as the whole of `folder`, replacing
    /// an earlier report there.
    /// - Throws: `OutputError` naming the path that could not be written; an earlier report stays whole.
    public static func write(_ report: RunReport, measurements: Measurements, threads: Int = 1, to folder: OutputFolder) throws(OutputError) {
        do {
            try folder.write(files(for: report, measurements: measurements, threads: threads))
        } catch {
            throw OutputError(message: "cannot write the report folder " + error.message)
        }
    }

    /// Prepares `folder` and writes `report` into it.
    public static func write(_ report: RunReport, to folder: String) throws(OutputError) {
        try write(report, to: prepare(folder, sparing: InputFiles([])))
    }
}

/// A report that could not be written.
public struct OutputError: Error, CustomStringConvertible {
    /// What could not be written, naming the path.
    public var message: String
    /// The message, for printing.
    public var description: String { message }
}
