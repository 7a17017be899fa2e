import SimReports

/// Writes a sweep's files into one folder.
public enum SweepFolder {
    /// The files of a sweep, by name, in the order they are written: the one place that names
    /// them. One plot per metric.
    public static func files(for report: SweepReport) -> [(name: String, contents: String)] {
        let charts = SweepChart.charts(of: report)
        let documents = charts.map { $0.svg() }
        return [("sweep.csv", SweepDocument.csv(report)), ("sweep.json", SweepDocument.json(report))]
            + zip(charts, documents).map { ($0.fileName, $1) }
            + [("sweep.html", SweepPage.render(report, charts: charts, documents: documents))]
    }

    /// Whether `name` is a file Ripple writes into a sweep folder: its tables, page and plots.
    public static func owns(_ name: String) -> Bool {
        ["sweep.csv", "sweep.json", "sweep.html"].contains(name) || name.hasSuffix(".svg")
    }

    /// Checks, before the sweep runs, that its files can be written whole into `folder`, which
    /// holds none of the command's `inputs`.
    /// - Throws: `OutputError` with the operating system's reason.
    static func prepare(_ folder: String, sparing inputs: InputFiles) throws(OutputError) -> OutputFolder {
        do {
            return try OutputFolder.prepare(folder, owns: owns, sparing: inputs)
        } catch {
            throw OutputError(message: "cannot write the sweep folder " + error.message)
        }
    }

    /// Writes every file of `report` as the whole of `folder`, replacing an earlier sweep there.
    /// - Throws: `OutputError` naming the path that could not be written; an earlier sweep stays whole.
    public static func write(_ report: SweepReport, to folder: OutputFolder) throws(OutputError) {
        do {
            try folder.write(files(for: report))
        } catch {
            throw OutputError(message: "cannot write the sweep folder " + error.message)
        }
    }
}
