import Testing
@testable import SimReports

/// Every chart, however degenerate its data, renders as a well-formed, finite, deterministic
/// SVG document with one polyline and one legend entry per series.
struct SVGChartTests {
    // MARK: Fixtures

    /// A realistic chart: p99 latency of two designs over 300 s with a partition from 60 s to 120 s.
    static let sample: Chart = {
        var state: UInt64 = 42
        func noise() -> Double {  // a fixed LCG, so the fixture is the same everywhere
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var sync: [(x: Double, y: Double)] = [], events: [(x: Double, y: Double)] = []
        var band: [(x: Double, low: Double, high: Double)] = []
        for second in 0...300 {
            let t = Double(second)
            let inFault = t >= 60 && t < 120
            let recovering = t >= 120 && t < 150 ? (150 - t) / 30 : 0
            let syncLatency = inFault ? 1_000 + 200 * noise() : 42 + 10 * noise() + 400 * recovering
            let eventLatency = 18 + 6 * noise() + (inFault ? 4 * noise() : 0)
            sync.append((t, syncLatency))
            events.append((t, eventLatency))
            band.append((t, eventLatency * 0.8, eventLatency * 1.25))
        }
        return Chart(title: "p99 latency, sync chain vs event-driven",
                     xLabel: "time (s)", yLabel: "latency (ms)",
                     series: [ChartSeries(name: "sync chain", points: sync),
                              ChartSeries(name: "event-driven", points: events)],
                     windows: [ChartWindow(start: 60, end: 120, label: "partition: orders ↔ payments")],
                     bands: [ChartBand(name: "event-driven", points: band)])
    }()

    /// One chart per edge case, named.
    static let edgeCases: [(String, Chart)] = {
        func chart(_ series: [ChartSeries], windows: [ChartWindow] = [], bands: [ChartBand] = [],
                   yScale: ChartScale = .linear) -> Chart {
            Chart(title: "edge", xLabel: "x (s)", yLabel: "y (ms)", series: series, windows: windows, bands: bands, yScale: yScale)
        }
        let big = Double.greatestFiniteMagnitude
        return [
            ("no series", chart([])),
            ("empty series", chart([ChartSeries(name: "a", points: []), ChartSeries(name: "b", points: [])])),
            ("single point", chart([ChartSeries(name: "a", points: [(5, 7)])])),
            ("all-equal y", chart([ChartSeries(name: "a", points: [(0, 3), (1, 3), (2, 3)])])),
            ("all zero", chart([ChartSeries(name: "a", points: [(0, 0), (1, 0)])])),
            ("negative values", chart([ChartSeries(name: "a", points: [(-10, -5), (0, -20), (10, 3)])])),
            ("windows outside", chart([ChartSeries(name: "a", points: [(0, 1), (100, 2)])],
                                      windows: [ChartWindow(start: -50, end: 10, label: "early"),
                                                ChartWindow(start: 90, end: 500, label: "late"),
                                                ChartWindow(start: 600, end: 700, label: "never"),
                                                ChartWindow(start: -.infinity, end: .infinity, label: "always"),
                                                ChartWindow(start: .nan, end: 3, label: "nan window"),
                                                ChartWindow(start: 40, end: 30, label: "backwards")])),
            ("non-finite points", chart([ChartSeries(name: "a", points: [(0, 1), (.nan, 2), (2, .infinity),
                                                                          (-.infinity, 3), (4, -.infinity), (5, 2)])])),
            ("only non-finite", chart([ChartSeries(name: "a", points: [(.nan, .nan), (.infinity, 1)])])),
            ("log with zero and negatives", chart([ChartSeries(name: "a", points: [(0, 0), (1, -3), (2, 10), (3, 1000)])],
                                                  yScale: .logarithmic)),
            ("log with nothing positive", chart([ChartSeries(name: "a", points: [(0, 0), (1, -3)])], yScale: .logarithmic)),
            ("extreme magnitudes", chart([ChartSeries(name: "a", points: [(-big, -big), (big, big), (0, .leastNonzeroMagnitude)])])),
            ("band without series", chart([], bands: [ChartBand(name: "ci", points: [(0, 1, 2), (1, .nan, 3), (2, 2, 1)])])),
            ("log band", chart([ChartSeries(name: "a", points: [(0, 5), (1, 50)])],
                               bands: [ChartBand(name: "a", points: [(0, 0, 10), (1, 20, 80)])], yScale: .logarithmic)),
            ("only windows", chart([], windows: [ChartWindow(start: 10, end: 20, label: "w")])),
            ("markup in text", Chart(title: "<b>&\"'</b>", xLabel: "x < y", yLabel: "a & b",
                                     series: [ChartSeries(name: "\"quoted\" & <tagged> 'n'\u{1}", points: [(0, 1), (1, 2)])],
                                     windows: [ChartWindow(start: 0, end: 1, label: "]]> & <")])),
            ("many series", chart((0..<40).map { ChartSeries(name: "series number \($0)", points: [(0, Double($0)), (1, 1)]) })),
            ("long name", chart([ChartSeries(name: String(repeating: "w", count: 500), points: [(0, 1), (1, 2)])])),
        ]
    }()

    // MARK: Reading the output

    /// The text of every `<name ...>` tag in `svg`.
    func tags(_ name: String, in svg: String) -> [Substring] {
        svg.split(separator: "<").filter { $0.hasPrefix(name + " ") }.map { $0.prefix { $0 != ">" } }
    }

    /// The (still escaped) value of `attribute` in a tag's text.
    func value(of attribute: String, in tag: Substring) -> String? {
        guard let start = tag.firstRange(of: " " + attribute + "=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    func number(_ attribute: String, in tag: Substring) -> Double { Double(value(of: attribute, in: tag) ?? "") ?? .nan }

    func seriesPolylines(in svg: String) -> [Substring] {
        tags("polyline", in: svg).filter { value(of: "data-series", in: $0) != nil }
    }

    // MARK: Properties

    @Test(arguments: edgeCases.map(\.0))
    func everyEdgeCaseRendersWellFormedFiniteSVG(_ name: String) throws {
        let chart = try #require(Self.edgeCases.first { $0.0 == name }?.1)
        for (width, height) in [(760, 320), (0, 0), (-5, 10_000), (300, 150)] {
            let svg = SVGChart.render(chart, width: width, height: height)
            #expect(XMLChecker.problems(in: svg) == [], "\(name) at \(width)×\(height)")
            #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"), "\(name): \(svg)")
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(seriesPolylines(in: svg).count == chart.series.count, "\(name)")
        }
    }

    /// A line at the lowest tick of a linear axis is drawn above the x axis, not on it: 0 lag,
    /// and a latency at 10 ms on an axis from 10 ms (the event-driven line a sync chart hid).
    @Test func aLineAtTheLowestTickIsDrawnAboveTheXAxis() {
        for (low, high) in [(0.0, 5.0), (10.0, 35.0)] {
            let chart = Chart(title: "t", xLabel: "x", yLabel: "y",
                              series: [ChartSeries(name: "a", points: [(0, low), (1, low), (2, high)])], windows: [])
            let layout = ChartLayout(chart: chart, width: 600, height: 300)
            #expect(layout.yAxis.ticks.first?.value == low, "the axis's lowest tick is the line's")
            let y = layout.position(x: 0, y: low)?.y ?? layout.bottom
            #expect(y < layout.bottom - 3, "\(low): at \(y), the x axis at \(layout.bottom)")
        }
    }

    /// A count that stayed at zero (no request, no lag) is drawn on an axis from 0, never
    /// with negative ticks.
    @Test func anAllZeroCountStartsItsAxisAtZero() {
        var chart = Chart(title: "t", xLabel: "x", yLabel: "lag (events)",
                          series: [ChartSeries(name: "a", points: [(0, 0), (1, 0), (2, 0)])], windows: [])
        chart.yStartsAtZero = true
        let ticks = ChartLayout(chart: chart, width: 760, height: 320).yAxis.ticks
        #expect(ticks.first?.value == 0 && ticks.last?.value == 1, "\(ticks.map(\.label))")
        #expect(!SVGChart.render(chart).contains(">-"))
    }

    /// A chart with no point to draw says so in its plot, so empty axes never read as data.
    @Test func aChartWithNothingToDrawSaysNoData() {
        let empty = Chart(title: "t", xLabel: "x", yLabel: "latency",
                          series: [ChartSeries(name: "a p99", points: [(1, .nan), (2, .nan)])], windows: [])
        #expect(SVGChart.render(empty).contains(">no data</text>"))
        #expect(!SVGChart.render(Self.sample).contains(">no data</text>"))
    }

    /// Long legend entries are cut in the middle, so the `p50` and `p99` of one long
    /// architecture name stay two entries a reader can tell apart.
    @Test func longLegendEntriesKeepTheirEnds() {
        let name = "sync-" + String(repeating: "s", count: 100)
        let chart = Chart(title: "t", xLabel: "x", yLabel: "y", series: [ChartSeries(name: name + " p50", points: [(0, 1)]),
                                                                          ChartSeries(name: name + " p99", points: [(0, 2)])], windows: [])
        let legend = ChartLayout(chart: chart, width: 600, height: 300).legend.map(\.text)
        #expect(legend.count == 2 && legend[0] != legend[1], "\(legend)")
        #expect(legend.allSatisfy { $0.hasPrefix("sync-s") && $0.contains("…") }, "\(legend)")
        #expect(legend.map { $0.suffix(4) } == [" p50", " p99"], "\(legend)")
    }

    @Test func sampleIsWellFormedWithOnePolylineAndLegendEntryPerSeries() {
        let svg = SVGChart.render(Self.sample)
        #expect(XMLChecker.problems(in: svg) == [])
        #expect(seriesPolylines(in: svg).map { value(of: "data-series", in: $0) } == ["sync chain", "event-driven"])
        #expect(tags("g", in: svg).compactMap { value(of: "data-series", in: $0) } == ["sync chain", "event-driven"])
        #expect(tags("polygon", in: svg).compactMap { value(of: "data-band", in: $0) } == ["event-driven"])
        #expect(tags("rect", in: svg).compactMap { value(of: "data-window", in: $0) } == ["partition: orders ↔ payments"])
        for label in ["p99 latency, sync chain vs event-driven", "time (s)", "latency (ms)", ">0<", ">300<", ">1200<"] {
            #expect(svg.contains(label), "\(label)")
        }
    }

    /// An inline chart is the standalone document less its `xmlns`, so an HTML page holding
    /// it names no URL.
    @Test func inlineRenderDiffersOnlyByTheNamespace() {
        let inline = SVGChart.render(Self.sample, standalone: false)
        #expect(XMLChecker.problems(in: inline) == [])
        #expect(inline.hasPrefix("<svg width=") && !inline.contains("http"))
        #expect(inline == SVGChart.render(Self.sample).replacing(" xmlns=\"http://www.w3.org/2000/svg\"", with: ""))
    }

    @Test func seriesTakeDistinctColoursAndBandsTheirSeriesColour() {
        let svg = SVGChart.render(Self.sample)
        let strokes = seriesPolylines(in: svg).compactMap { value(of: "stroke", in: $0) }
        #expect(strokes == ["#0072B2", "#D55E00"])
        #expect(tags("polygon", in: svg).compactMap { value(of: "fill", in: $0) } == ["#D55E00"])
        let many = SVGChart.render((Self.edgeCases.first { $0.0 == "many series" }!).1)
        let styles = seriesPolylines(in: many).map { "\(value(of: "stroke", in: $0)!) \(value(of: "stroke-dasharray", in: $0) ?? "")" }
        #expect(Set(styles).count == min(styles.count, ChartPalette.colours.count * ChartPalette.dashes.count))
    }

    /// A series given a palette slot takes that slot's colour and dash, in its line, its
    /// legend swatch and its band.
    @Test func aPaletteSlotSetsColourAndDash() {
        var chart = Self.sample
        chart.series[1].paletteSlot = ChartPalette.colours.count  // the first colour, dashed
        let svg = SVGChart.render(chart)
        let line = seriesPolylines(in: svg)[1]
        #expect(value(of: "stroke", in: line) == "#0072B2" && value(of: "stroke-dasharray", in: line) == "7 4")
        #expect(tags("line", in: svg).filter { value(of: "stroke-dasharray", in: $0) == "7 4" }.count == 1, "legend swatch")
        #expect(tags("polygon", in: svg).compactMap { value(of: "fill", in: $0) } == ["#0072B2"])
        chart.series[1].paletteSlot = -3
        #expect(value(of: "stroke", in: seriesPolylines(in: SVGChart.render(chart))[1]) == "#0072B2", "never negative")
    }

    @Test func rendersAreByteIdentical() {
        for chart in [Self.sample] + Self.edgeCases.map(\.1) {
            #expect(SVGChart.render(chart) == SVGChart.render(chart))
        }
        #expect(SVGChart.render(Self.sample).utf8.count > 10_000)
    }

    @Test func windowsAreClippedToThePlot() throws {
        let chart = try #require(Self.edgeCases.first { $0.0 == "windows outside" }?.1)
        let layout = ChartLayout(chart: chart, width: 760, height: 320)
        let svg = SVGChart.render(chart)
        let rects = tags("rect", in: svg).filter { value(of: "data-window", in: $0) != nil }
        #expect(rects.compactMap { value(of: "data-window", in: $0) } == ["early", "late", "always", "backwards"])
        for rect in rects {
            let left = number("x", in: rect), width = number("width", in: rect)
            #expect(left >= layout.left - 0.05 && left + width <= layout.right + 0.05, "\(rect)")
            #expect(number("y", in: rect) == (layout.top * 10).rounded() / 10)
        }
        #expect(abs(number("x", in: rects[0]) - layout.left) < 0.05)                     // early: from the axis start
        #expect(abs(number("x", in: rects[1]) + number("width", in: rects[1]) - layout.right) < 0.05)  // late: to its end
        #expect(abs(number("width", in: rects[2]) - (layout.right - layout.left)) < 0.1)  // always: the whole plot
        #expect(number("width", in: rects[3]) > 0)                                        // backwards: bounds swapped
    }

    /// A chart given a span of x covers it even where the data stops short, so the charts of
    /// one run share an x axis, and a window after the last point is still drawn.
    @Test func theXAxisCoversTheGivenSpan() {
        var chart = Chart(title: "t", xLabel: "x", yLabel: "y", series: [ChartSeries(name: "a", points: [(10, 1), (180, 2)])],
                          windows: [ChartWindow(start: 250, end: 300, label: "late")], xSpan: 0...300)
        let layout = ChartLayout(chart: chart, width: 760, height: 320)
        #expect(layout.xAxis.lower == 0 && layout.xAxis.upper == 300)
        #expect(tags("rect", in: SVGChart.render(chart)).contains { value(of: "data-window", in: $0) == "late" })
        chart.xSpan = -Double.infinity...Double.infinity
        #expect(ChartLayout(chart: chart, width: 760, height: 320).xAxis.upper == 200, "non-finite bounds are ignored")
    }

    /// Room kept for y tick labels moves the plot's left edge right, never left, within limits.
    @Test func roomForTickLabelsSetsTheLeftEdge() {
        var chart = Self.sample
        let fitted = ChartLayout(chart: chart, width: 760, height: 320).left
        chart.yTickLabelRoom = 2
        #expect(ChartLayout(chart: chart, width: 760, height: 320).left == fitted)
        chart.yTickLabelRoom = 10
        #expect(ChartLayout(chart: chart, width: 760, height: 320).left == 36 + 10 * ChartLayout.tickCharacterWidth)
        chart.yTickLabelRoom = .max
        #expect(ChartLayout(chart: chart, width: 760, height: 320).left == 36 + 24 * ChartLayout.tickCharacterWidth)
    }

    @Test func unplaceablePointsAreSkipped() throws {
        let nonFinite = try #require(Self.edgeCases.first { $0.0 == "non-finite points" }?.1)
        let points = value(of: "points", in: seriesPolylines(in: SVGChart.render(nonFinite))[0])!
        #expect(points.split(separator: " ").count == 2)
        let log = try #require(Self.edgeCases.first { $0.0 == "log with zero and negatives" }?.1)
        let logPoints = value(of: "points", in: seriesPolylines(in: SVGChart.render(log))[0])!
        #expect(logPoints.split(separator: " ").count == 2)
        let single = try #require(Self.edgeCases.first { $0.0 == "single point" }?.1)
        #expect(tags("circle", in: SVGChart.render(single)).count == 1)
    }

    @Test func pointsLandWhereTheAxesSay() {
        let chart = Chart(title: "t", xLabel: "x", yLabel: "y", series: [ChartSeries(name: "a", points: [(0, 0), (50, 48.5), (100, 97)])],
                          windows: [])
        let layout = ChartLayout(chart: chart, width: 760, height: 320)
        #expect(layout.yAxis.ticks.map(\.label) == ["0", "20", "40", "60", "80", "100"])
        let points = value(of: "points", in: seriesPolylines(in: SVGChart.render(chart))[0])!.split(separator: " ")
        let last = points[2].split(separator: ",").map { Double($0)! }
        #expect(abs(last[0] - layout.right) < 0.05)
        #expect(abs(last[1] - (layout.bottom - layout.yAxis.fraction(of: 97)! * (layout.bottom - layout.top))) < 0.05)
        // A value of 0 sits a little above the x axis, where a line along it stays visible.
        let first = points[0].split(separator: ",").map { Double($0)! }
        #expect(layout.bottom - first[1] >= 0.02 * (layout.bottom - layout.top))
    }

    @Test func textIsEscaped() throws {
        let chart = try #require(Self.edgeCases.first { $0.0 == "markup in text" }?.1)
        let svg = SVGChart.render(chart)
        #expect(svg.contains("&lt;b&gt;&amp;&quot;&apos;&lt;/b&gt;"))
        #expect(value(of: "data-series", in: seriesPolylines(in: svg)[0]) == "&quot;quoted&quot; &amp; &lt;tagged&gt; &apos;n&apos;\u{FFFD}")
    }

    @Test func textTooLongForItsPlaceIsShortened() throws {
        let layout = ChartLayout(chart: Self.sample, width: 300, height: 150)
        #expect(layout.title.hasSuffix("…") && layout.title.count < Self.sample.title.count)
        #expect(layout.yLabel.contains("…") && layout.yLabel.count < Self.sample.yLabel.count && layout.xLabel == "time (s)")
        #expect(layout.yLabel.hasSuffix(String(Self.sample.yLabel.suffix(3))), "the y label keeps its end, where the unit is")
        let long = try #require(Self.edgeCases.first { $0.0 == "long name" }?.1)
        let entry = try #require(ChartLayout(chart: long, width: 760, height: 320).legend.first)
        #expect(entry.text.contains("…") && entry.x + ChartLayout.legendEntryWidth(entry.text) < 760)
        #expect(ChartLayout(chart: Self.sample, width: 760, height: 320).title == Self.sample.title)
    }

    @Test func aLegendTooLongForTheChartSaysHowManyItOmits() throws {
        let chart = try #require(Self.edgeCases.first { $0.0 == "many series" }?.1)
        let layout = ChartLayout(chart: chart, width: 760, height: 320)
        #expect(layout.legendOmitted > 0 && layout.legend.count + layout.legendOmitted == 40)
        #expect(layout.bottom - layout.top >= 80)
        #expect(SVGChart.render(chart).contains("+\(layout.legendOmitted) more"))
    }
}
