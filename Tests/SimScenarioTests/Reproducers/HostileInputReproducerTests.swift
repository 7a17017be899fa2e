import Testing
@testable import SimScenario

/// Reproducers of hostile or careless scenario files that were accepted and then lost part of
/// what they state, or that named files outside the report folder.
struct HostileInputReproducerTests {
    /// The issues loading `Fixtures/<name>.json` reports (empty when it loads).
    static func issues(_ name: String) -> [ScenarioIssue] {
        do {
            _ = try ScenarioLoader.load(path: Reproducer.folder.appendingPathComponent(name + ".json").path)
            return []
        } catch {
            return error.issues
        }
    }

    /// A mixture part of weight 0 made the whole distribution vanish (0 ns of work, no slow
    /// fault, the default latency); it is refused at the weight's path.
    @Test(arguments: [("mixture-weight0-work", "services.b.work.mixture[0].weight"),
                      ("mixture-weight0-fault", "faults[0].work.mixture[0].weight"),
                      ("mixture-weight0-link", "network.links[0].latency.mixture[0].weight"),
                      ("mixture-weight0-network", "network.latency.mixture[0].weight"),
                      ("mixture-weight-1e-400", "services.a.work.mixture[0].weight")])
    func aMixturePartOfWeightZeroIsRefused(name: String, path: String) {
        let issues = Self.issues(name)
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.path.contains(path) == true, "\(issues)")
        #expect(issues.first?.position != nil)
        #expect(issues.first?.message.contains("expected a positive weight") == true, "\(issues)")
    }

    @Test func aWeightThatUnderflowsSaysSo() {
        #expect(Self.issues("mixture-weight-1e-400").first?.message.contains("found 1e-400 (too small") == true)
    }

    /// An architecture named `x/../../pwned1` passed validation and wrote outside the report
    /// folder; architecture and service names now follow the scenario name's rule.
    @Test func anArchitectureNameWithASlashIsRefused() {
        let issues = Self.issues("arch-name-slash")
        #expect(issues.map(\.path) == ["architectures.x/../../pwned1"], "\(issues)")
        #expect(issues.first?.message.contains("expected a name of ASCII letters, digits") == true, "\(issues)")
        #expect(issues.first?.position?.line == 27)
    }

    /// Names full of markup, quotes, line breaks, NUL and ESC are refused, and the error
    /// printed for them keeps one problem per line with every control character escaped.
    @Test func controlCharactersInAFilePrintEscaped() throws {
        let path = Reproducer.folder.appendingPathComponent("injection.json").path
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("injection.json must be refused")
        } catch {
            let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == error.issues.count)
            #expect(error.issues.contains { $0.path.hasPrefix("services.B<script>") })
            #expect(error.issues.contains { $0.path.hasPrefix("architectures.sync<img") })
            for line in lines {
                #expect(line.hasPrefix(path + ":"), "\(line)")
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" }, "\(line)")
            }
            #expect(error.description.contains(#"B<script>alert(1)</script>"'&]]>--><!--\n,comma;"q"\u{0}\u{1B}"#))
        }
    }

    /// Service and architecture names that a spreadsheet would run as formulas are refused
    /// (a name may still start with `-`; the CSV writers neutralise it).
    @Test func formulaNamesAreRefused() {
        let paths = Self.issues("csv-formula").map(\.path)
        #expect(paths.contains { $0.hasPrefix("services.=HYPERLINK") }, "\(paths)")
        #expect(paths.contains { $0.hasPrefix("services.@SUM") }, "\(paths)")
        #expect(paths.contains("architectures.=1+1"), "\(paths)")
    }

    /// Chaos every 10 ms over an hour stopped after 1 000 draws (10 s in) without a word; a
    /// request for more faults than chaos draws is refused, with the interval that fits.
    @Test func chaosAskingForTooManyFaultsIsRefused() {
        let issues = Self.issues("chaos-1000-draws")
        #expect(issues.map(\.path) == ["chaos.every"], "\(issues)")
        #expect(issues.first?.message.contains("about 360000 faults, more than 10000; draw one every 360ms or more") == true, "\(issues)")
    }
}
