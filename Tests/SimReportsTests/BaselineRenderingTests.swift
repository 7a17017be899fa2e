import Testing
import SimChecks
@testable import SimReports

/// The baseline file is written with keys sorted and means to six decimals, so rewriting it
/// changes only the figures that moved.
struct BaselineRenderingTests {
    @Test func theFileIsSorted() {
        let baseline = Baseline(figures: ["z": ["sync": ["x": 1]], "b": ["sync": ["requests.failed": 3.0000004]]])
        #expect(baseline.rendered == "{\n  \"b\": {\n    \"sync\": {\n      \"requests.failed\": 3\n    }\n  },\n  \"z\": {\n    \"sync\": {\n      \"x\": 1\n    }\n  }\n}\n")
    }
}
