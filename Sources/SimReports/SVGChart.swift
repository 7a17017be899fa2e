import SimMetrics

/// Draws a `Chart` as a standalone SVG document, with no dependencies.
///
/// The output is a pure function of the chart and size: every number goes through `Format`,
/// so the same chart gives the same bytes on every platform. Edge cases draw, never crash:
/// with no data the axes span 0…1 (or, for x, the windows) and the plot says "no data", a flat line gets an axis reaching
/// zero, a NaN y (no data) breaks its line, other points that cannot be placed (infinite, or
/// y ≤ 0 on a logarithmic scale) are skipped rather than clamped, windows are clipped to the x axis, and text too long for its
/// place is shortened with "…".
public enum SVGChart {
    /// A complete SVG document, `width`×`height` px (at least 200×150): title, axes with 1-2-5
    /// ticks and labels, shaded fault windows, confidence bands, one
    /// `<polyline data-series="name">` per series and a legend naming each series.
    ///
    /// A `standalone` document carries `xmlns`; without it the `<svg>` element is for inlining
    /// in an HTML page, whose parser puts it in the SVG namespace itself, so the page names no URL.
    /// - Complexity: O(n) in the number of points.
    public static func render(_ chart: Chart, width: Int = 760, height: Int = 320, standalone: Bool = true) -> String {
        let layout = ChartLayout(chart: chart, width: width, height: height)
        let size = (width: Format.fixed(layout.width, decimals: 0), height: Format.fixed(layout.height, decimals: 0))
        var svg = XMLWriter()
        let namespace: [XMLWriter.Attribute] = standalone ? [SVGInlining.namespace] : []
        svg.open("svg", namespace + [("width", size.width), ("height", size.height),
                                     ("viewBox", "0 0 " + size.width + " " + size.height),
                                     ("font-family", "Helvetica, Arial, sans-serif"), ("font-size", "13")])
        svg.element("title", [], content: chart.title)
        svg.element("rect", [("width", size.width), ("height", size.height), ("fill", "#ffffff")])
        drawWindows(chart.windows, in: layout, to: &svg)
        drawGrid(layout, to: &svg)
        drawBands(of: chart, in: layout, to: &svg)
        drawSeries(of: chart, in: layout, to: &svg)
        if chart.yExtent == nil { drawNoDataNote(in: layout, to: &svg) }
        drawAxes(layout, to: &svg)
        drawLabels(layout, to: &svg)
        drawLegend(of: chart, in: layout, to: &svg)
        svg.close("svg")
        return svg.text
    }

    /// Each window as a translucent band over the plot height, clipped to the x axis, with its
    /// label above the plot. Windows outside the axis, or with a NaN bound, are not drawn.
    static func drawWindows(_ windows: [ChartWindow], in layout: ChartLayout, to svg: inout XMLWriter) {
        guard !windows.isEmpty else { return }
        svg.open("g", [("class", "windows")])
        let axis = layout.xAxis
        for window in windows where !window.start.isNaN && !window.end.isNaN {
            let start = Swift.min(window.start, window.end), end = Swift.max(window.start, window.end)
            guard end >= axis.lower && start <= axis.upper else { continue }
            let left = layout.horizontal(axis.fraction(of: Swift.max(start, axis.lower)) ?? 0)
            let right = layout.horizontal(axis.fraction(of: Swift.min(end, axis.upper)) ?? 1)
            svg.element("rect", [("data-window", window.label),
                                 ("x", XMLWriter.pixels(left)), ("y", XMLWriter.pixels(layout.top)),
                                 ("width", XMLWriter.pixels(Swift.max(right - left, 1))),
                                 ("height", XMLWriter.pixels(layout.bottom - layout.top)),
                                 ("fill", "#888888"), ("fill-opacity", "0.2")])
            svg.element("text", [("x", XMLWriter.pixels((left + right) / 2)), ("y", XMLWriter.pixels(layout.top - 6)),
                                 ("text-anchor", "middle"), ("font-size", "12"), ("fill", "#555555")],
                        content: window.label)
        }
        svg.close("g")
    }

    /// "no data" in the middle of a plot with no point to draw, so empty axes never read as a
    /// run in which nothing happened.
    static func drawNoDataNote(in layout: ChartLayout, to svg: inout XMLWriter) {
        svg.element("text", [("data-no-data", "chart"), ("x", XMLWriter.pixels((layout.left + layout.right) / 2)),
                             ("y", XMLWriter.pixels((layout.top + layout.bottom) / 2)), ("text-anchor", "middle"),
                             ("font-size", "15"), ("fill", "#555555")], content: "no data")
    }

