import Testing
@testable import SimReports

/// Plain-text tables line their columns up.
struct TextTableTests {
    @Test func tablesAlignColumns() {
        let table = Table(rows: [["name", "value"], ["a", "1"], ["long name", "12345"]]).rendered
        #expect(table == """
        name       value
        ---------  -----
        a              1
        long name  12345

        """)
    }

    /// Text columns line up on their left edge, so short text does not float to the right.
    @Test func textColumnsAreLeftAligned() {
        let table = Table(rows: [["file", "what it shows", "n"], ["a.json", "short", "1"], ["bb.json", "a longer line", "12"]],
                          textColumns: 2).rendered
        #expect(table == """
        file     what it shows   n
        -------  -------------  --
        a.json   short           1
        bb.json  a longer line  12

        """)
    }

    /// Text from a scenario in a cell cannot break the table's lines or reach the terminal raw.
    @Test func aTableRowStaysOneLine() {
        let table = Table(rows: [["file", "what"], ["x.json", "forged\nok: y.json\u{1B}[2K"]]).rendered
        #expect(table.split(separator: "\n").count == 3, "\(table)")
        #expect(!table.contains("\u{1B}"))
    }
}
