import SimKernel
import Testing
@testable import SimScenario

/// Whatever a scenario file states (services, faults, links, architectures) survives loading:
/// an accepted file's `Scenario` keeps all of it, and a file that would lose any is refused.
struct StatedContentTests {
    static let template = #"""
        {"name": "kept", "duration": "10s",
         "workload": {"entry": "a", "arrivals": {"poisson": "100/s"}},
         "services": {"a": {"workers": 2, "work": {"mixture": [{"weight": 0.9, "constant": "1ms"}, {"weight": 0.1, "constant": "5ms"}]}},
                      "b": {"work": "2ms"}},
         "network": {"latency": {"mixture": [{"weight": 1, "constant": "1ms"}]},
                     "links": [{"from": "a", "to": "b", "latency": {"mixture": [{"weight": 0.5, "constant": "2ms"}, {"weight": 0.5, "constant": "3ms"}]}}]},
         "faults": [{"slow": "b", "at": "2s", "for": "1s", "work": {"mixture": [{"weight": 0.7, "constant": "20ms"}, {"weight": 0.3, "constant": "9ms"}]}},
                    {"network": "b", "at": "4s", "for": "1s", "drop": 0.1}],
         "architectures": {"sync": {"chain": ["a", "b"]}, "events": {"consumers": {"b": {}}}}}
        """#

    /// Loads `text`; when accepted, checks the scenario keeps what the JSON states.
    /// Returns whether it was accepted.
    @discardableResult
    func checkKept(_ text: String, _ context: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let scenario = try? ScenarioLoader.parse(bytes, file: "kept.json"), let root = try? JSONParser.parse(bytes) else { return false }
        #expect(StatedContent(document: root) == StatedContent(scenario: scenario), "\(context): \(text)")
        return true
    }

    @Test func theTemplateKeepsEverything() throws {
        let scenario = try ScenarioLoader.parse(Array(Self.template.utf8), file: "kept.json")
        #expect(StatedContent(scenario: scenario).description == "services 2, faults 2, links 1, architectures 2")
    }

    /// Each weight of the template replaced by a random one, including 0, underflowing and
    /// enormous weights: every accepted file keeps its faults and links.
    @Test func randomWeightsNeverDropAFaultOrALink() {
        let weights = ["0", "0.0", "1e-400", "0e5", "1e-300", "0.25", "1", "7", "1e9", "2e9", "-1", "\"1\""]
        let original = Self.template.components(separatedBy: "\"weight\": ")
        var accepted = 0, rejected = 0
        for seed in UInt64(1)...500 {
            var random = RandomStream(seed: seed)
            var text = original[0]
            for piece in original.dropFirst() {
                let rest = piece.drop { $0 != "," && $0 != "}" }
                let weight = random.next(below: 2) == 0 ? "0.5" : weights[Int(random.next(below: UInt64(weights.count)))]
                text += "\"weight\": " + weight + rest
            }
            if checkKept(text, "seed \(seed)") { accepted += 1 } else { rejected += 1 }
        }
        #expect(accepted > 0 && rejected > 300, "accepted \(accepted), rejected \(rejected)")
    }
}