    /// Each band as a translucent polygon: along its high edge, then back along its low edge.
    static func drawBands(of chart: Chart, in layout: ChartLayout, to svg: inout XMLWriter) {
        guard !chart.bands.isEmpty else { return }
        svg.open("g", [("class", "bands")])
        for (index, band) in chart.bands.enumerated() {
            var highs: [(x: Double, y: Double)] = [], lows: [(x: Double, y: Double)] = []
            for point in band.points where chart.canPlace(point) {
                guard let high = layout.position(x: point.x, y: point.high),
                      let low = layout.position(x: point.x, y: point.low) else { continue }
                highs.append(high)
                lows.append(low)
            }
            let owner = chart.series.firstIndex { $0.name == band.name }.map(chart.paletteSlot(ofSeries:))
                ?? chart.series.count + index
            svg.element("polygon", [("data-band", band.name), ("points", pointList(highs + lows.reversed())),
                                    ("fill", ChartPalette.colour(at: owner)), ("fill-opacity", "0.2")])
        }
        svg.close("g")
    }

    /// Each series as a polyline through the points that can be placed, broken where a y is
    /// NaN (no data: a gap, never a dive to zero) into one polyline per stretch, and a dot for a
    /// stretch of one point (a one-point polyline draws nothing). A series that marks missing
    /// points gets a `×` at the foot of the plot where it has no data.
    static func drawSeries(of chart: Chart, in layout: ChartLayout, to svg: inout XMLWriter) {
        svg.open("g", [("class", "series")])
        for (index, series) in chart.series.enumerated() {
            let slot = chart.paletteSlot(ofSeries: index)
            let colour = ChartPalette.colour(at: slot)
            for (stretch, points) in stretches(of: series, in: layout).enumerated() {
                var attributes: [XMLWriter.Attribute] = [("data-series", series.name)]
                if stretch > 0 { attributes.append(("data-after-gap", "true")) }
                attributes += [("points", pointList(points)), ("fill", "none"), ("stroke", colour), ("stroke-width", "2"),
                               ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
                if let dash = ChartPalette.dash(at: slot) { attributes.append(("stroke-dasharray", dash)) }
                svg.element("polyline", attributes)
                if points.count == 1, let point = points.first {
                    svg.element("circle", [("data-series", series.name), ("cx", XMLWriter.pixels(point.x)),
                                           ("cy", XMLWriter.pixels(point.y)), ("r", "3"), ("fill", colour)])
                }
            }
            guard series.marksMissing else { continue }
            // A point without data is a dashed guide down the plot with a × at its top: a place
            // on the x axis, never a value on the y axis (at the foot it would read as zero).
            for point in series.points where point.y.isNaN {
                guard let fraction = layout.xAxis.fraction(of: point.x), (0...1).contains(fraction) else { continue }
                let x = XMLWriter.pixels(layout.horizontal(fraction))
                svg.element("line", [("data-no-data-guide", series.name), ("x1", x), ("y1", XMLWriter.pixels(layout.top)), ("x2", x),
                                     ("y2", XMLWriter.pixels(layout.bottom)), ("stroke", colour), ("stroke-width", "1"),
                                     ("stroke-dasharray", "2 4"), ("opacity", "0.6")])
                svg.element("text", [("data-no-data", series.name), ("x", x),
                                     ("y", XMLWriter.pixels(layout.top + 14 + 14 * Double(index))), ("text-anchor", "middle"),
                                     ("font-size", "14"), ("font-weight", "bold"), ("fill", colour)], content: "×")
            }
        }
        svg.close("g")
    }

    /// The placeable points of `series` in pixels, in stretches separated by its NaN y values;
    /// at least one stretch, and no empty one but the first.
    static func stretches(of series: ChartSeries, in layout: ChartLayout) -> [[(x: Double, y: Double)]] {
        var stretches: [[(x: Double, y: Double)]] = [[]]
        for point in series.points {
            if point.y.isNaN {
                if !stretches[stretches.count - 1].isEmpty { stretches.append([]) }
            } else if let position = layout.position(x: point.x, y: point.y) {
                stretches[stretches.count - 1].append(position)
            }
        }
        if stretches.count > 1 && stretches[stretches.count - 1].isEmpty { stretches.removeLast() }
        return stretches
    }

    /// `x,y x,y ...` in pixels.
    static func pointList(_ points: [(x: Double, y: Double)]) -> String {
        points.map { XMLWriter.pixels($0.x) + "," + XMLWriter.pixels($0.y) }.joined(separator: " ")
    }
}
