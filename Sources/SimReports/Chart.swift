/// A line chart over time or over a parameter: series drawn as lines, fault windows as
/// shaded bands, optional confidence bands. `SVGChart.render(_:)` draws it.
public struct Chart: Sendable {
    /// The heading above the plot.
    public var title: String
    /// The x-axis label with its unit, e.g. `"time (s)"`.
    public var xLabel: String
    /// The y-axis label with its unit, e.g. `"latency (ms)"`.
    public var yLabel: String
    /// The lines, in legend order; each takes the next palette colour.
    public var series: [ChartSeries]
    /// Shaded vertical bands (fault windows), each labelled at the top of the plot.
    public var windows: [ChartWindow]
    /// Filled confidence bands; a band takes the colour of the series with the same name.
    public var bands: [ChartBand]
    /// How y values map to height. The x axis is always linear.
    public var yScale: ChartScale
    /// A span the x axis covers whatever the data, e.g. the whole run, so charts of one run
    /// line up; nil to fit the data alone. Non-finite bounds are ignored.
    public var xSpan: ClosedRange<Double>?
    /// What the x values are: plain numbers, or seconds labelled in the unit that suits the span.
    public var xQuantity: ChartQuantity = .number
    /// What the y values are: plain numbers, or milliseconds labelled as durations.
    public var yQuantity: ChartQuantity = .number
    /// Whether the x axis ends exactly at `xSpan`'s ends instead of at the next round tick: a
    /// run's charts end where the run ends.
    public var xEndsAtSpan = false
    /// Whether a linear y axis reaches 0 whatever the data: a count (a lag, busy workers, requests
    /// per second) is read against none, so 1 000 to 1 010 does not fill the plot as if from nothing.
    public var yStartsAtZero = false
    /// Characters of room kept left of the plot for the y tick labels, at least (0 to 24):
    /// charts stacked on one page given the same room share a left edge, so their x axes line up.
    public var yTickLabelRoom: Int = 0

    /// A chart of `series` over shaded `windows` and `bands`, its x axis fitted to the data
    /// unless `xSpan` is given, and no extra room kept for y tick labels.
    public init(title: String, xLabel: String, yLabel: String, series: [ChartSeries],
                windows: [ChartWindow], bands: [ChartBand] = [], yScale: ChartScale = .linear,
                xSpan: ClosedRange<Double>? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.windows = windows
        self.bands = bands
        self.yScale = yScale
        self.xSpan = xSpan
    }
}

/// One named line. Points are joined in the order given (sort by x first for a time series).
/// A NaN y means no data: the line breaks there, a gap rather than a fall to zero. Other
/// points that cannot be placed (an infinite coordinate, or on a logarithmic scale a y ≤ 0)
/// are skipped and the line joins their neighbours.
public struct ChartSeries: Sendable {
    /// The name shown in the legend and carried in `data-series`.
    public var name: String
    /// The (x, y) points, in drawing order, in the units of the axis labels.
    public var points: [(x: Double, y: Double)]
    /// The palette slot whose colour and dash pattern the line takes, so related series can
    /// share a colour (slot k + 7 is slot k's colour, dashed); nil for the series' position.
    public var paletteSlot: Int?
    /// Whether each point without data (a NaN y) is marked with a `×` at the foot of the plot,
    /// for lines with few points where a gap alone is easy to miss.
    public var marksMissing: Bool
    /// How many points the line had before it was thinned to `points` for drawing
    /// (`thinned(toAtMost:)`); nil when every point is drawn.
    public var thinnedFrom: Int?

    /// A line named `name` through `points`, coloured by its position unless `paletteSlot` is
    /// given, its points without data marked when `marksMissing`.
    public init(name: String, points: [(x: Double, y: Double)], paletteSlot: Int? = nil, marksMissing: Bool = false) {
        self.name = name
        self.points = points
        self.paletteSlot = paletteSlot
        self.marksMissing = marksMissing
    }
}

/// A span of x (typically a fault window, in the x axis's unit), drawn as a translucent band
/// over the full plot height and clipped to the x axis; a window outside it is not drawn.
public struct ChartWindow: Sendable {
    /// Where the window begins; `-infinity` means "from the start".
    public var start: Double
    /// Where the window ends; `+infinity` means "to the end".
    public var end: Double
    /// The text shown above the band, e.g. `"partition"`.
    public var label: String

    /// A band from `start` to `end` on the x axis, labelled `label`.
    public init(start: Double, end: Double, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }
}

/// A filled region between `low` and `high` along x, e.g. a confidence interval around the
/// series of the same `name`. Points whose values are non-finite (or, on a logarithmic scale,
/// whose `low` or `high` is ≤ 0) are skipped.
public struct ChartBand: Sendable {
    /// The series this band belongs to; it shares that series' colour.
    public var name: String
    /// The band's edges at each x, in drawing order.
    public var points: [(x: Double, low: Double, high: Double)]

    /// A band around the series named `name`, with its edges at each x in `points`.
    public init(name: String, points: [(x: Double, low: Double, high: Double)]) {
        self.name = name
        self.points = points
    }
}

/// What an axis's values measure, which decides how its ticks are labelled.
public enum ChartQuantity: Sendable, Equatable {
    /// Plain numbers: `0`, `250`, `1.5e9`.
    case number
    /// Seconds: ticks at round numbers of the unit that suits the span, `100 s`, `5 min`.
    case seconds
    /// Milliseconds: each tick a duration, `500 ms`, `1.5 s`.
    case milliseconds
    /// Names at 1, 2, 3, …: a tick at each, labelled with its name (x axis only).
    case categories([String])
}

/// How values map to distance along an axis.
public enum ChartScale: Sendable {
    /// Equal differences take equal distances.
    case linear
    /// Equal ratios take equal distances; values ≤ 0 cannot be placed and are skipped.
    case logarithmic
}
