import SimMetrics

extension SVGChart {
    /// A row (or rows) under the x-axis label: a line swatch in each series' colour and dash
    /// and its name, each entry a `<g data-series="name">`; "+N more" when some did not fit.
    static func drawLegend(of chart: Chart, in layout: ChartLayout, to svg: inout XMLWriter) {
        guard !layout.legend.isEmpty else { return }
        svg.open("g", [("class", "legend"), ("fill", "#333333")])
        for entry in layout.legend {
            let baseline = layout.bottom + 56 + Double(entry.row) * ChartLayout.legendRowHeight
            let swatchY = XMLWriter.pixels(baseline - 4)
            let slot = chart.paletteSlot(ofSeries: entry.series)
            var swatch: [XMLWriter.Attribute] = [
                ("x1", XMLWriter.pixels(entry.x)), ("y1", swatchY), ("x2", XMLWriter.pixels(entry.x + 22)), ("y2", swatchY),
                ("stroke", ChartPalette.colour(at: slot)), ("stroke-width", "2.5"),
            ]
            if let dash = ChartPalette.dash(at: slot) { swatch.append(("stroke-dasharray", dash)) }
            svg.open("g", [("data-series", chart.series[entry.series].name)])
            svg.element("line", swatch)
            svg.element("text", [("x", XMLWriter.pixels(entry.x + 28)), ("y", XMLWriter.pixels(baseline))],
                        content: entry.text)
            svg.close("g")
        }
        if layout.legendOmitted > 0, let last = layout.legend.last {
            let x = last.x + ChartLayout.legendEntryWidth(last.text)
            let baseline = layout.bottom + 56 + Double(last.row) * ChartLayout.legendRowHeight
            svg.element("text", [("x", XMLWriter.pixels(x)), ("y", XMLWriter.pixels(baseline))],
                        content: "+" + Format.fixed(Double(layout.legendOmitted), decimals: 0) + " more")
        }
        svg.close("g")
    }
}
