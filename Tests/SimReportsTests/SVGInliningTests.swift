import Testing
@testable import SimReports

/// A drawing inlined from its standalone document is byte for byte the element drawn for
/// inlining, so pages can inline the files' drawings instead of drawing each chart twice.
struct SVGInliningTests {
    @Test func inliningARunChartsDocumentGivesItsInlineDrawing() {
        for chart in RunCharts.charts(of: RunReportFixture.report()) {
            #expect(SVGInlining.element(fromDocument: chart.svg()) == chart.svg(standalone: false), "\(chart.kind)")
        }
    }

    @Test func inliningASweepPlotsDocumentGivesItsInlineDrawing() {
        for chart in SweepChart.charts(of: SweepReportTests.report()) {
            #expect(SVGInlining.element(fromDocument: chart.svg()) == chart.svg(standalone: false), "\(chart.metric)")
        }
    }

    @Test func pagesGivenTheDrawnDocumentsAreThePagesThatDrawThemselves() {
        let report = RunReportFixture.report()
        let charts = RunCharts.charts(of: report)
        #expect(ReportPage.render(report, charts: charts, documents: charts.map { $0.svg() }) == ReportPage.render(report))
        let sweep = SweepReportTests.report()
        let plots = SweepChart.charts(of: sweep)
        #expect(SweepPage.render(sweep, charts: plots, documents: plots.map { $0.svg() }) == SweepPage.render(sweep))
    }
}
