import SimMetrics

/// One chart of a run over time, with the line that tells a reader what to look for in it.
public struct RunChart: Sendable {
    /// Which of a run's charts this is.
    public enum Kind: Sendable, CaseIterable {
        /// User-facing latency, p50 and p99, per architecture.
        case latency
        /// Consumer lag, per consumer and architecture.
        case lag
        /// Requests succeeded and failed per second, per architecture.
        case throughput
        /// Busy workers, per service and architecture.
        case workers
    }

    /// The size every run chart is drawn at, in pixels, in its file and on the page alike. The
    /// page scales it to its column; at this width its 12 px tick labels stay above 10.5 px
    /// on a 700 px wide screen.
    public static let width = 760, height = 340

    /// Which chart this is; the report folder names its file after it.
    public var kind: Kind
    /// What is drawn: series, fault windows, axes.
    public var chart: Chart
    /// One sentence shown under the chart: what it shows and what to look for.
    public var caption: String

    /// The run's `kind` chart, drawing `chart`, with `caption` shown under it.
    public init(kind: Kind, chart: Chart, caption: String) {
        self.kind = kind
        self.chart = chart
        self.caption = caption
    }

    /// A sentence for under the chart when a line was thinned for drawing, naming the most
    /// points a thinned line keeps and the most samples one had: "Drawn from at most 2 000 of
    /// 100 000 samples a line, …; timeseries.csv has every one."; nil when every point is drawn.
    public var thinningNote: String? {
        let thinned = chart.series.filter { $0.thinnedFrom != nil }
        guard let samples = thinned.compactMap(\.thinnedFrom).max(), let drawn = thinned.map(\.points.count).max() else { return nil }
        return "Drawn from at most \(Format.grouped(drawn)) of \(Format.grouped(samples)) samples a line, "
            + "the lowest and highest of each stretch kept; timeseries.csv has every one."
    }

    /// The chart as SVG: a `standalone` document for its own file, or an `<svg>` element
    /// without `xmlns` for inlining in an HTML page.
    /// - Complexity: O(n) in the number of points.
    public func svg(standalone: Bool = true) -> String {
        SVGChart.render(chart, width: RunChart.width, height: RunChart.height, standalone: standalone)
    }
}
