import Foundation
import Testing
@testable import RippleCommands

/// `ripple run` draws the event-driven design's traced requests as a fan-out: the entry
/// publishes to the broker, and the broker delivers to every consumer.
struct SequenceDiagramFanOutTests {
    @Test func sequenceEventsShowsThePublishAndADeliveryToEachConsumer() throws {
        let folder = TestScenarios.temporaryFolder()
        let text = """
        {"name": "fan-out", "seed": 3, "duration": "2s", "drain": "1s",
         "workload": {"entry": "order", "arrivals": {"poisson": "50/s"}, "keys": {"count": 100}},
         "services": {"order": {"workers": 4, "work": "5ms"}, "email": {"work": "10ms"}, "stock": {"work": "2ms"}},
         "architectures": {"events": {"consumers": {"email": {}, "stock": {}}}}}
        """
        let scenario = folder + "/fan-out.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: scenario))
        let result = TestScenarios.ripple(["run", scenario, "--out", folder + "/out", "--quiet"])
        #expect(result.status == 0, "\(result.errors)")
        let svg = try String(contentsOfFile: folder + "/out/sequence-events.svg", encoding: .utf8)
        let lines = svg.split(separator: "\n").map(String.init)

        // Lifelines, left to right, where the request goes: order, broker, then the consumers.
        let headings = lines.filter { $0.hasPrefix("<text") && $0.contains("y=\"42\"") }
        let names = headings.map { $0.firstMatch(of: />([a-z]+)</)!.1 }
        #expect(names == ["order", "broker", "email", "stock"])
        var x: [Substring: Substring] = [:]
        for (heading, name) in zip(headings, names) { x[name] = heading.firstMatch(of: /x="([0-9.]+)"/)!.1 }

        func arrows(_ kind: String) -> [(from: Substring, to: Substring)] {
            lines.filter { $0.contains("data-message=\"\(kind)\"") }.map {
                ($0.firstMatch(of: /x1="([0-9.]+)"/)!.1, $0.firstMatch(of: /x2="([0-9.]+)"/)!.1)
            }
        }
        let publishes = arrows("publish"), deliveries = arrows("delivery")
        #expect(!publishes.isEmpty && publishes.allSatisfy { $0.from == x["order"] && $0.to == x["broker"] })
        #expect(arrows("ack").allSatisfy { $0.from == x["broker"] && $0.to == x["order"] })
        #expect(deliveries.count == 2 * publishes.count, "one delivery to each of the two consumers per publish")
        #expect(deliveries.allSatisfy { $0.from == x["broker"] })
        #expect(Set(deliveries.map(\.to)) == [x["email"]!, x["stock"]!])
        #expect(svg.contains("data-span=\"process\""))

        // A delivery's label keeps clear of the lifelines it crosses (on one it reads as that
        // node's): the label of the delivery to stock, which crosses email's, sits beside it.
        let lifelines = x.values.map { Double($0)! }
        for label in lines.filter({ $0.contains("data-label=\"delivery\"") }) {
            let centre = Double(label.firstMatch(of: /x="([0-9.]+)"/)!.1)!
            let halfWidth = Double("deliver".count) * 10 * 0.6 / 2
            #expect(!lifelines.contains { abs($0 - centre) < halfWidth }, "\(label)")
        }
    }
}
