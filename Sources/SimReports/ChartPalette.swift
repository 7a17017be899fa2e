/// Line colours for charts: the Okabe–Ito palette, which stays distinguishable under the
/// common colour-vision deficiencies (its yellow is left out: too faint on white). Past the
/// seventh series the colours repeat with a dash pattern, so every series stays distinct.
enum ChartPalette {
    /// Blue, vermillion, bluish green, reddish purple, orange, sky blue, black.
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
    /// Solid first, then dashed, dotted and dash-dotted for later rounds of the colours.
    static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3"]

    /// The colour of the `index`th series.
    static func colour(at index: Int) -> String { colours[index % colours.count] }

    /// The dash pattern of the `index`th series, nil for a solid line.
    static func dash(at index: Int) -> String? { dashes[(index / colours.count) % dashes.count] }
}

extension Chart {
    /// The palette slot of the series at `index`: its own, or its position; never negative.
    func paletteSlot(ofSeries index: Int) -> Int { Swift.max(series[index].paletteSlot ?? index, 0) }
}
