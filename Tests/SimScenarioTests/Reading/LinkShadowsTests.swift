import Testing
@testable import SimScenario

/// A link that an earlier one shadows is refused as no message takes it: the first link that
/// matches a message sets its latency.
struct LinkShadowsTests {
    /// Node 0 → node 1 after links of every shape: each earlier link with the same node or none
    /// at both ends shadows it; a link narrower than it, or to another node, does not.
    @Test func anEarlierLinkWithTheSameEndsOrWildcardsShadows() {
        let shapes: [(from: Int?, to: Int?, shadows: Bool)] = [
            (nil, nil, true), (0, nil, true), (nil, 1, true), (0, 1, true), (1, nil, false), (nil, 0, false), (0, 2, false),
        ]
        for shape in shapes {
            var shadows = LinkShadows()
            #expect(shadows.add(0, from: shape.from, to: shape.to) == nil)
            #expect((shadows.add(1, from: 0, to: 1) == 0) == shape.shadows, "\(shape)")
        }
        var narrowFirst = LinkShadows()
        #expect(narrowFirst.add(0, from: 0, to: 1) == nil && narrowFirst.add(1, from: 0, to: nil) == nil)
        #expect(narrowFirst.add(2, from: 0, to: 1) == 0, "the earliest shadowing link is named")
    }

    func issues(_ links: String) -> [String] {
        let text = """
        {"name": "s", "duration": "5s", "workload": {"entry": "payment", "arrivals": {"poisson": "50/s"}},
         "services": {"payment": {"work": "20ms"}, "email": {"work": "100ms"}},
         "architectures": {"sync": {"chain": ["payment", "email"]}}, "network": {"links": \(links)}}
        """
        do { _ = try ScenarioLoader.parse(Array(text.utf8), file: "s.json"); return [] } catch {
            return error.issues.map { "\($0.path): \($0.message)" }
        }
    }

    /// A broader link before a narrower one hides it without a word unless refused; the other
    /// order reads, and a misspelt end is reported as such, not taken for "any node".
    @Test func aShadowedLinkIsRefusedWhereItStands() {
        #expect(issues(#"[{"from": "payment", "latency": "1ms"}, {"from": "payment", "to": "email", "latency": "900ms"}]"#) == [
            "network.links[1]: no message takes this link: network.links[0] comes first and matches every message it would "
                + "(the first link that matches a message sets its latency); put this link before it, or drop it",
        ])
        #expect(issues(#"[{"from": "payment", "to": "email", "latency": "900ms"}, {"from": "payment", "latency": "1ms"}]"#).isEmpty)
        #expect(issues(#"[{"from": "payment", "latency": "1ms"}, {"from": "paymnt", "to": "email", "latency": "900ms"}]"#).map { $0.prefix(24) }
                == ["network.links[1].from: u"])
    }
}
