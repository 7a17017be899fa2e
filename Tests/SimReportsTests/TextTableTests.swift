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
}
