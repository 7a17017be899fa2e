extension SVGChart {
    /// Light grid lines at every tick, behind the data.
    static func drawGrid(_ layout: ChartLayout, to svg: inout XMLWriter) {
        svg.open("g", [("class", "grid"), ("stroke", "#e8e8e8"), ("stroke-width", "1")])
        for tick in layout.yAxis.ticks {
            let y = XMLWriter.pixels(layout.vertical(tick.fraction))
            svg.element("line", [("x1", XMLWriter.pixels(layout.left)), ("y1", y),
                                 ("x2", XMLWriter.pixels(layout.right)), ("y2", y)])
        }
        for tick in layout.xAxis.ticks {
            let x = XMLWriter.pixels(layout.horizontal(tick.fraction))
            svg.element("line", [("x1", x), ("y1", XMLWriter.pixels(layout.top)),
                                 ("x2", x), ("y2", XMLWriter.pixels(layout.bottom))])
        }
        svg.close("g")
    }

    /// The two axis lines with tick marks and tick labels.
    static func drawAxes(_ layout: ChartLayout, to svg: inout XMLWriter) {
        let left = XMLWriter.pixels(layout.left), bottom = XMLWriter.pixels(layout.bottom)
        svg.open("g", [("class", "axes"), ("stroke", "#333333"), ("stroke-width", "1")])
        svg.element("line", [("x1", left), ("y1", XMLWriter.pixels(layout.top)), ("x2", left), ("y2", bottom)])
        svg.element("line", [("x1", left), ("y1", bottom), ("x2", XMLWriter.pixels(layout.right)), ("y2", bottom)])
        for tick in layout.xAxis.ticks {
            let x = XMLWriter.pixels(layout.horizontal(tick.fraction))
            svg.element("line", [("x1", x), ("y1", bottom), ("x2", x), ("y2", XMLWriter.pixels(layout.bottom + 5))])
        }
        for tick in layout.yAxis.ticks {
            let y = XMLWriter.pixels(layout.vertical(tick.fraction))
            svg.element("line", [("x1", XMLWriter.pixels(layout.left - 5)), ("y1", y), ("x2", left), ("y2", y)])
        }
        svg.close("g")
        svg.open("g", [("class", "ticks"), ("font-size", "12"), ("fill", "#333333")])
        for tick in layout.xAxis.ticks {
            svg.element("text", [("x", XMLWriter.pixels(layout.horizontal(tick.fraction))),
                                 ("y", XMLWriter.pixels(layout.bottom + 17)), ("text-anchor", "middle")],
                        content: tick.label)
        }
        for tick in layout.yAxis.ticks {
            svg.element("text", [("x", XMLWriter.pixels(layout.left - 8)),
                                 ("y", XMLWriter.pixels(layout.vertical(tick.fraction) + 4)), ("text-anchor", "end")],
                        content: tick.label)
        }
        svg.close("g")
    }

    /// The title, and the axis labels (the y label turned to run up the left edge).
    static func drawLabels(_ layout: ChartLayout, to svg: inout XMLWriter) {
        svg.element("text", [("x", "16"), ("y", XMLWriter.pixels(ChartLayout.titleBaseline)),
                             ("font-size", "15"), ("font-weight", "bold"), ("fill", "#111111")],
                    content: layout.title)
        svg.element("text", [("x", XMLWriter.pixels((layout.left + layout.right) / 2)),
                             ("y", XMLWriter.pixels(layout.bottom + 36)), ("text-anchor", "middle"), ("fill", "#333333")],
                    content: layout.xLabel)
        let middle = XMLWriter.pixels((layout.top + layout.bottom) / 2)
        svg.element("text", [("x", "16"), ("y", middle), ("transform", "rotate(-90 16 " + middle + ")"),
                             ("text-anchor", "middle"), ("fill", "#333333")],
                    content: layout.yLabel)
    }
}
