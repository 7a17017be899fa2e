/// Where each part of a chart goes, in pixels from the top-left corner: the plot rectangle,
/// its two axes, and the legend's entries, which sit under the x-axis label.
///
/// Text widths are estimated from character counts (no font metrics), generously, so text
/// does not collide in common sans-serif fonts.
struct ChartLayout {
    /// The smallest document drawn; smaller requests are raised to it.
    static let minimumWidth = 200, minimumHeight = 150

    /// One legend entry: the series it names, its (possibly shortened) text and its position.
    struct LegendEntry {
        var series: Int
        var text: String
        var x: Double
        var row: Int
    }

    let width: Double, height: Double
    /// The plot rectangle.
    let left: Double, top: Double, right: Double, bottom: Double
    let xAxis: ChartAxis, yAxis: ChartAxis
    /// The legend, row by row; series that did not fit are counted in `legendOmitted`.
    let legend: [LegendEntry]
    let legendOmitted: Int

    static let titleBaseline = 22.0
    /// The share of a linear y axis kept below its lowest tick, so a line there stays visible above the x axis.
    static let bottomLift = 0.03
    static let legendRowHeight = 20.0
    /// Average widths of a character, for spacing, and of a wide one, for shortening text
    /// that must fit (13 px text: DejaVu Sans averages about 7.6 px, Helvetica about 7).
    static let characterWidth = 7.6, wideCharacterWidth = 10.3
    static let tickCharacterWidth = 7.6     // 12 px digits and units
    static let titleCharacterWidth = 10.0   // 15 px bold, generously

    /// The title and axis labels, shortened with "…" to fit the chart and the plot's sides.
    let title: String, xLabel: String, yLabel: String

    init(chart: Chart, width requestedWidth: Int, height requestedHeight: Int) {
        width = Double(Swift.max(requestedWidth, ChartLayout.minimumWidth))
        height = Double(Swift.max(requestedHeight, ChartLayout.minimumHeight))
        title = ChartLayout.shortened(chart.title, toFit: width - 32, characterWidth: ChartLayout.titleCharacterWidth)
        top = chart.windows.isEmpty ? 34 : 48  // window labels sit between the title and the plot
        let legendRowLimit = Swift.max(1, Int((height - top - 46 - 80) / ChartLayout.legendRowHeight))
        (legend, legendOmitted) = ChartLayout.legend(for: chart.series.map(\.name), from: 16, to: width - 16,
                                                     maxRows: legendRowLimit)
        let legendRows = Double((legend.last?.row ?? -1) + 1)
        bottom = height - 46 - legendRows * ChartLayout.legendRowHeight
        let yTicks = ChartAxis(covering: chart.yExtent, scale: chart.yScale, maxIntervals: Int((bottom - top) / 34))
        yAxis = (chart.yQuantity == .milliseconds ? yTicks.labelledAsMilliseconds() : yTicks).liftingBottom(by: ChartLayout.bottomLift)
        let room = Swift.min(Swift.max(chart.yTickLabelRoom, 0), 24)
        let tickLabelWidth = Double(Swift.max(yAxis.ticks.map(\.label.count).max() ?? 1, room)) * ChartLayout.tickCharacterWidth
        left = 36 + tickLabelWidth
        right = width - 24
        let xIntervals = Int((right - left) / 90)
        if case .categories(let names) = chart.xQuantity {
            xAxis = ChartAxis.categories(names, width: right - left)
        } else {
            let xTicks = chart.xQuantity == .seconds ? ChartAxis.time(covering: chart.xExtent, maxIntervals: xIntervals)
                : ChartAxis(covering: chart.xExtent, scale: .linear, maxIntervals: xIntervals)
            xAxis = chart.xEndsAtSpan ? chart.xSpan.map(xTicks.ending(exactlyAt:)) ?? xTicks : xTicks
        }
        xLabel = ChartLayout.shortened(chart.xLabel, toFit: right - left, characterWidth: ChartLayout.wideCharacterWidth)
        // Cut in the middle, so a long metric keeps its unit: `consistency.billing.st…Ms (ms)`.
        yLabel = ChartLayout.shortenedInTheMiddle(chart.yLabel, toFit: bottom - top + 40, characterWidth: ChartLayout.wideCharacterWidth)
    }

    /// The pixel position of a value pair, inside the plot; nil when it cannot be placed.
    func position(x: Double, y: Double) -> (x: Double, y: Double)? {
        guard let fx = xAxis.fraction(of: x), let fy = yAxis.fraction(of: y) else { return nil }
        return (horizontal(fx), vertical(fy))
    }

    /// The x pixel of a fraction of the x axis, clamped to the plot.
    func horizontal(_ fraction: Double) -> Double { left + clamped(fraction) * (right - left) }

    /// The y pixel of a fraction of the y axis, clamped to the plot (0 at the bottom).
    func vertical(_ fraction: Double) -> Double { bottom - clamped(fraction) * (bottom - top) }

    private func clamped(_ fraction: Double) -> Double { Swift.min(Swift.max(fraction, 0), 1) }

    /// Legend entries flowed left to right in rows of at most `maxRows`; names too long for a
    /// row are shortened with "…", and entries that do not fit are counted, leaving room for a
    /// "+N more" note at the end of the last row.
    static func legend(for names: [String], from start: Double, to end: Double,
                       maxRows: Int) -> (entries: [LegendEntry], omitted: Int) {
        var entries: [LegendEntry] = []
        var x = start, row = 0
        for (index, name) in names.enumerated() {
            let text = shortenedInTheMiddle(name, toFit: end - start - 30, characterWidth: wideCharacterWidth)
            let entryWidth = legendEntryWidth(text)
            if x > start && x + entryWidth > end + 18 { row += 1; x = start }
            if row == maxRows { break }
            entries.append(LegendEntry(series: index, text: text, x: x, row: row))
            x += entryWidth
        }
        var omitted = names.count - entries.count
        if omitted > 0 {  // make room for the note on the last row
            while let last = entries.last, last.x + legendEntryWidth(last.text) + 80 > end, entries.count > 1 {
                entries.removeLast()
                omitted += 1
            }
        }
        return (entries, omitted)
    }

    /// `text`, cut and ended with "…" when more than `width` px at `characterWidth` px a character.
    static func shortened(_ text: String, toFit width: Double, characterWidth: Double) -> String {
        let limit = Swift.max(4, Int(width / characterWidth))
        return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// `text`, with its middle replaced by "…" when more than `width` px at `characterWidth` px
    /// a character: a legend entry keeps both the architecture that starts it and the `p50` or
    /// `pool` that ends it, so two long entries never read alike.
    static func shortenedInTheMiddle(_ text: String, toFit width: Double, characterWidth: Double) -> String {
        let limit = Swift.max(4, Int(width / characterWidth))
        guard text.count > limit else { return text }
        let tail = (limit - 1) / 2
        return String(text.prefix(limit - 1 - tail)) + "…" + String(text.suffix(tail))
    }

    /// The width of a legend entry: swatch, gap, text and the space before the next entry.
    static func legendEntryWidth(_ text: String) -> Double { 28 + Double(text.count) * characterWidth + 18 }
}
